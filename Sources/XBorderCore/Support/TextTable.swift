/// Rows of cells laid out in aligned columns for the terminal: columns separated by two spaces,
/// numbers right-aligned, no trailing spaces. Widths count characters, and East Asian wide
/// characters as two.
package struct TextTable: Sendable {
    /// The rows, the first usually a header.
    package var rows: [[String]]
    /// Indices of the columns aligned right.
    package var rightAligned: Set<Int>

    /// Creates a table.
    package init(_ rows: [[String]], rightAligned: Set<Int> = []) {
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// One line per row, each starting with `indent`.
    package func lines(indent: String = "") -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.width(cell)) }
        }
        return rows.map { row in
            var line = indent
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - Self.width(cell))
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + (i == row.count - 1 ? "" : pad)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// Terminal columns `text` takes.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                total + 2
            case 0x0300...0x036F, 0x200B...0x200F: total
            default: total + 1
            }
        }
    }
}
