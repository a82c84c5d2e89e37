/// One risk type's rule: decides whether it applies to a flow and rates its inherent
/// likelihood and impact, with the reasons. Controls and bands are applied by `Assessor` for
/// every rule alike. Each rule lives in its own file under `Rules/` with its rationale.
package protocol RiskRule: Sendable {
    /// The risk type the rule produces findings for.
    var risk: RiskType { get }
    /// The inherent rating, or nil when the rule does not apply to the flow.
    func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome?
}

/// What a rule found for one flow, before controls.
package struct RuleOutcome: Sendable {
    /// Inherent likelihood on the scale.
    package var likelihood: Int
    /// Inherent impact on the scale.
    package var impact: Int
    /// The jurisdictions and exposure rows that produced the likelihood (government risks).
    package var hits: [ExposureIndex.Hit] = []
    /// Why the likelihood is what it is.
    package var likelihoodReasons: [Reason]
    /// Why the impact is what it is.
    package var impactReasons: [Reason]

    /// Creates an outcome (package-visible so rules outside this module, and tests, can build one).
    package init(
        likelihood: Int, impact: Int, hits: [ExposureIndex.Hit] = [], likelihoodReasons: [Reason],
        impactReasons: [Reason]
    ) {
        self.likelihood = likelihood
        self.impact = impact
        self.hits = hits
        self.likelihoodReasons = likelihoodReasons
        self.impactReasons = impactReasons
    }
}

/// One step of an explanation, structured so it can be worded in any report language.
package enum Reason: Sendable, Hashable {
    /// Strongest regime level in a jurisdiction, and whether it targets this data.
    case exposureLevel(country: Country, role: JurisdictionRole, level: Int, scoped: Bool)
    /// Base likelihood from the kind of recipient.
    case recipient(RecipientType)
    /// Base likelihood from how the data moves.
    case mechanism(Mechanism?)
    /// Adjustment for a provider controlled from another jurisdiction.
    case foreignProvider(Country)
    /// Impact from the confidentiality class.
    case confidentiality(Confidentiality)
    /// Impact from business criticality.
    case criticality(Criticality)
    /// Impact raised for important/core data.
    case importantData
    /// Impact raised for export-controlled data.
    case exportControlled
    /// Impact floor for identified personal data.
    case personalData
    /// Continuous dependence on the flow.
    case continuousFlow
}

/// Shared impact ratings used by several rules.
package enum ImpactRating {
    /// Confidentiality-driven impact (GOV, DIS, PRV): public 1 … secret 4, +1 for important or
    /// export-controlled data, at least 3 for identified personal data.
    package static func confidentiality(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        var impact: Int
        switch flow.confidentiality {
        case .public: impact = 1
        case .internal: impact = 2
        case .confidential: impact = 3
        case .secret: impact = 4
        }
        var reasons: [Reason] = [.confidentiality(flow.confidentiality)]
        addLegalWeight(flow, impact: &impact, reasons: &reasons)
        if flow.personalData == .personal && impact < 3 {
            impact = 3
            reasons.append(.personalData)
        }
        return (scales.clamp(impact), reasons)
    }

    /// Continuity-driven impact plus 1 when important or export-controlled data makes a blocked
    /// transfer a legal matter as well (LOC).
    package static func continuityWithLegalWeight(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        var (impact, reasons) = continuity(flow, scales: scales)
        addLegalWeight(flow, impact: &impact, reasons: &reasons)
        return (scales.clamp(impact), reasons)
    }

    /// +1 when important/core or export-controlled data makes the harm a legal matter as well.
    private static func addLegalWeight(_ flow: Flow, impact: inout Int, reasons: inout [Reason]) {
        if flow.importantData {
            impact += 1
            reasons.append(.importantData)
        } else if flow.exportControlled {
            impact += 1
            reasons.append(.exportControlled)
        }
    }

    /// Continuity-driven impact (LOC, AVL, TRU): criticality low 2, medium 3, high 4, +1 when a
    /// high-criticality flow runs continuously.
    package static func continuity(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        var impact: Int
        switch flow.criticality {
        case .low: impact = 2
        case .medium: impact = 3
        case .high: impact = 4
        }
        var reasons: [Reason] = [.criticality(flow.criticality)]
        if flow.criticality == .high && flow.frequency == .continuous {
            impact += 1
            reasons.append(.continuousFlow)
        }
        return (scales.clamp(impact), reasons)
    }
}

/// Shared likelihood rating for the government risks.
package enum ExposureRating {
    /// Likelihood from the strongest hit: level + 1 (level 1 → 2 Unlikely, 3 → 4 Likely), +1
    /// when the driving regime targets this data specifically (a binding duty now: 5).
    package static func likelihood(_ hits: [ExposureIndex.Hit], scales: Scales) -> (Int, [Reason])? {
        guard let top = hits.max(by: { ($0.level, $0.scoped ? 1 : 0) < ($1.level, $1.scoped ? 1 : 0) }) else {
            return nil
        }
        let value = top.level + 1 + (top.scoped ? 1 : 0)
        let reasons = hits.sorted { ($1.level, $0.country) < ($0.level, $1.country) }.map {
            Reason.exposureLevel(country: $0.country, role: $0.role, level: $0.level, scoped: $0.scoped)
        }
        return (scales.clamp(value), reasons)
    }

    /// The outcome of a government rule: hits among `candidates`, likelihood from the strongest,
    /// and the given impact; nil when no jurisdiction has a matching regime.
    package static func outcome(
        _ risk: RiskType, _ candidates: [(Country, JurisdictionRole)], flow: Flow, exposures: ExposureIndex,
        scales: Scales, impact: (Int, [Reason])
    ) -> RuleOutcome? {
        let hits = self.hits(risk, candidates, flow: flow, exposures: exposures)
        guard let (likelihood, likelihoodReasons) = self.likelihood(hits, scales: scales) else { return nil }
        return RuleOutcome(
            likelihood: likelihood, impact: impact.0, hits: hits, likelihoodReasons: likelihoodReasons,
            impactReasons: impact.1)
    }

    /// The strongest hit per country among `candidates` (country, role), best role kept.
    package static func hits(
        _ risk: RiskType, _ candidates: [(Country, JurisdictionRole)], flow: Flow, exposures: ExposureIndex
    ) -> [ExposureIndex.Hit] {
        var seen: [Country] = []  // a handful: an array beats a set
        var hits: [ExposureIndex.Hit] = []
        for (country, role) in candidates where !seen.contains(country) {
            seen.append(country)
            if let hit = exposures.strongest(risk, in: country, role: role, for: flow) { hits.append(hit) }
        }
        return hits
    }
}
