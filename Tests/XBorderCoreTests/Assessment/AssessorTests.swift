import Testing
import XBorderCore

/// A rule with a fixed inherent rating, so the assessor's own arithmetic is tested in isolation.
private struct FixedRule: RiskRule {
    let risk: RiskType
    let likelihood: Int
    let impact: Int

    var duty = ""

    func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        var outcome = RuleOutcome(likelihood: likelihood, impact: impact, likelihoodReasons: [], impactReasons: [])
        outcome.duty = duty
        return outcome
    }
}

/// The assessor: applies the flow's controls per the measures' effects, floors residual levels at
/// 1, bands scores and recommends measures not yet in place.
@Suite("Assessor")
struct AssessorTests {
    /// GOV measures with different effects, one scoped to personal data, one without any effect,
    /// one for another risk, and one whose effect names GOV but whose risks do not.
    static let measures = """
        measure_id,title,risks,effect,applies_to
        M01,Map data assets and flows,ALL,,any
        M05,Watch regulation,GOV,,any
        M07,Notice clause,GOV,GOV:L-1,any
        M08,Split processing,GOV,GOV:I-1,any
        M09,Pseudonymize,GOV,GOV:L-3,personal
        M10,Access reviews,GOV,GOV:L-1,any
        M20,Contract clause,PRV,PRV:L-2,any
        M21,Mislabelled measure,PRV,GOV:L-2,any
        M30,Encrypt with own keys,GOV,GOV:L-2;GOV:I-1,any

        """

    let reference: ReferenceData

    init() throws {
        reference = try makeReference(exposuresCSV: exposureTable(), measuresCSV: Self.measures)
    }

    /// The single GOV finding for `flow` under a fixed inherent rating.
    func finding(likelihood: Int, impact: Int, _ flow: Flow) throws -> Finding {
        let assessor = Assessor(
            reference: reference, rules: [FixedRule(risk: .governmentAccess, likelihood: likelihood, impact: impact)])
        let findings = assessor.assess(flow, index: 7)
        #expect(findings.count == 1)
        return try #require(findings.first)
    }

    /// A rating as `L×I`.
    func rating(_ rating: Finding.Rating) -> String {
        "\(rating.likelihood)×\(rating.impact)"
    }

    /// Applied controls as `ID L-n I-n`.
    func controls(_ finding: Finding) -> [String] {
        finding.controls.map { "\($0.measureID) L-\($0.likelihood) I-\($0.impact)" }
    }

    @Test("A control that the finding's decision still has open or in progress earns no credit")
    func contradictedControl() throws {
        let flow = makeFlow(id: "F0013", controls: ["M07", "M30"])
        let assessor = Assessor(
            reference: reference, rules: [FixedRule(risk: .governmentAccess, likelihood: 4, impact: 4)])
        let decision = Decision(
            flowPattern: "F0013", risk: .governmentAccess, status: .inProgress, measures: ["M30"], owner: "IT",
            dueDate: nil, justification: "", decidedBy: "", decidedOn: nil, expiresOn: nil,
            location: XBorderCore.SourceLocation(file: "decisions.csv", line: 3))
        let state = DecisionState(status: .inProgress, decision: decision, overdue: false, expired: false)
        let f = try #require(assessor.assess(flow, index: 0) { _ in state }.first)
        #expect(f.withheld == ["M30"])
        #expect(controls(f) == ["M07 L-1 I-0"])
        #expect(rating(f.residual) == "3×4")
        // Once the decision says it is done, the same control counts.
        var done = state
        done.status = .mitigated
        let g = try #require(assessor.assess(flow, index: 0) { _ in done }.first)
        #expect(g.withheld.isEmpty)
        #expect(rating(g.residual) == "1×3")
        var log = DiagnosticLog()
        var contradictions = ControlContradictions()
        contradictions.add(f, flow: flow)
        contradictions.report(into: &log)
        #expect(log.all.map(\.code) == ["assessment.control-contradiction"])
        #expect(log.all.first?.message.contains("F0013:GOV") == true)
    }

    @Test("An undischarged binding duty keeps the likelihood whatever else is in place")
    func bindingDuty() throws {
        let assessor = Assessor(
            reference: reference,
            rules: [FixedRule(risk: .governmentAccess, likelihood: 5, impact: 4, duty: "M10")])
        let without = try #require(assessor.assess(makeFlow(controls: ["M07", "M30"]), index: 0).first)
        #expect(without.unmetDuty == "M10")
        #expect(rating(without.residual) == "5×3")
        #expect(without.recommended.first == "M10")
        let with = try #require(assessor.assess(makeFlow(controls: ["M07", "M10"]), index: 0).first)
        #expect(with.unmetDuty.isEmpty)
        #expect(rating(with.residual) == "3×4")
    }

    @Test("Controls lower residual likelihood and impact by their measures' effects")
    func controlsLowerResidual() throws {
        let one = try finding(likelihood: 4, impact: 4, makeFlow(controls: ["M30"]))
        #expect(one.id == "F1:GOV")
        #expect(one.flowIndex == 7)
        #expect(rating(one.inherent) == "4×4")
        #expect(one.inherentBand == .high)
        #expect(rating(one.residual) == "2×3")
        #expect(one.residualBand == .medium)
        #expect(controls(one) == ["M30 L-2 I-1"])

        let two = try finding(likelihood: 4, impact: 4, makeFlow(controls: ["M30", "M07"]))
        #expect(rating(two.residual) == "1×3")
        #expect(two.residualBand == .low)
        #expect(controls(two) == ["M07 L-1 I-0", "M30 L-2 I-1"])
    }

    @Test("Residual levels never go below 1; controls without effect are listed but change nothing")
    func residualFloor() throws {
        let result = try finding(likelihood: 2, impact: 2, makeFlow(controls: ["M01", "M07", "M08", "M30"]))
        // L: 2 − 1 − 2 = −1 → 1; I: 2 − 1 − 1 = 0 → 1.
        #expect(rating(result.residual) == "1×1")
        #expect(result.residual.score == 1)
        #expect(controls(result) == ["M01 L-0 I-0", "M07 L-1 I-0", "M08 L-0 I-1", "M30 L-2 I-1"])
    }

    @Test("A control whose measure does not address the risk, or whose scope excludes the flow, is not applied")
    func nonApplicableControls() throws {
        let result = try finding(likelihood: 4, impact: 4, makeFlow(controls: ["M09", "M20", "M21", "M99"]))
        #expect(result.residual == result.inherent)
        #expect(result.controls.isEmpty)

        // The personal-data measure applies once the flow carries personal data.
        let personal = try finding(likelihood: 4, impact: 4, makeFlow(personalData: .personal, controls: ["M09"]))
        #expect(rating(personal.residual) == "1×4")
        #expect(controls(personal) == ["M09 L-3 I-0"])
    }

    @Test(
        "Scores are banded at the scale's thresholds",
        arguments: [
            (2, 2, Band.low), (5, 1, .medium), (3, 3, .medium), (5, 2, .high), (4, 4, .high), (5, 4, .critical),
        ])
    func bands(likelihood: Int, impact: Int, band: Band) throws {
        let result = try finding(likelihood: likelihood, impact: impact, makeFlow())
        #expect(result.inherentBand == band)
        #expect(result.residualBand == band)
    }

    @Test("Recommendations rank by score gain, then ID, at most three, skipping no-effect measures")
    func recommendationRanking() throws {
        let result = try finding(likelihood: 4, impact: 4, makeFlow())
        // Gains from 16: M30 → 2 × 3 = 6 (10); M07, M08, M10 → 12 (4 each, by ID); M10 cut.
        #expect(result.recommended == ["M30", "M07", "M08"])
    }

    @Test("Measures already in place are not recommended again")
    func excludesControlsInPlace() throws {
        let result = try finding(likelihood: 4, impact: 4, makeFlow(controls: ["M07"]))
        // Residual 3 × 4 = 12: M30 → 1 × 3 (9), M10 → 2 × 4 (4), M08 → 3 × 3 (3).
        #expect(rating(result.residual) == "3×4")
        #expect(result.recommended == ["M30", "M10", "M08"])
    }

    @Test("No-effect, out-of-scope and other-risk measures never fill the remaining places")
    func noFillers() throws {
        let result = try finding(likelihood: 4, impact: 4, makeFlow(controls: ["M07", "M08", "M10"]))
        // Residual 2 × 3 = 6 (Medium); only M30 still lowers it.
        #expect(result.residualBand == .medium)
        #expect(result.recommended == ["M30"])
    }

    @Test("A finding whose residual band is Low gets no recommendations")
    func lowBandNoRecommendations() throws {
        let result = try finding(likelihood: 2, impact: 2, makeFlow())
        #expect(result.residualBand == .low)
        #expect(result.recommended.isEmpty)
    }

    @Test("Every rule that applies yields one finding, in risk order")
    func findingsPerRule() throws {
        let assessor = Assessor(
            reference: reference,
            rules: [
                FixedRule(risk: .localization, likelihood: 2, impact: 2),
                FixedRule(risk: .partnerMisuse, likelihood: 3, impact: 3),
            ])
        let findings = assessor.assess(makeFlow(id: "F0042", controls: ["M20"]), index: 0)
        #expect(findings.map(\.id) == ["F0042:LOC", "F0042:PRV"])
        #expect(findings.last.map { rating($0.residual) } == "1×3")
    }
}
