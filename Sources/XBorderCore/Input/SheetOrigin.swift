/// Where the text of a `Spreadsheet` made from an Excel worksheet came from: the sheet's name
/// and, for each record of the generated CSV text, the line it starts on and the sheet row it
/// is, so that every location names the sheet's own row (a cell with line breaks spans several
/// lines of the text, never several rows).
package struct SheetOrigin: Sendable {
    /// The worksheet's name (`flows`).
    package var name: String
    /// Line of the generated text on which each record starts, ascending.
    package var recordLines: [Int]
    /// The sheet row of each record, parallel to `recordLines`.
    package var rows: [Int]

    /// Creates an origin.
    package init(name: String, recordLines: [Int], rows: [Int]) {
        self.name = name
        self.recordLines = recordLines
        self.rows = rows
    }

    /// The sheet row of a line of the generated text: that of the record the line belongs to.
    package func row(ofLine line: Int) -> Int {
        var low = 0, high = recordLines.count - 1
        guard high >= 0, line >= recordLines[0] else { return line }
        while low < high {
            let middle = (low + high + 1) / 2
            if recordLines[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return rows[low]
    }
}
