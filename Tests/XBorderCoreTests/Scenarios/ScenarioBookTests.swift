import Foundation
import Testing
import XBorderCore
import TestSupport

/// scenarios.csv: valid rows become scenarios; every problem is a located error naming the bad
/// value, and the row is left out.
@Suite("Scenario book")
struct ScenarioBookTests {
    static let header = "scenario_id,title,measures,flows,owner,cost,notes,title_ja,notes_ja"
    static let measures: Set<String> = ["M05", "M06", "M11", "M19"]

    /// The Japanese catalogue of the shipped templates (its labels are accepted as values).
    static let japaneseMessages: MessageCatalog = {
        var diagnostics = DiagnosticLog()
        let path = Paths.repo("Templates/messages/ja.csv")
        let bytes = FileManager.default.contents(atPath: path).map { Array($0) } ?? []
        return MessageCatalog(locale: "ja", file: InputFile(path: path, bytes: bytes), diagnostics: &diagnostics)
    }()

    static let parser = FlowSelector.Parser(
        context: .init(vocabulary: Vocabulary(catalogues: [englishMessages, japaneseMessages]), knownMeasures: measures))

    static let flows = [
        makeFlow(id: "F0001", destination: "CN", recipient: .cloudProvider),
        makeFlow(id: "F0002", destination: "US", confidentiality: .secret, recipient: .cloudProvider, controls: ["M06"]),
        makeFlow(id: "F0003", origin: "VN", destination: "SG", importantData: true),
    ]

    /// A book from data rows (the header is added), with the rendered diagnostics.
    func book(_ rows: [String]) -> (ScenarioBook, [String]) {
        var diagnostics = DiagnosticLog()
        let table = makeKeyedTable(
            ([Self.header] + rows).joined(separator: "\n") + "\n", path: "scenarios.csv",
            required: ScenarioBook.requiredColumns, diagnostics: &diagnostics)
        let book = ScenarioBook(table: table, parser: Self.parser, flows: Self.flows, diagnostics: &diagnostics)
        return (book, diagnostics.sorted.map(\.description))
    }

    @Test("a valid row keeps every column; measures are sorted and unique")
    func validRow() throws {
        let (book, diagnostics) = book([
            "S1,Keys on US clouds,m06;M05;M06,destination_country=USA;recipient_type=cloud_provider,IT,JPY 18M/yr,BYOK,米国クラウドの鍵,顧客管理鍵"
        ])
        #expect(diagnostics == [])
        let scenario = try #require(book.scenarios.first)
        #expect(scenario.id == "S1")
        #expect(scenario.measures == ["M05", "M06"])
        #expect(scenario.owner == "IT" && scenario.cost == "JPY 18M/yr")
        #expect(scenario.title(locale: "en") == "Keys on US clouds")
        #expect(scenario.title(locale: "ja") == "米国クラウドの鍵")
        #expect(scenario.notes(locale: "ja") == "顧客管理鍵")
        #expect(scenario.location.description == "scenarios.csv:2")
        #expect(scenario.selector.select(in: Self.flows) == [1])
    }

    @Test("flow IDs and filters are both selectors; blank rows are skipped")
    func selectors() {
        let (book, diagnostics) = book([
            "S1,,M11,F0001;F0003", ",,,", "S2,,M19,important_data=yes;origin_country=CN|VN",
        ])
        #expect(diagnostics == [])
        #expect(book.scenarios.map(\.id) == ["S1", "S2"])
        #expect(book.scenarios[0].selector == .flows(["F0001", "F0003"]))
        #expect(book.scenarios[0].title(locale: "en") == "S1", "the ID stands in for a missing title")
        #expect(book.scenarios[1].selector.select(in: Self.flows) == [2])
    }

    @Test(
        "every problem is a located error with a stable code and the bad value; the row is left out",
        arguments: [
            ("S1,,M99,F0001", "scenarios.csv:2:3: error: unknown measure 'M99'; it is not in measures.csv [scenario.unknown-measure]"),
            ("S1,,,F0001", "scenarios.csv:2:3: error: measures is empty; name catalogue IDs such as M06 [scenario.no-measures]"),
            ("S1,,M06,destinaton_country=CN",
             "scenarios.csv:2:4: error: unknown column 'destinaton_country' in selector; did you mean 'destination_country'? [scenario.unknown-column]"),
            ("S1,,M06,colour=red", "scenarios.csv:2:4: error: unknown column 'colour' in selector [scenario.unknown-column]"),
            ("S1,,M06,destination_country=Germny",
             "scenarios.csv:2:4: error: unknown country 'Germny' for destination_country; did you mean 'Germany' (DE)? [scenario.value]"),
            ("S1,,M06,recipient_type=cloud",
             "scenarios.csv:2:4: error: unknown recipient_type 'cloud'; expected one of group_company, partner, supplier, customer, cloud_provider, platform, public_body [scenario.value]"),
            ("S1,,M06,important_data=maybe", "scenarios.csv:2:4: error: important_data 'maybe' is not yes or no [scenario.value]"),
            ("S1,,M06,volume=many", "scenarios.csv:2:4: error: volume 'many' is not a whole number [scenario.value]"),
            ("S1,,M06,controls=M42", "scenarios.csv:2:4: error: unknown measure 'M42' in controls filter [scenario.unknown-measure]"),
            ("S1,,M06,destination_country=", "scenarios.csv:2:4: error: filter 'destination_country=' has no value [scenario.selector]"),
            ("S1,,M06,F0001;origin_country=JP",
             "scenarios.csv:2:4: error: selector 'F0001;origin_country=JP' mixes flow IDs and column=value filters; use one or the other [scenario.selector]"),
            ("S1,,M06,", "scenarios.csv:2:4: error: flows is empty; give flow IDs (F0004;F0093) or filters (destination_country=CN) [scenario.selector]"),
            ("S1,,M06,F0001;F0404", "scenarios.csv:2:4: error: flow 'F0404' is not in flows.csv [scenario.unknown-flow]"),
            ("S1,,M06,destination_country=AQ", "scenarios.csv:2:4: error: selector 'destination_country=AQ' matches no flow [scenario.no-match]"),
            (",,M06,F0001", "scenarios.csv:2:1: error: scenario_id is empty [scenario.missing-id]"),
        ])
    func errors(_ row: String, _ expected: String) {
        let (book, diagnostics) = book([row])
        #expect(diagnostics == [expected])
        #expect(book.scenarios.isEmpty)
    }

    @Test("a repeated scenario_id is an error on the second row; the first stays")
    func duplicateID() {
        let (book, diagnostics) = book(["S1,,M06,F0001", "S1,,M11,F0002"])
        #expect(diagnostics == ["scenarios.csv:3:1: error: scenario_id 'S1' is already used on line 2 [scenario.duplicate-id]"])
        #expect(book.scenarios.map(\.measures) == [["M06"]])
    }

    @Test("one row reports all of its problems")
    func allProblems() {
        let (_, diagnostics) = book(["S1,,M99,recipient_type=cloud;origin_country=Germny"])
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { $0.hasPrefix("scenarios.csv:2:") })
    }

    @Test("missing required columns are reported")
    func missingColumns() {
        var diagnostics = DiagnosticLog()
        _ = makeKeyedTable("scenario_id,title\nS1,x\n", path: "scenarios.csv", required: ScenarioBook.requiredColumns, diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.message) == ["required column 'measures' is missing", "required column 'flows' is missing"])
    }
}
