/// A small CSV table addressed by header names, for the reference files, decisions.csv,
/// columns.csv and message catalogues. Missing required headers are located errors.
package struct KeyedTable: Sendable {
    /// One data row.
    package struct Row: Sendable {
        let table: KeyedTable
        /// The raw row.
        package let raw: CSVTable.Row

        /// The trimmed cell of `column` ("" when the column or cell is absent).
        package subscript(_ column: String) -> String {
            guard let i = table.columns[column], i < raw.cells.count else { return "" }
            return raw.cells[i].trimmingWhitespace()
        }

        /// Location of `column`'s cell.
        package func location(_ column: String) -> SourceLocation {
            SourceLocation(file: table.path, line: raw.line, column: (table.columns[column] ?? -1) + 1, sheet: table.sheet)
        }

        /// Location of the row.
        package var location: SourceLocation { SourceLocation(file: table.path, line: raw.line, sheet: table.sheet) }
    }

    /// The file path.
    package let path: String
    /// The worksheet, when the table comes from an Excel workbook.
    package let sheet: String?
    /// Header name (lower-cased, trimmed) → column index.
    package let columns: [String: Int]
    /// Data rows (records after the header that are not broken).
    package var rows: [Row] { dataRows.map { Row(table: self, raw: $0) } }
    private let dataRows: [CSVTable.Row]

    /// Builds a keyed table, reporting missing `required` headers.
    package init(_ table: CSVTable, required: [String], diagnostics: inout DiagnosticLog) {
        path = table.path
        sheet = table.sheet
        var columns: [String: Int] = [:]
        if let header = table.records.first {
            for (i, name) in header.cells.enumerated() {
                let key = name.trimmingWhitespace().lowercased()
                if !key.isEmpty && columns[key] == nil { columns[key] = i }
            }
            for name in required where columns[name] == nil {
                diagnostics.error(
                    "reference.missing-column", "required column '\(name)' is missing",
                    at: SourceLocation(file: table.path, line: header.line, sheet: table.sheet))
            }
        } else {
            diagnostics.error("reference.empty", "file has no header row", at: SourceLocation(file: table.path))
        }
        self.columns = columns
        self.dataRows = Array(table.records.dropFirst().filter { !$0.isBroken })
    }
}
