/// A place in an input or output file: 1-based line and column.
///
/// For spreadsheets the column is the 1-based field number (the spreadsheet column), which is
/// what an analyst looks for in Excel; the line is the physical line on which the record or
/// field starts (a quoted multi-line cell spans several lines).
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative).
    package var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    package var line: Int
    /// 1-based column (field number for CSV), or 0 when unknown.
    package var column: Int
    /// The worksheet of an Excel workbook, whose line is the sheet's row; nil for text files.
    package var sheet: String?

    /// Creates a location.
    package init(file: String, line: Int = 0, column: Int = 0, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, omitting the parts that are unknown; in a workbook, Excel's cell
    /// reference: `flows.xlsx:flows!C12` (a whole row `flows.xlsx:flows!12:12`).
    package var description: String {
        if let sheet {
            if line == 0 { return "\(file):\(sheet)" }
            if column == 0 { return "\(file):\(sheet)!\(line):\(line)" }
            return "\(file):\(sheet)!\(Self.columnLetters(column))\(line)"
        }
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// Excel's letters of a 1-based column: 1 → A, 27 → AA.
    package static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}
