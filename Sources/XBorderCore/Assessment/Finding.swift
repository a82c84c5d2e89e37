/// Stage 3 output for one (flow, risk): inherent and residual ratings with their explanation.
/// Its ID `<flow_id>:<risk>` is stable across quarters (findings.csv, decisions.csv and the quarter-over-quarter comparison key on it).
package struct Finding: Sendable {
    /// A likelihood × impact rating.
    package struct Rating: Sendable, Hashable {
        /// Likelihood level.
        package var likelihood: Int
        /// Impact level.
        package var impact: Int
        /// likelihood × impact.
        package var score: Int { likelihood * impact }
    }

    /// A control that changed the rating.
    package struct AppliedControl: Sendable, Hashable {
        /// Measure ID.
        package var measureID: String
        /// Likelihood reduction it gave this risk.
        package var likelihood: Int
        /// Impact reduction it gave this risk.
        package var impact: Int
    }

    /// Index of the flow in `Inventory.flows`.
    package var flowIndex: Int
    /// The flow ID.
    package var flowID: String
    /// The risk type.
    package var risk: RiskType
    /// Before controls.
    package var inherent: Rating
    /// Band of the inherent score.
    package var inherentBand: Band
    /// After the flow's controls.
    package var residual: Rating
    /// Band of the residual score.
    package var residualBand: Band
    /// Exposure hits (government risks).
    package var hits: [ExposureIndex.Hit]
    /// Reasons for the likelihood.
    package var likelihoodReasons: [Reason]
    /// Reasons for the impact.
    package var impactReasons: [Reason]
    /// Controls in place that apply to this risk (including ones with no score effect).
    package var controls: [AppliedControl]
    /// Controls listed in the flow that earn no credit: the finding's decision still has them
    /// `open` or `in_progress` (a contradiction to resolve).
    package var withheld: [String] = []
    /// The measure that would discharge a binding duty driving the likelihood and is not in
    /// place ("" when none): the likelihood stays as it is until it is.
    package var unmetDuty = ""
    /// Recommended measures (residual band above Low), best first.
    package var recommended: [String]
    /// The carried decision, if decisions.csv has one.
    package var decision: DecisionState?

    /// `<flow_id>:<risk>`.
    package var id: String { "\(flowID):\(risk.rawValue)" }

    /// Exposure row indices cited, sorted and unique.
    package var exposureIndices: [Int] { Array(Set(hits.flatMap(\.exposures))).sorted() }

    /// Countries whose law drove the rating (government risks), sorted.
    package var jurisdictions: [Country] {
        var countries: [Country] = []
        for hit in hits where !countries.contains(hit.country) { countries.append(hit.country) }
        return countries.sorted()
    }
}
