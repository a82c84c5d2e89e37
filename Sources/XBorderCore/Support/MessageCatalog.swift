import Foundation

/// The texts of one report language (`Templates/messages/<locale>.csv`, `key,text`).
/// Read from its file by `init(locale:file:diagnostics:)` (Rendering/MessageCatalog+Reading.swift).
package struct MessageCatalog: Sendable {
    /// Locale code (`en`, `ja`).
    package var locale: String
    /// key → text.
    package var messages: [String: String]

    /// Creates a catalogue.
    package init(locale: String, messages: [String: String]) {
        self.locale = locale
        self.messages = messages
    }

    /// The text for `key`, or the key itself in brackets so a missing text is visible (and tested).
    package subscript(_ key: String) -> String { messages[key] ?? "[\(key)]" }

    /// Replaces `{name}` placeholders in the text of `key` in one pass (Foundation's
    /// `replacingOccurrences` is far too slow for millions of explanations); unknown
    /// placeholders are kept as written. Values are looked up linearly: there are only a few.
    package func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(self[key]) { name in values.first(where: { Self.same($0.key, name) })?.value }
    }

    /// `format` with values computed at run time.
    package func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key]) { name in values[String(decoding: name, as: UTF8.self)] }
    }

    /// Byte equality of a placeholder name and a key (no generic sequence comparison).
    private static func same(_ key: String, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var key = key
        return key.withUTF8 { k in
            k.count == name.count && (k.count == 0 || memcmp(k.baseAddress!, name.baseAddress!, k.count) == 0)
        }
    }

    /// Fills the placeholders of `template`.
    package static func fill(_ template: String, _ value: (UnsafeBufferPointer<UInt8>) -> String?) -> String {
        var template = template
        return template.withUTF8 { utf8 in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 64)
            var i = 0
            var runStart = 0
            while i < utf8.count {
                guard utf8[i] == UInt8(ascii: "{") else {
                    i += 1
                    continue
                }
                var close = i + 1
                while close < utf8.count && utf8[close] != UInt8(ascii: "}") { close += 1 }
                guard close < utf8.count else { break }
                let name = UnsafeBufferPointer(rebasing: utf8[(i + 1)..<close])
                if let value = value(name) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    out.append(contentsOf: value.utf8)
                    runStart = close + 1
                }
                i = close + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
