import Foundation
import Testing
import XBorderCore
import ZIPFoundation
import TestSupport

/// Excel workbooks read directly: the sample workbook (made by Scripts/make-xlsx-fixture.py
/// from Inputs/2026-Q3) decodes to the same inventory as the CSV files, and a hand-built
/// workbook covers shared strings with phonetic guides, inline strings, numbers, dates,
/// booleans, multi-line cells, cell locations and the size limit.
@Suite struct WorkbookTests {
    static let fixture = Paths.repo("Tests/XBorderCoreTests/Input/Fixtures/sample-2026-Q3.xlsx")

    /// The inventory of a spreadsheet, each flow printed without its location.
    static func flows(_ sheet: Spreadsheet) throws -> (flows: [String], rejected: Int, rows: Int, log: DiagnosticLog) {
        var log = DiagnosticLog()
        let context = InventoryDecoder.Context(vocabulary: Vocabulary(), knownMeasures: Set((1...20).map { String(format: "M%02d", $0) }))
        let inventory = try #require(InventoryDecoder.decode(sheet, context: context, diagnostics: &log))
        let printed = inventory.flows.map { flow -> String in
            var copy = flow
            copy.location = SourceLocation(file: "")
            return "\(copy)"
        }
        return (printed, inventory.rejected.count, inventory.rowsRead, log)
    }

    static func workbook(_ path: String, maxPartBytes: Int = 1 << 30) throws -> Workbook {
        var log = DiagnosticLog()
        let file = InputFile(path: "flows.xlsx", bytes: try FileSystem.read(path))
        return try #require(Workbook(file, maxPartBytes: maxPartBytes, diagnostics: &log), "\(log.sorted)")
    }

    @Test("the sample workbook decodes to the same inventory and decisions as the CSV files it was made from")
    func sampleMatchesCSV() throws {
        let workbook = try Self.workbook(Self.fixture)
        #expect(workbook.sheetNames == ["flows", "decisions", "scenarios"])
        var log = DiagnosticLog()
        let sheet = try #require(workbook.spreadsheet(named: "flows", limits: .standard, diagnostics: &log))
        let csvFile = InputFile(path: "flows.csv", bytes: try FileSystem.read(Paths.repo("Inputs/2026-Q3/flows.csv")))
        let csv = Spreadsheet(csvFile, diagnostics: &log)
        let fromWorkbook = try Self.flows(sheet), fromCSV = try Self.flows(csv)
        #expect(fromWorkbook.rows == 120)
        #expect(fromWorkbook.rows == fromCSV.rows && fromWorkbook.rejected == fromCSV.rejected)
        #expect(fromWorkbook.flows == fromCSV.flows)
        #expect(fromWorkbook.log.sorted.map(\.message) == fromCSV.log.sorted.map(\.message))

        let decisions = try #require(workbook.spreadsheet(named: "decisions", limits: .standard, diagnostics: &log))
        let decisionsCSV = Spreadsheet(
            InputFile(path: "decisions.csv", bytes: try FileSystem.read(Paths.repo("Inputs/2026-Q3/decisions.csv"))), diagnostics: &log)
        let cells = { (table: CSVTable) in table.records.map { $0.cells.reversed().drop { $0.isEmpty }.reversed() as [String] } }
        #expect(cells(decisions.readTable(diagnostics: &log)) == cells(decisionsCSV.readTable(diagnostics: &log)))
        #expect(log.sorted.isEmpty, "\(log.sorted)")
    }

    /// A minimal workbook with one sheet `flows`, built in memory.
    static func handBuilt(sheet: String, sharedStrings: String, styles: String) throws -> String {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        let parts: [(String, String)] = [
            ("xl/workbook.xml", """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="flows" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """),
            ("xl/sharedStrings.xml", sharedStrings),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let path = Paths.temporaryDirectory() + "/flows.xlsx"
        try archive.data!.write(to: URL(fileURLWithPath: path))
        return path
    }

    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>
        """

    static let sharedStrings = """
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <si><t>flow_id</t></si>\
        <si><r><t>機密</t></r><r><t>区分</t></r><rPh sb="0" eb="2"><t>キミツ</t></rPh></si>\
        <si><t xml:space="preserve">two
        lines</t></si></sst>
        """

    static func row(_ r: Int, _ cells: String) -> String { "<row r=\"\(r)\">\(cells)</row>" }
    static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }

    @Test("cells are read as Excel shows them, and locations name the sheet's cells")
    func handBuiltWorkbook() throws {
        let header = ["flow_id", "data_asset", "data_category", "confidentiality", "origin_country", "destination_country", "volume", "notes"]
        var headerCells = "<c r=\"A1\" t=\"s\"><v>0</v></c>"
        for (k, name) in header.enumerated().dropFirst() {
            headerCells += Self.inline(SourceLocation.columnLetters(k + 1) + "1", name)
        }
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            \(Self.row(1, headerCells))\
            \(Self.row(2, Self.inline("A2", "F1") + "<c r=\"B2\" t=\"s\"><v>2</v></c>" + Self.inline("C2", "technical") + Self.inline("D2", "secret") + Self.inline("E2", "JP") + Self.inline("F2", "US") + "<c r=\"G2\" s=\"2\"><v>1200</v></c><c r=\"H2\" s=\"1\"><v>46295</v></c>"))\
            \(Self.row(4, Self.inline("A4", "F2") + "<c r=\"B4\" t=\"s\"><v>1</v></c>" + Self.inline("C4", "technical") + Self.inline("D4", "secret") + Self.inline("E4", "JP") + Self.inline("F4", "Germny") + "<c r=\"G4\"><v>0.30000000000000004</v></c><c r=\"H4\" t=\"b\"><v>1</v></c>"))\
            \(Self.row(5, Self.inline("A5", "F3") + Self.inline("B5", "x") + Self.inline("C5", "technical") + Self.inline("D5", "secret") + Self.inline("E5", "JP") + Self.inline("F5", "US") + "<c r=\"G5\"><v>7500000000000000</v></c>"))\
            </sheetData></worksheet>
            """
        let path = try Self.handBuilt(sheet: sheet, sharedStrings: Self.sharedStrings, styles: Self.styles)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let workbook = try Self.workbook(path)
        var log = DiagnosticLog()
        let spreadsheet = try #require(workbook.spreadsheet(named: "flows", limits: .standard, diagnostics: &log))
        let table = spreadsheet.readTable(diagnostics: &log)
        #expect(table.records.map(\.line) == [1, 2, 4, 5])
        #expect(table.records[1].cells == ["F1", "two\nlines", "technical", "secret", "JP", "US", "1,200", "2026-09-30"])
        #expect(table.records[2].cells[1] == "機密区分", "phonetic guide left out, runs joined")
        #expect(table.records[2].cells[6] == "0.3" && table.records[2].cells[7] == "TRUE")
        #expect(table.records[3].cells[6] == "7.5E+15")

        let decoded = try Self.flows(spreadsheet)
        #expect(decoded.rows == 3 && decoded.rejected == 1)
        #expect(decoded.log.sorted.map(\.description).contains(
            "flows.xlsx:flows!F4: error: unknown country 'Germny'; did you mean 'Germany' (DE)? [input.country]"))

        var limited = DiagnosticLog()
        let small = InputFile(path: "flows.xlsx", bytes: try FileSystem.read(path))
        let tooSmall = try #require(Workbook(small, maxPartBytes: 1024, diagnostics: &limited))
        #expect(tooSmall.spreadsheet(named: "flows", limits: .standard, diagnostics: &limited) == nil)
        #expect(limited.sorted.map(\.description).contains {
            $0.hasPrefix("flows.xlsx:flows: error: part 'xl/worksheets/sheet1.xml' is ") && $0.contains("(raise the limit with --max-input-bytes)")
        })
    }

    @Test("something that is not a workbook is a located error")
    func notAWorkbook() {
        var log = DiagnosticLog()
        #expect(Workbook(InputFile(path: "flows.xlsx", bytes: Array("a,b\n".utf8)), maxPartBytes: 1 << 20, diagnostics: &log) == nil)
        #expect(log.sorted.map(\.description) == ["flows.xlsx: error: file is not an Excel workbook (.xlsx, a zip package) [input.workbook]"])
    }

    @Test("a period with flows.xlsx archives the same findings as one with the CSV files; both at once is an error")
    func periodWithWorkbook() throws {
        let work = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let period = work + "/Inputs/2026-Q3"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: period + "/flows.xlsx")
        func run(_ folder: String, output: String) -> ReportPipeline.Outcome {
            var config = Config(periodDirectory: folder)
            config.outputDirectory = output
            config.referenceDirectory = Paths.repo("Inputs/reference")
            config.templatesDirectory = Paths.repo("Templates")
            return ReportPipeline.run(config)
        }
        let workbook = run(period, output: work + "/a")
        let archived = try #require(workbook.archivePath, "\(workbook.diagnostics)")
        let csv = run(Paths.repo("Inputs/2026-Q3"), output: work + "/b")
        #expect(try FileSystem.read(archived + "/findings.csv") == FileSystem.read(try #require(csv.archivePath) + "/findings.csv"))
        #expect(FileSystem.exists(archived + "/inputs/flows.xlsx"))

        try FileManager.default.copyItem(atPath: Paths.repo("Inputs/2026-Q3/flows.csv"), toPath: period + "/flows.csv")
        let both = run(period, output: work + "/c")
        #expect(both.archivePath == nil)
        #expect(both.diagnostics.map(\.code) == ["input.two-inventories"])
    }
}
