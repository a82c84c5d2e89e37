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

    /// Creates a location.
    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, omitting the parts that are unknown.
    package var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
