/// AVL — loss of access and lock-in: provider exit, unilateral terms, insolvency, no
/// portability.
///
/// Rationale: the company depends on a third party to reach its own data when a cloud provider
/// or platform holds it (platforms change terms unilaterally: likelihood 3; cloud providers: 2),
/// or when a high-criticality flow is handed to any party outside the group (2). A provider
/// controlled from a third jurisdiction (neither origin nor destination) adds sanctions and
/// exit exposure (+1). Impact is continuity-driven.
package struct LossOfAccessRule: RiskRule {
    package let risk = RiskType.lossOfAccess

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard let recipient = flow.recipientType else { return nil }
        var likelihood: Int
        switch recipient {
        case .platform: likelihood = 3
        case .cloudProvider: likelihood = 2
        case .partner, .supplier, .customer:
            guard flow.criticality == .high else { return nil }
            likelihood = 2
        case .groupCompany, .publicBody: return nil
        }
        var reasons: [Reason] = []
        reasons.reserveCapacity(2)
        reasons.append(.recipient(recipient))
        if let provider = flow.providerCountry, provider != flow.origin, provider != flow.destination {
            likelihood += 1
            reasons.append(.foreignProvider(provider))
        }
        let (impact, impactReasons) = ImpactRating.continuity(flow, scales: scales)
        return RuleOutcome(
            likelihood: scales.clamp(likelihood), impact: impact, likelihoodReasons: reasons, impactReasons: impactReasons)
    }
}
