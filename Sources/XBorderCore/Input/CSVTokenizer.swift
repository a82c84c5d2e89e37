/// Stage 1: RFC 4180 tokenizer on raw bytes, streaming one record at a time.
///
/// Hand-written because no Swift CSV package is both correct on real exports and fast enough
/// (SwiftCSV trims spaces and loses delimiters after combining marks, CSV.swift
/// swallows the rest of a file after a bad quote; both are 20× slower than bytes).
///
/// Accepts what spreadsheets write: CRLF, LF or CR-only record ends; quoted cells with
/// delimiters, doubled quotes and line breaks; a missing final line break; blank lines (skipped).
/// Irregular quoting is kept as data and reported as a warning; an unterminated quote is an error.
package struct CSVTokenizer {
    /// Bounds that keep hostile input from exhausting memory (docs/SECURITY.md).
    package struct Limits: Sendable {
        /// Fields beyond this number in one record are dropped with an error.
        package var maxFieldsPerRecord = 4_096
        /// A field longer than this many bytes is an error (its record is rejected).
        package var maxFieldBytes = 1 << 20

        /// The defaults.
        package static let standard = Limits()
    }

    /// A problem in the CSV syntax of one record.
    package enum Problem: Sendable, Equatable {
        case unterminatedQuote(line: Int, column: Int)
        case textAfterClosingQuote(line: Int, column: Int)
        case strayQuote(line: Int, column: Int)
        case tooManyFields(line: Int, limit: Int)
        case fieldTooLong(line: Int, column: Int, limit: Int)
    }

    /// The field separator byte.
    package var delimiter: UInt8
    /// Bounds on record shape.
    package var limits: Limits

    /// Creates a tokenizer.
    package init(delimiter: UInt8 = UInt8(ascii: ","), limits: Limits = .standard) {
        self.delimiter = delimiter
        self.limits = limits
    }

    /// Tokenizes `buffer[start...]`, calling `onRecord` with the fields of each non-blank record,
    /// the line it starts on, and any syntax problems in it. Return false from `onRecord` to stop.
    package func tokenize(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int = 0,
        firstLine: Int = 1,
        onRecord: (_ fields: [CSVField], _ line: Int, _ problems: [Problem]) -> Bool
    ) {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let delimiter = self.delimiter
        let n = buffer.count
        var i = start
        var line = firstLine
        var recordLine = line
        var fields: [CSVField] = []
        fields.reserveCapacity(32)
        var problems: [Problem] = []
        var dropped = false

        func addField(_ field: CSVField) {
            if fields.count < limits.maxFieldsPerRecord {
                fields.append(field)
            } else if !dropped {
                dropped = true
                problems.append(.tooManyFields(line: recordLine, limit: limits.maxFieldsPerRecord))
            }
        }
        // Warnings and length errors of fields beyond the limit are not recorded: those fields are
        // dropped, and a line of a million `a",` fields must not become a million problems in
        // memory. An unterminated quote, which runs to the end of the file, is always reported.
        func report(_ problem: Problem) {
            if fields.count < limits.maxFieldsPerRecord { problems.append(problem) }
        }

        while i < n {
            let fieldStart = i
            let fieldLine = line
            var shape: CSVField.Shape = []
            if buffer[i] == quote {
                shape.insert(.quoted)
                i += 1
                while true {
                    if i >= n {
                        shape.insert(.unterminated)
                        problems.append(.unterminatedQuote(line: fieldLine, column: fields.count + 1))
                        break
                    }
                    let c = buffer[i]
                    if c == quote {
                        if i + 1 < n && buffer[i + 1] == quote {
                            shape.insert(.doubledQuote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if c == lf {
                        line += 1
                    } else if c == cr && !(i + 1 < n && buffer[i + 1] == lf) {
                        line += 1
                    }
                    i += 1
                }
                while i < n {
                    let c = buffer[i]
                    if c == delimiter || c == cr || c == lf { break }
                    if !shape.contains(.textAfterQuote) {
                        shape.insert(.textAfterQuote)
                        report(.textAfterClosingQuote(line: fieldLine, column: fields.count + 1))
                    }
                    i += 1
                }
            } else {
                while i < n {
                    let c = buffer[i]
                    if c == delimiter || c == cr || c == lf { break }
                    if c == quote && !shape.contains(.strayQuote) {
                        shape.insert(.strayQuote)
                        report(.strayQuote(line: fieldLine, column: fields.count + 1))
                    }
                    i += 1
                }
            }
            if i - fieldStart > limits.maxFieldBytes {
                shape.insert(.tooLong)
                report(.fieldTooLong(line: fieldLine, column: fields.count + 1, limit: limits.maxFieldBytes))
            }
            addField(CSVField(start: fieldStart, end: i, line: fieldLine, shape: shape))

            if i < n && buffer[i] == delimiter {
                i += 1
                if i < n { continue }
                // A delimiter at the very end: the record ends with an empty field.
                addField(CSVField(start: n, end: n, line: line, shape: []))
            }
            // End of record: a line break or the end of the buffer.
            if i < n {
                if buffer[i] == cr && i + 1 < n && buffer[i + 1] == lf { i += 2 } else { i += 1 }
                line += 1
            }
            let blank = fields.count == 1 && fields[0].start == fields[0].end
            if !blank || !problems.isEmpty {
                if !onRecord(fields, recordLine, problems) { return }
            }
            fields.removeAll(keepingCapacity: true)
            problems.removeAll(keepingCapacity: true)
            dropped = false
            recordLine = line
        }
    }

    /// The value bytes of a field: quotes removed and doubled quotes undoubled; empty for a field
    /// longer than the limit. Calls `body` with a view of the bytes (no copy for simple fields).
    package static func withValueBytes<R>(
        of field: CSVField,
        in buffer: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        if let plain = field.plainValue(in: buffer) { return body(plain) }
        // An oversized field is already an error: never copy its bytes (it may be 1 GB).
        if field.shape.contains(.tooLong) { return body(UnsafeBufferPointer(rebasing: buffer[field.start..<field.start])) }
        // General case: unquote with the same rules as the tokenizer.
        let quote = UInt8(ascii: "\"")
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var i = field.start
        if field.shape.contains(.quoted) {
            i += 1
            while i < field.end {
                let c = buffer[i]
                if c == quote {
                    if i + 1 < field.end && buffer[i + 1] == quote {
                        out.append(quote)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                out.append(c)
                i += 1
            }
        }
        while i < field.end {
            out.append(buffer[i])
            i += 1
        }
        return out.withUnsafeBufferPointer(body)
    }
}
