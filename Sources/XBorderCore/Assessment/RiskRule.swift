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
    /// The measure that discharges a binding duty driving the likelihood ("" when none): until
    /// it is in place, no other control lowers the likelihood.
    package var duty = ""

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
    /// Strongest regime level in a jurisdiction, whether it targets this data, and the measure
    /// that discharges its binding duty ("" when it is no duty).
    case exposureLevel(country: Country, role: JurisdictionRole, level: Int, scoped: Bool, duty: String)
    /// Base likelihood from the kind of recipient.
    case recipient(RecipientType)
    /// The organization receives the data from this kind of party (`origin_type`).
    case received(RecipientType)
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

/// Shared impact ratings used by several rules, from scales.csv's `impact_rule` rows.
package enum ImpactRating {
    /// Confidentiality-driven impact (GOV, DIS, PRV): the class's impact, + `legal_weight` for
    /// important or export-controlled data, at least `personal_floor` for identified personal data.
    package static func confidentiality(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        let calibration = scales.calibration
        var impact = calibration.impact(flow.confidentiality)
        // Room for every reason up front: appending to a one-element literal reallocates.
        var reasons: [Reason] = []
        reasons.reserveCapacity(3)
        reasons.append(.confidentiality(flow.confidentiality))
        addLegalWeight(flow, impact: &impact, reasons: &reasons, calibration: calibration)
        if flow.personalData == .personal && impact < calibration.personalFloor {
            impact = calibration.personalFloor
            reasons.append(.personalData)
        }
        return (scales.clamp(impact), reasons)
    }

    /// Continuity-driven impact plus `legal_weight` when important or export-controlled data
    /// makes a blocked transfer a legal matter as well (LOC).
    package static func continuityWithLegalWeight(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        var (impact, reasons) = continuity(flow, scales: scales)
        addLegalWeight(flow, impact: &impact, reasons: &reasons, calibration: scales.calibration)
        return (scales.clamp(impact), reasons)
    }

    /// + `legal_weight` when important/core or export-controlled data makes the harm a legal matter as well.
    private static func addLegalWeight(
        _ flow: Flow, impact: inout Int, reasons: inout [Reason], calibration: Calibration
    ) {
        if flow.importantData {
            impact += calibration.legalWeight
            reasons.append(.importantData)
        } else if flow.exportControlled {
            impact += calibration.legalWeight
            reasons.append(.exportControlled)
        }
    }

    /// Continuity-driven impact (LOC, AVL, TRU): the criticality's impact, + `continuous_high`
    /// when a high-criticality flow runs continuously.
    package static func continuity(_ flow: Flow, scales: Scales) -> (Int, [Reason]) {
        let calibration = scales.calibration
        var impact = calibration.impact(flow.criticality)
        var reasons: [Reason] = []
        reasons.reserveCapacity(3)
        reasons.append(.criticality(flow.criticality))
        if flow.criticality == .high && flow.frequency == .continuous {
            impact += calibration.continuousHigh
            reasons.append(.continuousFlow)
        }
        return (scales.clamp(impact), reasons)
    }
}

/// Shared likelihood rating for the government risks.
package enum ExposureRating {
    /// The jurisdictions `flow` touches, each with every role the flow gives it, in the order
    /// origin, destination, storage, access, provider.
    package static func touches(_ flow: Flow) -> [(country: Country, roles: RoleSet)] {
        var touched: [(country: Country, roles: RoleSet)] = []  // a handful: an array beats a dictionary
        touched.reserveCapacity(3 + flow.storage.count + flow.access.count)
        func add(_ country: Country, _ role: JurisdictionRole) {
            if let i = touched.firstIndex(where: { $0.country == country }) {
                touched[i].roles.insert(role)
            } else {
                touched.append((country, RoleSet(bits: 1 << UInt8(role.ordinal))))
            }
        }
        add(flow.origin, .origin)
        add(flow.destination, .destination)
        // `storageCountries` without its one-element array when storage is left empty.
        if flow.storage.isEmpty { add(flow.destination, .storage) }
        for c in flow.storage { add(c, .storage) }
        for c in flow.access { add(c, .access) }
        if let provider = flow.providerCountry { add(provider, .provider) }
        return touched
    }

    /// Where the data goes on from `country`: every other jurisdiction of the flow, less the
    /// origin it came from.
    package static func onward(from country: Country, in flow: Flow) -> [Country] {
        onward(from: country, among: flow.allCountries, origin: flow.origin)
    }

    /// `onward(from:in:)` with the flow's countries (`Flow.allCountries`) worked out once.
    static func onward(from country: Country, among all: [Country], origin: Country) -> [Country] {
        all.filter { $0 != country && (country == origin || $0 != origin) }
    }

    /// Likelihood from the strongest hit (its calibrated likelihood, scales.csv), with a reason
    /// per jurisdiction, strongest first; nil without hits.
    package static func likelihood(_ hits: [ExposureIndex.Hit], scales: Scales) -> (Int, [Reason], duty: String)? {
        guard let top = hits.max(by: { ($0.likelihood, $0.level) < ($1.likelihood, $1.level) }) else { return nil }
        // One hit (the common case) needs no sorted copy.
        let ordered =
            hits.count < 2
            ? hits : hits.sorted { ($1.likelihood, $1.level, $0.country) < ($0.likelihood, $0.level, $1.country) }
        var reasons: [Reason] = []
        reasons.reserveCapacity(ordered.count)
        for hit in ordered {
            reasons.append(
                .exposureLevel(country: hit.country, role: hit.role, level: hit.level, scoped: hit.scoped, duty: hit.duty))
        }
        return (scales.clamp(top.likelihood), reasons, top.duty)
    }

    /// The outcome of a government rule over the jurisdictions `flow` touches that `include`
    /// admits: hits, likelihood from the strongest, and the given impact; nil when no
    /// jurisdiction has a matching regime in force.
    package static func outcome(
        _ risk: RiskType, flow: Flow, exposures: ExposureIndex, scales: Scales, impact: (Int, [Reason]),
        include: (Country) -> Bool = { _ in true }
    ) -> RuleOutcome? {
        var hits: [ExposureIndex.Hit] = []
        // Sorted once per flow, not once per jurisdiction.
        let all = risk == .localization ? flow.allCountries : []
        for (country, roles) in touches(flow) where include(country) {
            let onward = risk == .localization ? onward(from: country, among: all, origin: flow.origin) : []
            if risk == .localization && onward.isEmpty { continue }
            if let hit = exposures.strongest(risk, in: country, roles: roles, onward: onward, for: flow) { hits.append(hit) }
        }
        guard let (likelihood, likelihoodReasons, duty) = self.likelihood(hits, scales: scales) else { return nil }
        var outcome = RuleOutcome(
            likelihood: likelihood, impact: impact.0, hits: hits, likelihoodReasons: likelihoodReasons,
            impactReasons: impact.1)
        outcome.duty = duty
        return outcome
    }
}
