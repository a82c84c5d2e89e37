import Foundation
import Testing
import XBorderCore

/// Decoding flows.csv rows: located diagnostics, rejection without loss, aliases and defaults.
@Suite struct InventoryDecoderTests {
    static let header =
        "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,storage_countries,controls,volume\n"

    static func decode(_ csv: String, measures: Set<String> = ["M06", "M07"]) -> (Inventory?, DiagnosticLog) {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "flows.csv", bytes: Array(csv.utf8)), diagnostics: &log)
        let context = InventoryDecoder.Context(vocabulary: Vocabulary(), knownMeasures: measures)
        return (InventoryDecoder.decode(sheet, context: context, diagnostics: &log), log)
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

    @Test("an unknown country is a located error with a suggestion, and the row is rejected")
    func unknownCountry() throws {
        let (inventory, log) = Self.decode(Self.header + "F1,CAD,technical,secret,JP,Germny,,,\nF2,X,other,public,JP,DE,,,\n")
        let d = try #require(log.all.first { $0.code == "input.country" })
        #expect(d.description == "flows.csv:2:6: error: unknown country 'Germny'; did you mean 'Germany' (DE)? [input.country]")
        #expect(inventory?.flows.map(\.id) == ["F2"])
        #expect(inventory?.rejected.map(\.flowID) == ["F1"])
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

    @Test("a duplicate flow_id rejects the later row")
    func duplicateID() {
        let (inventory, log) = Self.decode(Self.header + "F1,A,other,public,JP,US,,,\nF1,B,other,public,JP,US,,,\n")
        #expect(inventory?.flows.map(\.asset) == ["A"])
        #expect(inventory?.rejected.first?.location.line == 3)
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
}
