/// LOC — data localization and cross-border transfer restriction (incl. business restrictions).
///
/// Rationale: transfer restrictions bite where the data comes from and wherever it rests
/// (PRODUCT §5; DOMAIN §2.1 G1, §6): China's export assessment for important data, Russia's
/// database localization, India's payment-data storage rule, export controls on technical data
/// leaving Japan or the US. So the rule looks at the origin country and every storage country,
/// but only where the data actually leaves that country (to a destination, another storage
/// place, a remote-access country or a foreign provider) and not for transfers that stay inside
/// a group that restricts only outbound transfers (an intra-EU flow under GDPR Chapter V).
///
/// Likelihood comes from the strongest matching exposure (level + 1, +1 when the regime targets
/// this data); impact is about free use of the data: business criticality, +1 when important or
/// export-controlled data makes a breach a legal matter as well.
package struct LocalizationRule: RiskRule {
    package let risk = RiskType.localization

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard flow.leavesOrigin else { return nil }
        var candidates: [(Country, JurisdictionRole)] = [(flow.origin, .origin)]
        // A storage country's restrictions bite only when the data goes on from there: to other
        // storage, remote access or a provider abroad (the flow's origin is where it came from).
        var onward = Set(flow.storageCountries + flow.access + [flow.destination])
        if let provider = flow.providerCountry { onward.insert(provider) }
        for country in flow.storageCountries where country != flow.origin && onward.contains(where: { $0 != country }) {
            candidates.append((country, .storage))
        }
        return ExposureRating.outcome(
            risk, candidates, flow: flow, exposures: exposures, scales: scales,
            impact: ImpactRating.continuityWithLegalWeight(flow, scales: scales))
    }
}
