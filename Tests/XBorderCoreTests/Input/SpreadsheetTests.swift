import Testing
import XBorderCore

/// Encoding and delimiter detection, and located diagnostics for undecodable cells.
@Suite struct SpreadsheetTests {
    static func read(_ bytes: [UInt8]) -> (Spreadsheet, CSVTable, DiagnosticLog) {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "t.csv", bytes: bytes), diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        return (sheet, table, log)
    }

    @Test("a UTF-8 BOM is detected and skipped")
    func bom() {
        let (sheet, table, _) = Self.read([0xEF, 0xBB, 0xBF] + Array("flow_id,x\nF1,é\n".utf8))
        #expect(sheet.encoding == .utf8)
        #expect(table.records.map(\.cells) == [["flow_id", "x"], ["F1", "é"]])
    }

    @Test("Excel's sep= line sets the delimiter and is not a record")
    func sepLine() {
        let (sheet, table, _) = Self.read(Array("sep=;\r\na;b\r\n1;2\r\n".utf8))
        #expect(sheet.delimiter == UInt8(ascii: ";"))
        #expect(table.records.map(\.cells) == [["a", "b"], ["1", "2"]])
        #expect(table.records.map(\.line) == [2, 3])
    }

    @Test("the most frequent delimiter of the first record wins")
    func delimiterDetection() {
        #expect(Self.read(Array("a;b;c\n1,5;2;3\n".utf8)).0.delimiter == UInt8(ascii: ";"))
        #expect(Self.read(Array("a\tb\tc\n".utf8)).0.delimiter == UInt8(ascii: "\t"))
        #expect(Self.read(Array("\"a;x\",b\n".utf8)).0.delimiter == UInt8(ascii: ","))
    }

    @Test("UTF-16LE with BOM is transcoded")
    func utf16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a\tb\r\n日本\tx\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (sheet, table, _) = Self.read(bytes)
        #expect(sheet.encoding == .utf16LE)
        #expect(table.records.map(\.cells) == [["a", "b"], ["日本", "x"]])
    }

    @Test("CP932 bytes are detected and decoded with the NEC and IBM extensions")
    func cp932() {
        // "㈱髙①～" in CP932: 87 8A, FB FC (IBM), 87 40, 81 60
        let bytes = Array("name\n".utf8) + [0x87, 0x8A, 0xFB, 0xFC, 0x87, 0x40, 0x81, 0x60, 0x0A]
        let (sheet, table, log) = Self.read(bytes)
        #expect(sheet.encoding == .cp932)
        #expect(table.records.last?.cells == ["㈱髙①～"])
        #expect(log.all.isEmpty)
    }

    @Test("a cell that is invalid in a forced encoding is a located error, not a replacement character")
    func invalidBytes() {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(
            InputFile(path: "t.csv", bytes: Array("a,b\n1,".utf8) + [0xC3, 0x28] + [0x0A]), encoding: .utf8,
            diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        #expect(table.records.last?.isBroken == true)
        let d = try! #require(log.all.first)
        #expect(d.code == "input.encoding")
        #expect(d.location == SourceLocation(file: "t.csv", line: 2, column: 2))
        #expect(d.message.contains("'C3 28'"))
    }

    @Test("a cell over the sheet's limit reads as empty, with one located error and no encoding error")
    func oversizedCell() {
        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldBytes = 1024
        var log = DiagnosticLog()
        let big = String(repeating: "é", count: 600)
        let sheet = Spreadsheet(InputFile(path: "t.csv", bytes: Array("a,b\n1,\(big)\n".utf8)), limits: limits, diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        #expect(table.records.map(\.cells) == [["a", "b"], ["1", ""]])
        #expect(table.records.last?.isBroken == true)
        #expect(log.all.map(\.description) == [
            "t.csv:2:2: error: cell is longer than 1024 bytes (raise the limit with --max-cell-bytes) [csv.field-too-long]"
        ])
        var standardLog = DiagnosticLog()
        let standard = Spreadsheet(InputFile(path: "t.csv", bytes: Array("a,b\n1,\(big)\n".utf8)), diagnostics: &standardLog)
        #expect(standard.readTable(diagnostics: &standardLog).records.last?.cells == ["1", big])
        #expect(standardLog.all.isEmpty)
    }
}
