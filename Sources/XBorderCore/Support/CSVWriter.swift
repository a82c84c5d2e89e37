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
        var cell = cell
        let trigger = isFormulaTrigger(cell)
        cell.withUTF8 { bytes in
            var needsQuotes = bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
            if !needsQuotes {
                for b in bytes where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D || b == 0x09 {
                    needsQuotes = true
                    break
                }
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if trigger { out.append(UInt8(ascii: "'")) }
            if needsQuotes {
                var runStart = 0
                for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\"") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...i]))
                    out.append(UInt8(ascii: "\""))
                    runStart = i + 1
                }
                if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
