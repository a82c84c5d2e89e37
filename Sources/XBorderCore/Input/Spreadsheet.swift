/// A spreadsheet export ready to tokenize: decoded to an ASCII-compatible byte form, with its
/// encoding and delimiter detected (or given), and an optional Excel `sep=` line skipped.
package struct Spreadsheet: Sendable {
    /// The file path used in diagnostics.
    package let path: String
    /// The encoding the file was written in.
    package let encoding: TextEncoding
    /// The field separator.
    package let delimiter: UInt8
    /// The text: the file's own bytes, or UTF-8 for UTF-16 files.
    package let text: [UInt8]
    /// Offset of the first record (after BOM and `sep=` line).
    package let start: Int
    /// Line number of the first record.
    package let firstLine: Int
    /// Bounds on cells and records (`--max-cell-bytes`, `--max-columns`).
    package let limits: CSVTokenizer.Limits
    /// The worksheet the text was made from, for a sheet of an Excel workbook; nil for CSV.
    package let sheet: SheetOrigin?

    /// Delimiters xborder detects, in order of preference on a tie.
    package static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// Prepares `file` for reading.
    /// - Parameters:
    ///   - encoding: Forces the encoding (`--encoding`); detected when nil.
    ///   - delimiter: Forces the delimiter; detected when nil.
    ///   - limits: Bounds on cells and records.
    ///   - diagnostics: Receives encoding problems of UTF-16 files.
    package init(
        _ file: InputFile,
        encoding forcedEncoding: TextEncoding? = nil,
        delimiter forcedDelimiter: UInt8? = nil,
        limits: CSVTokenizer.Limits = .standard,
        diagnostics: inout DiagnosticLog
    ) {
        path = file.path
        self.limits = limits
        sheet = nil
        let detection: EncodingDetector.Detection
        if let forcedEncoding {
            detection = .init(
                encoding: forcedEncoding,
                bomLength: EncodingDetector.bomLength(of: file.bytes, for: forcedEncoding)
            )
        } else {
            detection = EncodingDetector.detect(file.bytes)
        }
        encoding = detection.encoding
        var text: [UInt8]
        var offset: Int
        switch detection.encoding {
        case .utf16LE, .utf16BE:
            let result = UTF16Transcoder.transcode(
                file.bytes[detection.bomLength...],
                bigEndian: detection.encoding == .utf16BE
            )
            text = result.utf8
            offset = 0
            for line in result.invalidLines {
                diagnostics.error(
                    "input.encoding",
                    "invalid \(detection.encoding.rawValue) (unpaired surrogate or odd byte count)",
                    at: SourceLocation(file: file.path, line: line)
                )
            }
            if result.invalidLineCount > result.invalidLines.count {
                diagnostics.error(
                    "input.encoding",
                    "\(result.invalidLineCount - result.invalidLines.count) more lines have invalid \(detection.encoding.rawValue)",
                    at: SourceLocation(file: file.path))
            }
        default:
            text = file.bytes
            offset = detection.bomLength
        }
        var line = 1
        var sep: UInt8?
        // Excel's delimiter hint: a first line that is exactly `sep=X`.
        if text.count >= offset + 5, Array(text[offset..<(offset + 4)]).map({ $0 | 0x20 }) == Array("sep=".utf8) {
            let candidate = text[offset + 4]
            let after = offset + 5
            if after == text.count || text[after] == UInt8(ascii: "\n") || text[after] == UInt8(ascii: "\r") {
                sep = candidate
                offset = after
                if offset < text.count && text[offset] == UInt8(ascii: "\r") { offset += 1 }
                if offset < text.count && text[offset] == UInt8(ascii: "\n") { offset += 1 }
                line = 2
            }
        }
        self.text = text
        self.start = offset
        self.firstLine = line
        self.delimiter = forcedDelimiter ?? sep ?? Self.detectDelimiter(text, from: offset)
    }

    /// A worksheet of an Excel workbook as UTF-8 CSV text (`Workbook`), read like any export;
    /// locations name the sheet's rows and cells.
    package init(worksheetText text: [UInt8], path: String, sheet: SheetOrigin, limits: CSVTokenizer.Limits = .standard) {
        self.path = path
        self.limits = limits
        self.sheet = sheet
        encoding = .utf8
        delimiter = UInt8(ascii: ",")
        self.text = text
        start = 0
        firstLine = 1
    }

    /// A location in this spreadsheet (a sheet row when it is a worksheet).
    package func location(line: Int = 0, column: Int = 0) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column, sheet: sheet?.name)
    }

    /// Picks the candidate delimiter that occurs most often, outside quotes, in the first record.
    static func detectDelimiter(_ text: [UInt8], from start: Int) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var inQuotes = false
        var i = start
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                if let k = candidateDelimiters.firstIndex(of: c) { counts[k] += 1 }
            }
            i += 1
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidateDelimiters[best] : UInt8(ascii: ",")
    }

    /// A printable name of the delimiter for messages (`','`, `';'`, `TAB`).
    package var delimiterName: String {
        delimiter == UInt8(ascii: "\t") ? "TAB" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }

    /// Streams the records, reporting CSV syntax problems; return false from `body` to stop.
    /// - Parameter finish: Runs after the last record while the records' bytes are still readable (for a
    ///   caller that keeps records in batches).
    package func forEachRecord(
        diagnostics: inout DiagnosticLog,
        finish: (inout DiagnosticLog) -> Void = { _ in },
        _ body: (borrowing CSVRecord, inout DiagnosticLog) -> Bool
    ) {
        let decoder = CellDecoder(encoding: encoding)
        let tokenizer = CSVTokenizer(delimiter: delimiter, limits: limits)
        let path = self.path
        text.withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(buffer, from: start, firstLine: firstLine) { fields, line, problems in
                var fields = fields
                var line = line
                if let sheet {
                    // Lines of the generated text become the sheet's rows.
                    for k in fields.indices { fields[k].line = sheet.row(ofLine: fields[k].line) }
                    line = sheet.row(ofLine: line)
                }
                var syntaxErrors: [Diagnostic] = []
                for problem in problems {
                    let diagnostic = Diagnostic.csv(problem, file: path, sheet: sheet)
                    if diagnostic.severity == .error && !syntaxErrors.contains(where: { $0.code == diagnostic.code }) {
                        syntaxErrors.append(diagnostic)
                    }
                    diagnostics.emit(diagnostic)
                }
                let record = CSVRecord(
                    path: path, fields: fields, line: line, sheet: sheet?.name,
                    syntaxErrors: syntaxErrors,
                    buffer: buffer, decoder: decoder
                )
                return body(record, &diagnostics)
            }
            finish(&diagnostics)
        }
    }

    /// Reads the whole file into strings: for small files (reference data, decisions, mappings).
    package func readTable(diagnostics: inout DiagnosticLog) -> CSVTable {
        var rows: [CSVTable.Row] = []
        forEachRecord(diagnostics: &diagnostics) { record, diagnostics in
            var cells: [String] = []
            var bad = record.hasSyntaxError
            for column in 0..<record.count {
                if let value = record.string(at: column, diagnostics: &diagnostics) {
                    cells.append(value)
                } else {
                    cells.append("")
                    bad = true
                }
            }
            rows.append(CSVTable.Row(cells: cells, line: record.line, isBroken: bad))
            return true
        }
        return CSVTable(path: path, sheet: sheet?.name, records: rows)
    }
}

extension Diagnostic {
    /// The diagnostic for a CSV syntax problem.
    static func csv(_ problem: CSVTokenizer.Problem, file: String, sheet: SheetOrigin? = nil) -> Diagnostic {
        var diagnostic = csv(problem, file: file)
        if let sheet, var location = diagnostic.location {
            location.line = sheet.row(ofLine: location.line)
            location.sheet = sheet.name
            diagnostic.location = location
        }
        return diagnostic
    }

    /// The diagnostic for a CSV syntax problem in a text file.
    private static func csv(_ problem: CSVTokenizer.Problem, file: String) -> Diagnostic {
        switch problem {
        case .unterminatedQuote(let line, let column):
            Diagnostic(
                .error, code: "csv.unterminated-quote",
                "quoted cell is never closed; everything to the end of the file is inside it",
                at: SourceLocation(file: file, line: line, column: column))
        case .textAfterClosingQuote(let line, let column):
            Diagnostic(
                .warning, code: "csv.text-after-quote", "text after the closing quote is kept as part of the cell",
                at: SourceLocation(file: file, line: line, column: column))
        case .strayQuote(let line, let column):
            Diagnostic(
                .warning, code: "csv.stray-quote", "quote inside an unquoted cell is kept as a literal quote",
                at: SourceLocation(file: file, line: line, column: column))
        case .tooManyFields(let line, let limit):
            Diagnostic(
                .error, code: "csv.too-many-fields",
                "record has more than \(limit) fields; the rest are ignored (raise the limit with --max-columns)",
                at: SourceLocation(file: file, line: line))
        case .fieldTooLong(let line, let column, let limit):
            Diagnostic(
                .error, code: "csv.field-too-long",
                "cell is longer than \(limit) bytes (raise the limit with --max-cell-bytes)",
                at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
