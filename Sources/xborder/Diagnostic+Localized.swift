import Foundation
import XBorderCore

extension Diagnostic {
    /// The diagnostic in the language of `text`. The message's first part (up to `; `) comes
    /// from the catalogue key `diag_<code>` (dots and hyphens as underscores; `{value}` is the
    /// first quoted value of the English message) when the catalogue has it; the hints after it
    /// that every command gives — "did you mean 'x'?", "give it with --option DIR", "periods in
    /// DIR: …" — from `cli_hint_*` keys; any other part stays English. English is unchanged.
    func localized(_ text: CLIText) -> Diagnostic {
        guard text.locale != "en" else { return self }
        let key = "diag_" + String(code.map { $0 == "." || $0 == "-" ? "_" : $0 })
        guard let template = text.label(key), !template.isEmpty else { return self }
        if !arguments.isEmpty {
            // A diagnostic that carries its values is worded from them (`{finding}`, `{measures}` …);
            // an argument `@key` is itself a catalogue key.
            var copy = self
            copy.message = MessageCatalog.fill(template) { name in
                arguments[String(decoding: name, as: UTF8.self)].map { $0.hasPrefix("@") ? (text.label(String($0.dropFirst())) ?? $0) : $0 }
            }
            return copy
        }
        let parts = message.components(separatedBy: "; ")
        let head = MessageCatalog.fill(template) { name in
            String(decoding: name, as: UTF8.self) == "value" ? Self.firstQuoted(in: parts[0]) ?? "" : nil
        }
        var copy = self
        copy.message = ([head] + parts.dropFirst().map { Self.hint($0, text) }).joined(separator: text.locale == "ja" ? "。" : "; ")
        return copy
    }

    /// One hint after the message's first part, translated when it is a known one.
    private static func hint(_ part: String, _ text: CLIText) -> String {
        if part.hasPrefix("did you mean "), let mark = part.firstIndex(of: "?") {
            let value = String(part[part.index(part.startIndex, offsetBy: "did you mean ".count)..<mark])
            let rest = part[part.index(after: mark)...].trimmingCharacters(in: .whitespaces)
            return text("cli_hint_did_you_mean", ["value": value]) + (rest.isEmpty ? "" : " " + hint(rest, text))
        }
        if let range = part.range(of: " with --"), part.hasPrefix("give ") {
            return text("cli_hint_give_option", ["option": String(part[part.index(after: range.lowerBound)...])])
        }
        if part.hasPrefix("periods in "), let colon = part.range(of: ": ") {
            let folder = String(part[part.index(part.startIndex, offsetBy: "periods in ".count)..<colon.lowerBound])
            return text("cli_hint_periods", ["folder": folder, "periods": String(part[colon.upperBound...])])
        }
        return part
    }

    /// The first `'…'` in `text`.
    private static func firstQuoted(in text: String) -> String? {
        guard let open = text.firstIndex(of: "'") else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close])
    }
}
