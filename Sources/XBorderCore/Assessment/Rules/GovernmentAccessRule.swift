/// GOV — government access: compelled or covert access by a state to data a company holds.
///
/// Rationale: a state can reach data where it is stored, where the recipient sits, from where it
/// can be accessed, and — through the CLOUD Act logic — wherever a provider controlled from its
/// territory keeps it (DOMAIN §2.1 G2, §6: exposure follows the provider's corporate
/// jurisdiction, not the data centre). The origin country is not counted: the data is there
/// whether or not this flow exists; the flow adds exposure only where it takes the data.
///
/// Likelihood from the strongest exposure; impact from what disclosure would cost:
/// confidentiality class, +1 for important or export-controlled data.
package struct GovernmentAccessRule: RiskRule {
    package let risk = RiskType.governmentAccess

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        var candidates: [(Country, JurisdictionRole)] = [(flow.destination, .destination)]
        candidates += flow.storageCountries.map { ($0, .storage) }
        if let provider = flow.providerCountry { candidates.append((provider, .provider)) }
        candidates += flow.access.map { ($0, .access) }
        candidates.removeAll { $0.0 == flow.origin }
        return ExposureRating.outcome(
            risk, candidates, flow: flow, exposures: exposures, scales: scales,
            impact: ImpactRating.confidentiality(flow, scales: scales))
    }
}
