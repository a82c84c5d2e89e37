/// Stage 3: runs every rule on every flow, applies the flow's controls, bands the scores and
/// recommends measures. A pure function of the inventory and the reference data; flows are
/// independent, so the work splits into chunks that run on all cores and are joined in order.
package struct Assessor: Sendable {
    /// The rules, one per risk type, in contract order.
    package static let standardRules: [any RiskRule] = [
        LocalizationRule(), GovernmentAccessRule(), MandatoryDisclosureRule(),
        PartnerMisuseRule(), LossOfAccessRule(), UntrustworthyDataRule(),
    ]

    let rules: [any RiskRule]
    let reference: ReferenceData
    let exposures: ExposureIndex
    let scales: Scales
    /// The measures that address each risk, with their reductions precomputed: those of risk
    /// `r` are `effects[effectRanges[r.ordinal]]`.
    let effects: [MeasureEffect]
    let effectRanges: [Range<Int>]
    /// Position in `effects` by (risk ordinal, measure ID).
    let effectIndex: [EffectKey: Int]
    /// Recommendations per finding (at most).
    let maxRecommendations: Int

    /// Creates an assessor.
    package init(
        reference: ReferenceData, asOf: CalendarDate? = nil, rules: [any RiskRule] = Assessor.standardRules,
        maxRecommendations: Int = 3
    ) {
        self.rules = rules
        self.reference = reference
        self.exposures = ExposureIndex(reference: reference, asOf: asOf)
        scales = reference.scales
        var effects: [MeasureEffect] = []
        var ranges: [Range<Int>] = []
        var index: [EffectKey: Int] = [:]
        for risk in RiskType.allCases {
            let first = effects.count
            for measure in reference.measures where measure.risks.contains(risk) {
                // The first row wins for a repeated ID, as `measuresByID` does.
                let key = EffectKey(risk: risk.ordinal, id: measure.id)
                if index[key] == nil { index[key] = effects.count }
                effects.append(
                    MeasureEffect(
                        id: measure.id, matcher: ScopeMatcher(measure.scope),
                        likelihood: measure.reduction(of: risk, .likelihood), impact: measure.reduction(of: risk, .impact),
                        scores: !measure.effects.isEmpty))
            }
            ranges.append(first..<effects.count)
        }
        self.effects = effects
        effectRanges = ranges
        effectIndex = index
        self.maxRecommendations = maxRecommendations
    }

    /// A measure's effect on one risk type.
    struct MeasureEffect: Sendable {
        var id: String
        var matcher: ScopeMatcher
        var likelihood: Int
        var impact: Int
        /// False for measures with no score effect (never recommended automatically).
        var scores: Bool
    }

    /// A measure of one risk.
    struct EffectKey: Hashable, Sendable {
        var risk: Int
        var id: String
    }

    /// The exposure index (for explanations).
    package var exposureIndex: ExposureIndex { exposures }

    /// Findings for one flow, in risk order, with the decision `decision` gives each risk.
    ///
    /// A control earns credit only when it is in place: one that the finding's decision still
    /// lists as `open` or `in_progress` is withheld (a contradiction the pipeline reports). A
    /// binding duty (a required approval) that its discharging measure does not meet keeps the
    /// likelihood where it is: no other control cures a missing approval.
    package func assess(
        _ flow: Flow, index: Int, decision: (RiskType) -> DecisionState? = { _ in nil }
    ) -> [Finding] {
        var findings: [Finding] = []
        findings.reserveCapacity(rules.count)  // one allocation, not one per doubling
        for rule in rules {
            guard let outcome = rule.evaluate(flow, exposures: exposures, scales: scales) else { continue }
            let state = decision(rule.risk)
            let inherent = Finding.Rating(likelihood: outcome.likelihood, impact: outcome.impact)
            var applied: [Finding.AppliedControl] = []
            applied.reserveCapacity(flow.controls.count)
            var withheld: [String] = []
            var lowerL = 0
            var lowerI = 0
            let riskIndex = rule.risk.ordinal
            for id in flow.controls {
                guard let k = effectIndex[EffectKey(risk: riskIndex, id: id)] else { continue }
                let effect = effects[k]
                guard effect.matcher.matches(flow) else { continue }
                if let state, state.status == .open || state.status == .inProgress, state.decision.measures.contains(id) {
                    withheld.append(id)
                    continue
                }
                lowerL += effect.likelihood
                lowerI += effect.impact
                applied.append(.init(measureID: id, likelihood: effect.likelihood, impact: effect.impact))
            }
            let dutyUnmet = !outcome.duty.isEmpty && !applied.contains { $0.measureID == outcome.duty }
            if dutyUnmet { lowerL = 0 }
            let residual = Finding.Rating(
                likelihood: scales.clamp(inherent.likelihood - lowerL), impact: scales.clamp(inherent.impact - lowerI))
            var finding = Finding(
                flowIndex: index, flowID: flow.id, risk: rule.risk,
                inherent: inherent, inherentBand: scales.band(for: inherent.score),
                residual: residual, residualBand: scales.band(for: residual.score),
                hits: outcome.hits, likelihoodReasons: outcome.likelihoodReasons, impactReasons: outcome.impactReasons,
                controls: applied, recommended: [], decision: state)
            finding.withheld = withheld
            finding.unmetDuty = dutyUnmet ? outcome.duty : ""
            if finding.residualBand > .low {
                finding.recommended = recommend(for: finding, flow: flow)
            }
            findings.append(finding)
        }
        return findings
    }

    /// Measures not yet in place that address the finding's risk and apply to the flow, ranked
    /// by how much they would lower the residual score (then by ID). Measures with no score
    /// effect (inventory, regulatory watch, acceptance) are never recommended automatically:
    /// they are prerequisites or decisions, listed in the measures catalogue of the report.
    /// An unmet binding duty puts its discharging measure first; until it is met, the others
    /// are ranked by what they do for impact alone.
    func recommend(for finding: Finding, flow: Flow) -> [String] {
        var ranked: [(gain: Int, id: String)] = []
        ranked.reserveCapacity(effectRanges[finding.risk.ordinal].count)
        let duty = finding.unmetDuty
        for k in effectRanges[finding.risk.ordinal] {
            let effect = effects[k]
            guard effect.scores, effect.id != duty, !flow.controls.contains(effect.id), effect.matcher.matches(flow) else {
                continue
            }
            let l = scales.clamp(finding.residual.likelihood - (duty.isEmpty ? effect.likelihood : 0))
            let i = scales.clamp(finding.residual.impact - effect.impact)
            let gain = finding.residual.score - l * i
            if gain > 0 { ranked.append((gain, effect.id)) }
        }
        ranked.sort { ($0.gain, $1.id) > ($1.gain, $0.id) }
        let best = ranked.prefix(maxRecommendations - (duty.isEmpty ? 0 : 1)).map(\.id)
        return duty.isEmpty ? best : [duty] + best
    }
}
