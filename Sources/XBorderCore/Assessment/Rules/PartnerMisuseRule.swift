/// PRV — misuse, secondary use or leakage by the receiving party.
///
/// Rationale: the risk exists whenever non-public data reaches a party outside the group.
/// Platforms' terms of use commonly allow secondary use (likelihood 4); partners, suppliers and
/// customers act under contracts of varying quality (3); cloud providers process but do not use
/// the data (2); public bodies are covered by DIS instead. Email and physical media leave
/// uncontrolled copies (+1). Impact is the confidentiality-driven impact.
package struct PartnerMisuseRule: RiskRule {
    package let risk = RiskType.partnerMisuse

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard let recipient = flow.recipientType, flow.confidentiality != .public else { return nil }
        var likelihood: Int
        switch recipient {
        case .groupCompany, .publicBody: return nil
        case .platform: likelihood = 4
        case .partner, .supplier, .customer: likelihood = 3
        case .cloudProvider: likelihood = 2
        }
        var reasons: [Reason] = []
        reasons.reserveCapacity(2)
        reasons.append(.recipient(recipient))
        if flow.mechanism == .email || flow.mechanism == .physicalMedia {
            likelihood += 1
            reasons.append(.mechanism(flow.mechanism))
        }
        let (impact, impactReasons) = ImpactRating.confidentiality(flow, scales: scales)
        return RuleOutcome(
            likelihood: scales.clamp(likelihood), impact: impact, likelihoodReasons: reasons, impactReasons: impactReasons)
    }
}
