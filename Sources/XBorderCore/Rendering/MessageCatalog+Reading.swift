/// Reading a catalogue file. Catalogues live beside the templates (`Templates/messages/`), so the
/// reader is the render stage's; `MessageCatalog` itself is in Support, for every stage's texts.
extension MessageCatalog {
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
}
