import Testing
import XBorderCore

/// The byte-level RFC 4180 tokenizer: records, quoting, line ends and located syntax problems.
@Suite struct CSVTokenizerTests {
    /// Tokenizes text into string records plus problems.
    static func tokenize(_ text: String, delimiter: Character = ",") -> (records: [[String]], lines: [Int], problems: [CSVTokenizer.Problem]) {
        var records: [[String]] = []
        var lines: [Int] = []
        var problems: [CSVTokenizer.Problem] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            CSVTokenizer(delimiter: delimiter.asciiValue!).tokenize(buffer) { fields, line, found in
                records.append(fields.map { field in
                    CSVTokenizer.withValueBytes(of: field, in: buffer) { String(decoding: $0, as: UTF8.self) }
                })
                lines.append(line)
                problems += found
                return true
            }
        }
        return (records, lines, problems)
    }

    @Test("plain records with a header")
    func plain() {
        let result = Self.tokenize("a,b,c\n1,2,3\n")
        #expect(result.records == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(result.problems.isEmpty)
    }

    @Test("CRLF, LF and CR-only record ends", arguments: ["\r\n", "\n", "\r"])
    func lineEnds(_ end: String) {
        let result = Self.tokenize("a,b\(end)1,2\(end)3,4")
        #expect(result.records == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.lines == [1, 2, 3])
    }

    @Test("quoted cells keep delimiters, doubled quotes and line breaks")
    func quoted() {
        let result = Self.tokenize("\"a,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z\n")
        #expect(result.records == [["a,1", "say \"hi\"", "two\nlines"], ["x", "y", "z"]])
        #expect(result.lines == [1, 3])
    }

    @Test("a trailing delimiter at the end of the file is an empty last field")
    func trailingDelimiter() {
        #expect(Self.tokenize("a,b,").records == [["a", "b", ""]])
    }

    @Test("blank lines are skipped, spaces are data")
    func blankLines() {
        let result = Self.tokenize("a,b\n\n\r\n 1 , 2 \n")
        #expect(result.records == [["a", "b"], [" 1 ", " 2 "]])
        #expect(result.lines == [1, 4])
    }

    @Test("an unterminated quote is an error at the line where the cell starts")
    func unterminated() {
        let result = Self.tokenize("a,b\n1,\"open\nstill open\n")
        #expect(result.problems == [.unterminatedQuote(line: 2, column: 2)])
        #expect(result.records.last == ["1", "open\nstill open\n"])
    }

    @Test("text after a closing quote and stray quotes are kept and reported as warnings")
    func irregularQuotes() {
        let result = Self.tokenize("\"ab\"cd,e\"f\n")
        #expect(result.records == [["abcd", "e\"f"]])
        #expect(result.problems == [.textAfterClosingQuote(line: 1, column: 1), .strayQuote(line: 1, column: 2)])
    }

    @Test("semicolon and tab delimiters")
    func otherDelimiters() {
        #expect(Self.tokenize("a;b,c\n", delimiter: ";").records == [["a", "b,c"]])
        #expect(Self.tokenize("a\tb\n", delimiter: "\t").records == [["a", "b"]])
    }

    @Test("a record with too many fields is reported once and capped")
    func tooManyFields() {
        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldsPerRecord = 3
        let bytes = Array("1,2,3,4,5\n".utf8)
        var count = 0
        var problems: [CSVTokenizer.Problem] = []
        bytes.withUnsafeBufferPointer { buffer in
            CSVTokenizer(limits: limits).tokenize(buffer) { fields, _, found in
                count = fields.count
                problems = found
                return true
            }
        }
        #expect(count == 3)
        #expect(problems == [.tooManyFields(line: 1, limit: 3)])
    }

    @Test("a field longer than the limit is an error, is marked too long, and its value is never copied")
    func fieldTooLong() {
        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldBytes = 8
        let bytes = Array("a,\"\"\"\"\"\"\"\"\"\"\"\",12345678\n".utf8)
        var shapes: [CSVField.Shape] = []
        var values: [String] = []
        var problems: [CSVTokenizer.Problem] = []
        bytes.withUnsafeBufferPointer { buffer in
            CSVTokenizer(limits: limits).tokenize(buffer) { fields, _, found in
                shapes = fields.map(\.shape)
                values = fields.map { field in
                    CSVTokenizer.withValueBytes(of: field, in: buffer) { String(decoding: $0, as: UTF8.self) }
                }
                problems = found
                return true
            }
        }
        #expect(problems == [.fieldTooLong(line: 1, column: 2, limit: 8)])
        #expect(shapes[1].contains(.tooLong) && !shapes[2].contains(.tooLong))
        #expect(values == ["a", "", "12345678"])
    }

    @Test("warnings of fields beyond the field limit are not collected")
    func droppedFieldProblems() {
        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldsPerRecord = 2
        let line = String(repeating: "a\",", count: 10_000) + "\n"
        var problems: [CSVTokenizer.Problem] = []
        Array(line.utf8).withUnsafeBufferPointer { buffer in
            CSVTokenizer(limits: limits).tokenize(buffer) { _, _, found in
                problems = found
                return true
            }
        }
        #expect(problems == [.strayQuote(line: 1, column: 1), .strayQuote(line: 1, column: 2), .tooManyFields(line: 1, limit: 2)])
    }
}
