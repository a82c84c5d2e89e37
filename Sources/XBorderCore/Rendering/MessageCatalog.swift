import Foundation

/// The texts of one report language (`Templates/messages/<locale>.csv`, `key,text`).
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

    /// Reads a catalogue file; duplicate keys and rows without a key are diagnostics.
    package init(locale: String, file: InputFile, diagnostics: inout DiagnosticLog) {
        let sheet = Spreadsheet(file, diagnostics: &diagnostics)
        let table = KeyedTable(sheet.readTable(diagnostics: &diagnostics), required: ["key", "text"], diagnostics: &diagnostics)
        var messages: [String: String] = [:]
        for row in table.rows {
            let key = row["key"]
            if key.isEmpty { continue }
            if messages[key] != nil {
                diagnostics.warning("template.duplicate-message", "message key \(Diagnostic.quoted(key)) is defined twice", at: row.location("key"))
            }
            messages[key] = row.raw.cells.count > 1 ? row.raw.cells[table.columns["text"] ?? 1] : ""
        }
        self.init(locale: locale, messages: messages)
    }

    /// The text for `key`, or the key itself in brackets so a missing text is visible (and tested).
    package subscript(_ key: String) -> String { messages[key] ?? "[\(key)]" }

    /// Replaces `{name}` placeholders in the text of `key`.
    package func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
