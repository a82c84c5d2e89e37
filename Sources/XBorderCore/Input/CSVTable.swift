/// A small spreadsheet read completely into strings, each row with its line.
package struct CSVTable: Sendable {
    /// One record.
    package struct Row: Sendable {
        /// Decoded cells (an undecodable cell is "" and `isBroken` is set).
        package var cells: [String]
        /// Line the record starts on.
        package var line: Int
        /// True when a syntax or encoding error touched the record.
        package var isBroken: Bool
    }

    /// The file path.
    package var path: String
    /// The worksheet, when the table comes from an Excel workbook.
    package var sheet: String?
    /// All records, header included.
    package var records: [Row]

    /// Creates a table.
    package init(path: String, sheet: String? = nil, records: [Row]) {
        self.path = path
        self.sheet = sheet
        self.records = records
    }
}
