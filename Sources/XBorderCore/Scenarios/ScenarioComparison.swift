/// What one scenario would change: its flows re-assessed with the scenario's measures added to
/// their controls, against the baseline assessment. Pure and deterministic; only the selected
/// flows are assessed again (twice: as they are, and with the measures).
package struct ScenarioComparison: Sendable {
    /// One finding whose residual rating the scenario changes.
    package struct Change: Sendable, Hashable {
        /// `<flow_id>:<risk>`.
        package var findingID: String
        /// Residual rating and band now.
        package var before: Finding.Rating
        package var beforeBand: Band
        /// Residual rating and band with the scenario.
        package var after: Finding.Rating
        package var afterBand: Band
    }

    /// The scenario compared.
    package var scenario: Scenario
    /// The catalogue entries of its measures, in ID order.
    package var measures: [Measure]
    /// Flows the selector picks.
    package var flowsSelected: Int
    /// Findings whose residual score changes: highest score now first, then lowest after, then ID.
    package var changes: [Change]
    /// Residual band counts of the whole inventory now.
    package var bandsBefore: [Band: Int]
    /// Residual band counts of the whole inventory with the scenario.
    package var bandsAfter: [Band: Int]

    /// Number of findings changed.
    package var findingsChanged: Int { changes.count }

    /// Compares `scenario` with the baseline.
    ///
    /// Decisions stay as they are, with one exception: a measure the scenario rolls out is in
    /// place, so it earns credit even where the finding's decision still has it `open` or
    /// `in_progress` (funding the scenario completes that action). A measure already in place
    /// adds nothing.
    /// - Parameters:
    ///   - flows: The inventory's flows.
    ///   - assessor: The assessor of the baseline run.
    ///   - baseline: Residual band counts of the whole inventory.
    ///   - decision: The baseline decision of a finding.
    package init(
        _ scenario: Scenario, flows: [Flow], assessor: Assessor, baseline: [Band: Int],
        decision: (Flow, RiskType) -> DecisionState?
    ) {
        self.scenario = scenario
        let catalogue = assessor.reference.measuresByID
        measures = scenario.measures.compactMap { catalogue[$0] }
        let selected = scenario.selector.select(in: flows)
        flowsSelected = selected.count
        var bands = baseline
        var changes: [Change] = []
        let rolledOut = Set(scenario.measures)
        for index in selected {
            let flow = flows[index]
            let now = assessor.assess(flow, index: index) { decision(flow, $0) }
            var changed = flow
            changed.controls = Array(rolledOut.union(flow.controls)).sorted()
            guard changed.controls != flow.controls || now.contains(where: { $0.withheld.contains(where: rolledOut.contains) }) else { continue }
            let then = assessor.assess(changed, index: index) { risk in
                decision(flow, risk).map { Self.completing($0, rolledOut) }
            }
            for (a, b) in zip(now, then) where a.residual.score != b.residual.score {
                bands[a.residualBand, default: 0] -= 1
                bands[b.residualBand, default: 0] += 1
                changes.append(
                    Change(
                        findingID: a.id, before: a.residual, beforeBand: a.residualBand, after: b.residual,
                        afterBand: b.residualBand))
            }
        }
        changes.sort {
            ($0.before.score, -$0.after.score, $1.findingID) > ($1.before.score, -$1.after.score, $0.findingID)
        }
        self.changes = changes
        bandsBefore = baseline
        bandsAfter = bands
    }

    /// The decision with the rolled-out measures no longer pending: they are not withheld.
    private static func completing(_ state: DecisionState, _ measures: Set<String>) -> DecisionState {
        var state = state
        state.decision.measures.removeAll { measures.contains($0) }
        return state
    }

    /// Compares every scenario of the period with the baseline, in file order; a finding's
    /// baseline decision is the one `decisions` holds for it on `asOf`.
    package static func compare(
        _ scenarios: [Scenario], flows: [Flow], decisions: DecisionBook, asOf: CalendarDate, assessor: Assessor,
        baseline: [Band: Int]
    ) -> [ScenarioComparison] {
        scenarios.map { scenario in
            ScenarioComparison(scenario, flows: flows, assessor: assessor, baseline: baseline) { flow, risk in
                decisions.lookup(flowID: flow.id, risk: risk, asOf: asOf).state
            }
        }
    }
}
