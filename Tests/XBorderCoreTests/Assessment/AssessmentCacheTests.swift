import Testing

@testable import XBorderCore

/// Assessing each distinct flow profile once gives the same findings, re-stamped per flow, and
/// asks for the same decisions, as assessing every flow afresh.
@Suite struct AssessmentCacheTests {
    /// A finding's values that the companions and reports read.
    static func summary(_ f: Finding) -> String {
        let controls = f.controls.map { "\($0.measureID)-\($0.likelihood)-\($0.impact)" }
        return [
            f.id, "\(f.flowIndex)", "\(f.inherent)", "\(f.residual)", "\(f.inherentBand)", "\(f.residualBand)", "\(f.hits)",
            "\(f.likelihoodReasons)", "\(f.impactReasons)", "\(controls)", "\(f.withheld)", f.unmetDuty, "\(f.recommended)",
            "\(f.decision?.status.rawValue ?? "-")",
        ].joined(separator: "|")
    }

    @Test("cached and fresh assessments agree, with and without decisions")
    func cachedMatchesFresh() throws {
        let reference = try makeReference(
            exposuresCSV: exposureTable("CN,LOC,any,3,CN-LOC-any", "CN,GOV,any,3,CN-GOV-any", "US,GOV,any,2,US-GOV-any"))
        let assessor = Assessor(reference: reference)
        // Repeated profiles under different IDs, and one decision that withholds a control.
        let flows = [
            makeFlow(id: "A", origin: "JP", destination: "CN", controls: ["M03"]),
            makeFlow(id: "B", origin: "JP", destination: "CN", controls: ["M03"]),
            makeFlow(id: "C", origin: "JP", destination: "US", confidentiality: .secret),
            makeFlow(id: "D", origin: "JP", destination: "CN", controls: ["M03"]),
            makeFlow(id: "E", origin: "JP", destination: "US", confidentiality: .secret),
        ]
        let decision = Decision(
            flowPattern: "D", risk: nil, status: .open, measures: ["M03"], owner: "o", dueDate: nil, justification: "",
            decidedBy: "", decidedOn: nil, expiresOn: nil, location: SourceLocation(file: "decisions.csv", line: 2))
        func state(_ flow: Flow) -> (RiskType) -> DecisionState? {
            { _ in flow.id == "D" ? DecisionState(status: .open, decision: decision, overdue: false, expired: false) : nil }
        }
        var cache = AssessmentCache()
        var askedFresh: [String] = []
        var askedCached: [String] = []
        for (i, flow) in flows.enumerated() {
            let fresh = assessor.assess(flow, index: i) { risk in
                askedFresh.append("\(flow.id):\(risk.rawValue)")
                return state(flow)(risk)
            }
            let cached = assessor.assess(flow, index: i, cache: &cache) { risk in
                askedCached.append("\(flow.id):\(risk.rawValue)")
                return state(flow)(risk)
            }
            #expect(cached.map(Self.summary) == fresh.map(Self.summary))
            #expect(!fresh.isEmpty)
        }
        #expect(askedCached == askedFresh)
        #expect(cache.entries.count == 2)
    }
}
