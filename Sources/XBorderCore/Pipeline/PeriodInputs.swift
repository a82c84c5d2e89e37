/// Stage 0–2 results shared by `check` and `run`: the period's files read, the reference data
/// and catalogues loaded, the inventory decoded and the decisions parsed. I/O happens here and
/// in the archive only.
package struct PeriodInputs: Sendable {
    /// File names inside a period folder.
    package static let flowsFile = "flows.csv"
    package static let decisionsFile = "decisions.csv"
    package static let columnsFile = "columns.csv"
    package static let settingsFile = "settings.csv"
    package static let scenariosFile = "scenarios.csv"
    /// An Excel workbook standing in for the CSV files: sheets `flows` (or its only sheet),
    /// `decisions` and `columns`.
    package static let workbookFile = "flows.xlsx"

    package var period: String
    package var asOf: CalendarDate
    package var reference: ReferenceData
    package var inventory: Inventory
    package var decisions: DecisionBook
    /// What-if scenarios (scenarios.csv; empty without it).
    package var scenarios: [Scenario]
    package var settings: ReportSettings
    /// Every catalogue under Templates/messages (for Japanese enumeration labels).
    package var catalogues: [String: MessageCatalog]
    /// Input files read (period folder), archived under `inputs/`.
    package var inputFiles: [RecordedFile]
    /// Reference files read, archived under `reference/`.
    package var referenceFiles: [InputFile]
    /// Formats of the inputs (for the appendix), by path.
    package var formats: [String: String]
    /// Data rows per file, by path.
    package var rows: [String: Int]
    /// The folders around the period, and how archived files show paths.
    package var layout: InputsLayout

    /// The English catalogue of the templates (the companions' wording), with the enumeration
    /// tokens as the last fallback.
    package var englishMessages: MessageCatalog {
        (catalogues["en"] ?? MessageCatalog(locale: "en", messages: [:])).withFallback(.tokenLabels)
    }

    /// Reads and decodes everything; nil when the run cannot continue (errors in `diagnostics`).
    package static func load(_ config: Config, diagnostics: inout DiagnosticLog) -> PeriodInputs? {
        var reader = PeriodReader(config: config, diagnostics: diagnostics)
        defer { diagnostics = reader.diagnostics }
        return reader.load()
    }

    /// `UTF-8, comma, CRLF`.
    static func describe(_ sheet: Spreadsheet) -> String {
        if sheet.sheet != nil { return "Excel workbook" }
        let delimiter: String
        switch sheet.delimiter {
        case UInt8(ascii: ","): delimiter = "comma"
        case UInt8(ascii: ";"): delimiter = "semicolon"
        case UInt8(ascii: "\t"): delimiter = "tab"
        default: delimiter = sheet.delimiterName
        }
        let text = sheet.text
        var ending = "no line breaks"
        if let i = text.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            ending = text[i] == 0x0A ? "LF" : (i + 1 < text.count && text[i + 1] == 0x0A ? "CRLF" : "CR")
        }
        return "\(sheet.encoding.rawValue), \(delimiter), \(ending)"
    }
}
