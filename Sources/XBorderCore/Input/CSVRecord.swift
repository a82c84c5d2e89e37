/// One record of a spreadsheet while it is being read: fields as byte spans plus the means to
/// decode them. Valid only inside the `forEachRecord` callback.
package struct CSVRecord: ~Copyable {
    /// The file path, for locations.
    package let path: String
    /// The fields.
    package let fields: [CSVField]
    /// The line the record starts on.
    package let line: Int
    /// The worksheet, when the record is a row of an Excel workbook (its line is then the row).
    package var sheet: String? = nil
    /// The tokenizer's errors (not warnings) in this record, the first of each code.
    package let syntaxErrors: [Diagnostic]
    /// True when the tokenizer found an error (not a warning) in this record.
    package var hasSyntaxError: Bool { !syntaxErrors.isEmpty }
    let buffer: UnsafeBufferPointer<UInt8>
    let decoder: CellDecoder

    /// Number of fields.
    package var count: Int { fields.count }

    /// Location of a 0-based column (reported 1-based).
    package func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: column < fields.count ? fields[column].line : line, column: column + 1, sheet: sheet)
    }

    /// True when the cell is absent or empty (before trimming).
    package func isEmpty(at column: Int) -> Bool {
        guard column < fields.count else { return true }
        let f = fields[column]
        return f.end - f.start <= (f.shape.contains(.quoted) ? 2 : 0)
    }

    /// True when the cell holds nothing but spaces and tabs (or is absent).
    package func isBlank(at column: Int) -> Bool {
        guard column < fields.count else { return true }
        if fields[column].shape.contains(.tooLong) { return false }
        return CSVTokenizer.withValueBytes(of: fields[column], in: buffer) { bytes in
            bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 }
        }
    }

    /// The decoded cell, "" for a missing cell or one longer than the limit (already an error,
    /// and never copied), or nil (with a diagnostic) when its bytes are invalid in the file's encoding.
    package func string(at column: Int, diagnostics: inout DiagnosticLog) -> String? {
        guard column < fields.count else { return "" }
        let field = fields[column]
        if field.shape.contains(.tooLong) { return "" }
        let decoded = CSVTokenizer.withValueBytes(of: field, in: buffer) { decoder.decode($0) }
        if decoded == nil {
            let raw = CSVTokenizer.withValueBytes(of: field, in: buffer) { Array($0.prefix(24)) }
            let hex = raw.map { b in (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }.joined(separator: " ")
            diagnostics.error(
                "input.encoding",
                "cell is not valid \(decoder.encoding.rawValue): bytes '\(hex)'",
                at: location(column)
            )
        }
        return decoded
    }
}
