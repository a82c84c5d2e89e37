import Testing
import XBorderCore

/// Selectors: flow IDs, filters that must all hold with `|` alternatives, values read as
/// flows.csv reads them (codes, names, Japanese labels), defaults applied as the assessment does.
@Suite("Flow selector")
struct FlowSelectorTests {
    static let flows = [
        makeFlow(id: "F1", destination: "US", confidentiality: .secret, recipient: .cloudProvider),
        makeFlow(id: "F2", destination: "JP", confidentiality: .confidential, recipient: .cloudProvider, provider: "US"),
        makeFlow(id: "F3", origin: "CN", destination: "JP", importantData: true, storage: ["JP", "CN"]),
        makeFlow(id: "F4", origin: "VN", destination: "SG", category: .geospatial, importantData: true, controls: ["M05"]),
        makeFlow(id: "F5", destination: "DE", confidentiality: .public, recipient: .supplier, originType: .partner),
    ]

    /// The indices `text` selects.
    func select(_ text: String) throws -> [Int] {
        var diagnostics = DiagnosticLog()
        let selector = ScenarioBookTests.parser.parse(
            text, at: XBorderCore.SourceLocation(file: "scenarios.csv", line: 2, column: 4), diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == [])
        return try #require(selector).select(in: Self.flows)
    }

    @Test(
        "filters select the flows they describe",
        arguments: [
            ("F2;F4", [1, 3]),
            ("destination_country=US", [0]),
            ("destination_country=USA|Japan", [0, 1, 2]),
            ("移転先国=日本", [1, 2]),
            ("provider_country=US", [0, 1]),  // an omitted provider country is the destination
            ("provider_country=US;confidentiality=secret|confidential", [0, 1]),
            ("recipient_type=cloud_provider;confidentiality=極秘（営業秘密）", [0]),
            ("important_data=yes;origin_country=中国|Viet Nam", [2, 3]),
            ("important_data=no", [0, 1, 4]),
            ("storage_countries=CN", [2]),
            ("storage_countries=SG", [3]),  // omitted storage countries are the destination
            ("data_category=geospatial", [3]),
            ("controls=M05", [3]),
            ("origin_type=group_company", [0, 1, 2, 3]),  // an omitted origin type is the group's own data
            ("origin_type=partner", [4]),
            ("flow_id=f1|F5", [0, 4]),
            ("Destination Country = us ; recipient_type = Cloud Provider", [0]),
            ("destination_country=DE;destination_country=US", []),
        ])
    func filters(_ text: String, _ expected: [Int]) throws {
        #expect(try select(text) == expected)
    }
}
