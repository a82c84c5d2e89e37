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
    let measures: [String: Measure]
    /// Recommendations per finding (at most).
    let maxRecommendations: Int

    /// Creates an assessor.
    package init(reference: ReferenceData, rules: [any RiskRule] = Assessor.standardRules, maxRecommendations: Int = 3) {
        self.rules = rules
        self.reference = reference
        self.exposures = ExposureIndex(reference: reference)
        self.measures = reference.measuresByID
        self.maxRecommendations = maxRecommendations
    }

    /// The exposure index (for explanations).
    package var exposureIndex: ExposureIndex { exposures }

    /// Findings for one flow, in risk order.
    package func assess(_ flow: Flow, index: Int) -> [Finding] {
        let scales = reference.scales
        var findings: [Finding] = []
        for rule in rules {
            guard let outcome = rule.evaluate(flow, exposures: exposures, scales: scales) else { continue }
            let inherent = Finding.Rating(likelihood: outcome.likelihood, impact: outcome.impact)
            var applied: [Finding.AppliedControl] = []
            var lowerL = 0
            var lowerI = 0
            for id in flow.controls {
                guard let measure = measures[id], measure.risks.contains(rule.risk), measure.scope.matches(flow) else {
                    continue
                }
                let l = measure.reduction(of: rule.risk, .likelihood)
                let i = measure.reduction(of: rule.risk, .impact)
                lowerL += l
                lowerI += i
                applied.append(.init(measureID: id, likelihood: l, impact: i))
            }
            let residual = Finding.Rating(
                likelihood: scales.clamp(inherent.likelihood - lowerL), impact: scales.clamp(inherent.impact - lowerI))
            var finding = Finding(
                flowIndex: index, flowID: flow.id, risk: rule.risk,
                inherent: inherent, inherentBand: scales.band(for: inherent.score),
                residual: residual, residualBand: scales.band(for: residual.score),
                hits: outcome.hits, likelihoodReasons: outcome.likelihoodReasons, impactReasons: outcome.impactReasons,
                controls: applied, recommended: [], decision: nil)
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
    func recommend(for finding: Finding, flow: Flow) -> [String] {
        let scales = reference.scales
        var ranked: [(gain: Int, id: String)] = []
        for measure in reference.measures
        where measure.risks.contains(finding.risk) && !flow.controls.contains(measure.id) && measure.scope.matches(flow)
            && !measure.effects.isEmpty
        {
            let l = scales.clamp(finding.residual.likelihood - measure.reduction(of: finding.risk, .likelihood))
            let i = scales.clamp(finding.residual.impact - measure.reduction(of: finding.risk, .impact))
            let gain = finding.residual.score - l * i
            if gain > 0 { ranked.append((gain, measure.id)) }
        }
        ranked.sort { ($0.gain, $1.id) > ($1.gain, $0.id) }
        return ranked.prefix(maxRecommendations).map(\.id)
    }
}
