import Foundation
import Testing
import XBorderCore

/// Decoding flows.csv rows: located diagnostics, rejection without loss, aliases and defaults.
@Suite struct InventoryDecoderTests {
    static let header =
        "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,storage_countries,controls,volume\n"

    static func decode(
        _ csv: String, measures: Set<String> = ["M06", "M07"], limits: CSVTokenizer.Limits = .standard,
        keptRejected: Int = RejectedRows.keptLimit, parallelism: Int = 1, maxRows: Int = .max
    ) -> (Inventory?, DiagnosticLog) {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "flows.csv", bytes: Array(csv.utf8)), limits: limits, diagnostics: &log)
        let context = InventoryDecoder.Context(vocabulary: Vocabulary(), knownMeasures: measures)
        return (
            InventoryDecoder.decode(
                sheet, context: context, parallelism: parallelism, keptRejected: keptRejected, maxRows: maxRows,
                diagnostics: &log), log
        )
    }

    @Test("decoding on several threads gives the same flows, rejected rows and diagnostics in the same order")
    func parallelDecodingIsDeterministic() throws {
        // 10,000 rows (several batches, each split between threads) mixing valid rows, errors,
        // warnings, CSV problems, blank padding rows and duplicate IDs.
        var csv = Self.header
        for i in 0..<10_000 {
            switch i % 13 {
            case 0: csv += "F\(i),CAD,technical,secret,Germny,US,,M06,\n"
            case 1: csv += ",,,,,,,,\n"
            case 2: csv += "F\(i),\"Multi\nline\",technical,public,JP,CN,\"CN;SG\",M99,lots\n"
            case 3: csv += "F\(i - 3),dup,operational,internal,JP,DE,,,\n"
            case 4: csv += "F\(i),\"bad\"quote,technical,internal,JP,US,,,\n"
            default: csv += "F\(i),Asset \(i),technical,internal,JP,US,DE;IE,M06,\(i)\n"
            }
        }
        let (serial, serialLog) = Self.decode(csv, keptRejected: 100)
        let (parallel, parallelLog) = Self.decode(csv, keptRejected: 100, parallelism: 2)
        let a = try #require(serial)
        let b = try #require(parallel)
        #expect(a.rowsRead == b.rowsRead)
        #expect(a.flows.map(\.id) == b.flows.map(\.id))
        #expect(a.flows.map(\.location.line) == b.flows.map(\.location.line))
        #expect(Self.listed(a) == Self.listed(b))
        #expect(serialLog.all.map(\.description) == parallelLog.all.map(\.description))
        #expect(a.rowsRead == a.flows.count + a.rejected.count)
        #expect(a.rejected.count > 100)
    }

    @Test("past the diagnostics limit, batches keep the first diagnostics in file order and count every one")
    func diagnosticsLimitAcrossBatches() throws {
        // 12,000 rows with one unknown country each: more diagnostics than the log keeps, spread
        // over several batches whose logs are merged whole.
        var csv = Self.header
        for i in 0..<12_000 { csv += "F\(i),CAD,technical,secret,Germny,US,,,\n" }
        for parallelism in [1, 2] {
            let (inventory, log) = Self.decode(csv, keptRejected: 100, parallelism: parallelism)
            let read = try #require(inventory)
            #expect(read.rejected.count == 12_000)
            #expect(log.all.count == DiagnosticLog.storageLimit)
            #expect(log.all.count + log.suppressed == 12_000)
            #expect(log.errorCount == 12_000)
            let lines = log.all.compactMap { $0.location?.line }
            #expect(lines == Array(2..<(2 + DiagnosticLog.storageLimit)))
        }
    }

    /// Every rejected row as `line flow_id codes`, through `RejectedRows.forEach`.
    static func listed(_ inventory: Inventory?) -> [String] {
        var rows: [String] = []
        try? inventory?.rejected.forEach { rows.append("\($0.location.line) \($0.flowID) \($0.codes.joined(separator: ";"))") }
        return rows
    }

    @Test("a valid row becomes a typed flow with defaults")
    func validRow() throws {
        let (inventory, log) = Self.decode(Self.header + "F1,CAD,technical,secret,JP,US,DE;IE,M06; m07,\"1,200\"\n")
        let flow = try #require(inventory?.flows.first)
        #expect(log.all.isEmpty)
        #expect(flow.category == .technical && flow.confidentiality == .secret)
        #expect(flow.origin.code == "JP" && flow.destination.code == "US")
        #expect(flow.storageCountries.map(\.code) == ["DE", "IE"])
        #expect(flow.controls == ["M06", "M07"])
        #expect(flow.volume == 1200)
        #expect(flow.criticality == .medium && flow.personalData == .none)
        #expect(flow.location == SourceLocation(file: "flows.csv", line: 2))
    }

    @Test("cells read from their bytes and cells only the String path reads give the same flows")
    func bytesAndStrings() throws {
        let header =
            "flow_id,data_asset,data_category,personal_data,confidentiality,important_data,criticality,origin_country,"
            + "destination_country,recipient_type,storage_countries,controls,volume\n"
        // Printable ASCII, read from the bytes; then the same values with non-ASCII letters,
        // tabs and non-breaking or ideographic spaces, which only the String path reads.
        let plain = "F1,CAD, Supply Chain ,none,secret,yes,HIGH,JP,U.S.A.,group company,\"DE; IE\",M06 m07,1200\n"
        let unusual =
            "F2,CAD,supply_chain\u{00A0},\tnone,ｓｅｃｒｅｔ,\"y\u{3000}\",high\t,日本,United States\u{00A0},"
            + "\"group-company\t\",\"DE\t;IE\",M06、m07,\u{00A0}1200\n"
        let (inventory, log) = Self.decode(header + plain + unusual)
        #expect(log.all.isEmpty, "\(log.all)")
        let flows = try #require(inventory?.flows)
        try #require(flows.count == 2)
        let read = flows.map {
            "\($0.category) \($0.personalData) \($0.confidentiality) \($0.importantData) \($0.criticality) \($0.origin) "
                + "\($0.destination) \(String(describing: $0.recipientType)) \($0.storage) \($0.controls) "
                + "\(String(describing: $0.volume)) \($0.assumed.rawValue)"
        }
        #expect(read[0] == read[1])
        #expect(read[0].hasPrefix("supplyChain none secret true high JP US Optional(XBorderCore.RecipientType.groupCompany) [DE, IE] [\"M06\", \"M07\"] Optional(1200)"))
    }

    @Test("an unknown country is a located error with a suggestion, and the row is rejected")
    func unknownCountry() throws {
        let (inventory, log) = Self.decode(Self.header + "F1,CAD,technical,secret,JP,Germny,,,\nF2,X,other,public,JP,DE,,,\n")
        let d = try #require(log.all.first { $0.code == "input.country" })
        #expect(d.description == "flows.csv:2:6: error: unknown country 'Germny'; did you mean 'Germany' (DE)? [input.country]")
        #expect(inventory?.flows.map(\.id) == ["F2"])
        #expect(inventory?.rejected.kept.map(\.flowID) == ["F1"])
        #expect(inventory?.rowsRead == 2)
    }

    @Test("country spellings normalize", arguments: [
        ("USA", "US"), ("UK", "GB"), ("EL", "GR"), ("Deutschland", "DE"), ("DEU", "DE"), ("276", "DE"),
        ("日本", "JP"), ("アメリカ", "US"), ("韓国", "KR"), ("Viet Nam", "VN"), ("Türkiye", "TR"), ("ｕｓ", "US"),
    ])
    func countrySpellings(_ spelling: String, _ code: String) throws {
        let (inventory, log) = Self.decode(Self.header + "F1,X,other,public,JP,\(spelling),,,\n")
        #expect(log.all.isEmpty, "\(log.all)")
        #expect(try #require(inventory?.flows.first).destination.code == code)
    }

    @Test("every bad value in a row is reported, each at its own column")
    func allProblems() {
        let (inventory, log) = Self.decode(Self.header + "F1,,techy,top,JP,US,Mars,M99,lots\n")
        let located = log.all.map { "\($0.location!.column) \($0.severity) \($0.code)" }.sorted()
        #expect(located == [
            "2 error input.required", "3 error input.data_category", "4 error input.confidentiality",
            "7 error input.country", "8 warning input.unknown-measure", "9 warning input.volume",
        ])
        #expect(inventory?.flows.isEmpty == true)
        #expect(inventory?.rejected.count == 1)
    }

    @Test("flows come out in flow_id order whether or not the file lists them so")
    func idOrder() throws {
        let row = { (id: String) in "\(id),CAD,technical,secret,JP,US,,,\n" }
        let (sorted, _) = Self.decode(Self.header + ["A1", "A2", "B1", "B10", "B2"].map(row).joined())
        #expect(sorted?.flows.map(\.id) == ["A1", "A2", "B1", "B10", "B2"])
        let (shuffled, _) = Self.decode(Self.header + ["B2", "A2", "B10", "A1", "B1"].map(row).joined())
        #expect(shuffled?.flows.map(\.id) == ["A1", "A2", "B1", "B10", "B2"])
        #expect(shuffled?.flows.map(\.location.line) == [5, 3, 6, 4, 2])
        let (single, _) = Self.decode(Self.header + row("Z9"))
        #expect(single?.flows.map(\.id) == ["Z9"])
        let (none, _) = Self.decode(Self.header)
        #expect(none?.flows.isEmpty == true)
    }

    @Test("a duplicate flow_id rejects the later row")
    func duplicateID() {
        let (inventory, log) = Self.decode(Self.header + "F1,A,other,public,JP,US,,,\nF1,B,other,public,JP,US,,,\n")
        #expect(inventory?.flows.map(\.asset) == ["A"])
        #expect(inventory?.rejected.kept.first?.location.line == 3)
        #expect(log.all.contains { $0.code == "input.duplicate-flow-id" && $0.location?.line == 3 })
    }

    @Test("Japanese headers are accepted")
    func japaneseHeaders() throws {
        let csv = "フローID,データ名,データ種別,機密区分,移転元国,移転先国\nF1,設計図,technical,secret,日本,中国\n"
        let (inventory, log) = Self.decode(csv)
        #expect(log.all.isEmpty)
        #expect(try #require(inventory?.flows.first).destination.code == "CN")
    }

    @Test("a missing required column stops decoding with an error on the header line")
    func missingColumn() {
        let (inventory, log) = Self.decode("flow_id,data_asset\nF1,x\n")
        #expect(inventory == nil)
        #expect(log.all.filter { $0.code == "input.missing-column" }.count == 4)
    }

    @Test("rows above the header (a register's title block) are skipped with a note")
    func preamble() throws {
        let csv = "Register of data flows,,\nController:,Hoshizora KK,\n,,\n" + Self.header + "F1,CAD,technical,secret,JP,CN,,,\n"
        let (inventory, log) = Self.decode(csv)
        #expect(inventory?.flows.map(\.id) == ["F1"])
        #expect(log.all.map(\.code) == ["input.preamble"])
        #expect(log.all.first?.location?.line == 4)
        #expect(inventory?.rowsRead == 1)
    }

    @Test("numbers as Excel writes them", arguments: [
        ("\"1,200\"", ",", 1200), ("1 200", ",", 1200), ("1.200", ";", 1200), ("1200", ";", 1200),
    ])
    func numbers(_ cell: String, _ delimiter: String, _ expected: Int) throws {
        let header = Self.header.replacingOccurrences(of: ",", with: delimiter)
        let row = ["F1", "CAD", "technical", "secret", "JP", "CN", "", "", cell].joined(separator: delimiter) + "\n"
        let (inventory, log) = Self.decode(header + row)
        #expect(log.all.isEmpty, "\(log.all)")
        #expect(try #require(inventory?.flows.first).volume == expected)
    }

    @Test("a 2 KiB cell is accepted by default and rejects its row under a 1 KiB limit, without being copied")
    func cellLimit() throws {
        let asset = String(repeating: "x", count: 2048)
        let csv = Self.header + "F1,\(asset),technical,secret,JP,US,,,\n" + "\(asset),A,other,public,JP,US,,,\n"
        let (standard, standardLog) = Self.decode(csv)
        #expect(standard?.flows.map(\.asset) == [asset, "A"])
        #expect(standardLog.all.isEmpty)

        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldBytes = 1024
        let (limited, log) = Self.decode(csv, limits: limits)
        #expect(limited?.flows.isEmpty == true)
        #expect(limited?.rowsRead == 2 && limited?.rejected.count == 2)
        #expect(Self.listed(limited) == ["2 F1 csv.field-too-long", "3  csv.field-too-long"])
        #expect(log.all.map(\.description) == [
            "flows.csv:2:2: error: cell is longer than 1024 bytes (raise the limit with --max-cell-bytes) [csv.field-too-long]",
            "flows.csv:3:1: error: cell is longer than 1024 bytes (raise the limit with --max-cell-bytes) [csv.field-too-long]",
        ])
    }

    @Test("a rejected row keeps at most 200 characters of a long flow_id")
    func longRejectedID() {
        let id = String(repeating: "x", count: 2000)
        let (inventory, _) = Self.decode(Self.header + "\(id),A,other,public,JP,,,,\n")
        #expect(inventory?.rejected.kept.map(\.flowID) == [String(repeating: "x", count: 200) + "…"])
    }

    @Test("a row with more fields than the limit is rejected once, its extra cells ignored")
    func columnLimit() {
        let row = "F1,CAD,technical,secret,JP,US,,," + String(repeating: ",x", count: 20) + "\n"
        var limits = CSVTokenizer.Limits.standard
        limits.maxFieldsPerRecord = 16
        let (inventory, log) = Self.decode(Self.header + row, limits: limits)
        #expect(inventory?.flows.isEmpty == true && inventory?.rejected.count == 1)
        #expect(log.all.map(\.code) == ["csv.too-many-fields"])
        let (standard, _) = Self.decode(Self.header + row)
        #expect(standard?.flows.count == 1)
    }

    @Test("rejected rows beyond those kept in memory are counted, spilled, and listed in file order with the duplicates")
    func boundedRejected() throws {
        var csv = Self.header
        for i in 1...12 {
            // Rows 4, 8 and 12 are valid; 5 and 9 repeat their flow IDs; the rest lack a country.
            switch i % 4 {
            case 0: csv += "F\(i),A,other,public,JP,US,,,\n"
            case 1 where i > 1: csv += "F\(i - 1),B,other,public,JP,US,,,\n"
            default: csv += "F\(i),C,other,public,JP,,,,\n"
            }
        }
        let (all, allLog) = Self.decode(csv)
        let (bounded, boundedLog) = Self.decode(csv, keptRejected: 2)
        let expected = Self.listed(all)
        #expect(expected.count == 9)
        #expect(all?.rejected.isComplete == true && bounded?.rejected.isComplete == false)
        #expect(bounded?.rejected.count == 9 && bounded?.rowsRead == 12 && bounded?.flows.count == 3)
        #expect(bounded?.rejected.kept.count == 4, "two rows kept while decoding, plus the two duplicates")
        #expect(Self.listed(bounded) == expected)
        #expect(expected.contains("6 F4 input.duplicate-flow-id"))
        #expect(boundedLog.all.map(\.description) == allLog.all.map(\.description))
    }

    @Test("an inventory over the row limit is refused whole, with an error at the first row too many")
    func rowLimit() {
        let csv = Self.header + (1...5).map { "F\($0),A,other,public,JP,US,,,\n" }.joined() + ",,,,,,,,\n"
        let (atLimit, atLimitLog) = Self.decode(csv, maxRows: 6)
        #expect(atLimit?.flows.count == 5 && atLimitLog.all.isEmpty)
        let (blankOver, blankLog) = Self.decode(csv, maxRows: 5)
        #expect(blankOver == nil && blankLog.all.map(\.code) == ["input.too-many-rows"], "a row of nothing but delimiters counts")
        let (over, log) = Self.decode(csv, maxRows: 3)
        #expect(over == nil)
        #expect(log.all.map(\.description) == [
            "flows.csv:5: error: the inventory has more than 3 rows after the header; nothing is assessed (raise the limit with --max-rows) [input.too-many-rows]"
        ])
    }

    @Test("listing the rejected rows stops at the first error and rethrows it")
    func listingFailure() {
        let stop = FileSystem.Failure(path: "rejected.csv", reason: "stop")
        let csv = Self.header + String(repeating: "F,C,other,public,JP,,,,\n", count: 5)
        let (bounded, _) = Self.decode(csv, keptRejected: 1)
        var seen = 0
        #expect(throws: FileSystem.Failure.self) {
            try bounded?.rejected.forEach { (_) throws(FileSystem.Failure) in
                seen += 1
                if seen == 3 { throw stop }
            }
        }
        #expect(seen == 3)
    }
}
