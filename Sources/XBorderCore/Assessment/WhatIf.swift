/// What a set of measures would do if rolled out to some flows: the flows are assessed again
/// with the measures added to their controls, under the same reference data and decisions,
/// and the bands of one risk type compared before and after. Only those flows are re-assessed.
package enum WhatIf {
    /// Counts of one risk type's findings on the selected flows, before and after.
    package struct Effect: Sendable, Equatable {
        /// High or Critical findings before.
        package var aboveMediumBefore = 0
        /// High or Critical findings after.
        package var aboveMediumAfter = 0
        /// Critical findings after.
        package var criticalAfter = 0
        /// Findings whose residual band changed.
        package var changed = 0
    }

    /// The effect of adding `measures` to the flows of `cluster` on the cluster's risk type.
    package static func effect(of measures: [String], on cluster: ThemeClusters.Cluster, context: ReportContext) -> Effect {
        let assessor = Assessor(reference: context.reference, asOf: context.asOf)
        let risk = cluster.key.risk
        var effect = Effect()
        for index in cluster.flowIndices {
            let flow = context.inventory.flows[index]
            var treated = flow
            treated.controls = Array(Set(flow.controls + measures)).sorted()
            let decision = { (r: RiskType) in
                context.decisions.lookup(flowID: flow.id, risk: r, asOf: context.asOf).state
            }
            let before = assessor.assess(flow, index: index, decision: decision).first { $0.risk == risk }
            let after = assessor.assess(treated, index: index, decision: decision).first { $0.risk == risk }
            if let before, before.residualBand >= .high { effect.aboveMediumBefore += 1 }
            if let after, after.residualBand >= .high { effect.aboveMediumAfter += 1 }
            if after?.residualBand == .critical { effect.criticalAfter += 1 }
            if before?.residualBand != after?.residualBand { effect.changed += 1 }
        }
        return effect
    }
}
