/// Writes RFC 4180 CSV that is safe to open in a spreadsheet (OWASP "CSV Injection", ASVS 5.0
/// V1.2.10): a cell starting with `=`, `+`, `-`, `@`, TAB, CR or NUL gets a leading `'` so it is
/// shown as text and never evaluated; cells with delimiters, quotes, line breaks or edge spaces
/// are quoted with inner quotes doubled. Rows end with CRLF as RFC 4180 §2.1 says.
package struct CSVWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// Creates a writer, optionally with a header row.
    package init(header: [String]? = nil) {
        if let header { row(header) }
    }

    /// Appends one row.
    package mutating func row(_ cells: [String]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendCell(cell, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// Takes the written bytes, leaving the writer empty (for streaming to a file).
    package mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// True when a spreadsheet would treat the cell as a formula.
    package static func isFormulaTrigger(_ cell: String) -> Bool {
        guard let first = cell.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D || first == 0x00
    }

    /// Appends one neutralized, quoted-as-needed cell.
    static func appendCell(_ cell: String, to out: inout [UInt8]) {
        var value = Array(cell.utf8)
        if isFormulaTrigger(cell) { value.insert(UInt8(ascii: "'"), at: 0) }
        let needsQuotes =
            value.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            || value.first == UInt8(ascii: " ") || value.last == UInt8(ascii: " ")
        if !needsQuotes {
            out.append(contentsOf: value)
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in value {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
