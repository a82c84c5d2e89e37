import Foundation
import Testing
import XBorderCore
import TestSupport

/// The comparison: only selected flows change, a measure already in place adds nothing, a
/// measure a decision still has pending counts once rolled out, and the band counts of the whole
/// inventory move by exactly the changed findings.
@Suite("Scenario comparison")
struct ScenarioComparisonTests {
    static let measures = standardMeasures + "M06,Encrypt with customer-held keys,GOV,GOV:L-2,any\n"

    static func reference() throws -> ReferenceData {
        try makeReference(
            exposuresCSV: exposureTable("US,GOV,any,3,US-GOV-any", "JP,GOV,any,0,JP-GOV-none", "DE,GOV,any,1,DE-GOV-any"),
            measuresCSV: measures)
    }

    static let flows = [
        makeFlow(id: "F1", destination: "US", confidentiality: .secret, recipient: .cloudProvider),
        makeFlow(id: "F2", destination: "US", confidentiality: .secret, recipient: .cloudProvider, controls: ["M06"]),
        makeFlow(id: "F3", destination: "US", confidentiality: .secret, recipient: .cloudProvider, controls: ["M06"]),
        makeFlow(id: "F4", destination: "DE", confidentiality: .secret),
    ]

    /// F3's GOV decision still has M06 in progress: the baseline withholds its credit.
    static func decision(_ flow: Flow, _ risk: RiskType) -> DecisionState? {
        guard flow.id == "F3", risk == .governmentAccess else { return nil }
        let decision = Decision(
            flowPattern: "F3", risk: .governmentAccess, status: .inProgress, measures: ["M06"], owner: "IT",
            dueDate: nil, justification: "", decidedBy: "", decidedOn: nil, expiresOn: nil,
            location: XBorderCore.SourceLocation(file: "decisions.csv", line: 2))
        return DecisionState(status: .inProgress, decision: decision, overdue: false, expired: false)
    }

    /// Residual band counts of every finding of `flows` (with `decision`, or none).
    static func bands(_ assessor: Assessor, _ flows: [Flow], decisions: Bool = true) -> [Band: Int] {
        var bands: [Band: Int] = [:]
        for (i, flow) in flows.enumerated() {
            for finding in assessor.assess(flow, index: i, decision: { decisions ? decision(flow, $0) : nil }) {
                bands[finding.residualBand, default: 0] += 1
            }
        }
        return bands
    }

    static func scenario(_ measures: [String], _ selector: FlowSelector) -> Scenario {
        Scenario(
            id: "S1", title: "Keys", measures: measures, selector: selector,
            location: XBorderCore.SourceLocation(file: "scenarios.csv", line: 2))
    }

    @Test("the band counts move by the changed findings, and equal a full re-assessment with the measures")
    func arithmetic() throws {
        let assessor = Assessor(reference: try Self.reference())
        let baseline = Self.bands(assessor, Self.flows)
        let comparison = ScenarioComparison(
            Self.scenario(["M06"], .filters([.init(column: .destinationCountry, values: [.country(country("US"))])])),
            flows: Self.flows, assessor: assessor, baseline: baseline, decision: Self.decision)
        #expect(comparison.flowsSelected == 3)
        #expect(comparison.measures.map(\.id) == ["M06"])
        // F1 gains M06; F2 has it already (nothing changes); F3's pending M06 counts once rolled out.
        #expect(comparison.changes.map(\.findingID) == ["F1:GOV", "F3:GOV"])
        for change in comparison.changes {
            #expect(change.after.likelihood == change.before.likelihood - 2)
            #expect(change.after.impact == change.before.impact)
        }
        #expect(comparison.bandsBefore == baseline)
        #expect(comparison.bandsAfter.values.reduce(0, +) == baseline.values.reduce(0, +))
        // The same as assessing everything again with M06 in place and F3's action complete.
        var rolledOut = Self.flows
        for i in 0..<3 { rolledOut[i].controls = ["M06"] }
        let expected = Self.bands(assessor, rolledOut, decisions: false).filter { $0.value > 0 }
        #expect(comparison.bandsAfter.filter { $0.value > 0 } == expected)
        var manual = baseline
        for change in comparison.changes {
            manual[change.beforeBand, default: 0] -= 1
            manual[change.afterBand, default: 0] += 1
        }
        #expect(comparison.bandsAfter == manual)
    }

    @Test("a scenario of measures already in place changes nothing")
    func alreadyInPlace() throws {
        let assessor = Assessor(reference: try Self.reference())
        let baseline = Self.bands(assessor, Self.flows)
        let comparison = ScenarioComparison(
            Self.scenario(["M06"], .flows(["F2"])), flows: Self.flows, assessor: assessor, baseline: baseline,
            decision: Self.decision)
        #expect(comparison.flowsSelected == 1)
        #expect(comparison.changes.isEmpty)
        #expect(comparison.bandsAfter == baseline)
    }

    @Test("the text table lists the bands before and after and each changed finding")
    func text() throws {
        let assessor = Assessor(reference: try Self.reference())
        let baseline = Self.bands(assessor, Self.flows)
        var scenario = Self.scenario(["M06"], .flows(["F1"]))
        scenario.cost = "JPY 1M"
        let comparison = ScenarioComparison(
            scenario, flows: Self.flows, assessor: assessor, baseline: baseline, decision: Self.decision)
        let change = try #require(comparison.changes.first)
        let lines = comparison.text(locale: "en", limit: 10).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "S1  Keys")
        #expect(lines.contains("    measures          M06 Encrypt with customer-held keys"))
        #expect(lines.contains("    cost              JPY 1M"))
        #expect(lines.contains("    findings changed  1"))
        #expect(lines.contains { $0.hasPrefix("    residual band  before  after  change") })
        let row = "    F1:GOV   \(change.beforeBand.rawValue) \(change.before.score)"
        #expect(lines.contains { $0.hasPrefix(row) }, "\(lines)")
        #expect(comparison.text(locale: "en", limit: 0).contains("… 1 more"))
    }

    @Test("each scenario the sample ships changes at least one finding")
    func sample() throws {
        var config = Config(periodDirectory: Paths.repo("Inputs/2026-Q3"))
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        let outcome = ReportPipeline.whatif(config)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(outcome.scenarios.map(\.scenario.id) == ["S1", "S2", "S3", "S4"])
        for comparison in outcome.scenarios {
            #expect(comparison.findingsChanged > 0, "\(comparison.scenario.id)")
            #expect(!comparison.scenario.cost.isEmpty && !comparison.scenario.titleJa.isEmpty)
            #expect(comparison.bandsBefore == outcome.bands)
            #expect(comparison.bandsAfter.values.reduce(0, +) == outcome.findings)
            let critical = comparison.bandsAfter[.critical, default: 0]
            #expect(critical <= comparison.bandsBefore[.critical, default: 0])
        }
    }
}
