/// TRU — untrustworthy data: tampering, falsification, unknown provenance or poor quality in data
/// the organization receives along the value chain (METI Data Management Framework).
///
/// Rationale: the risk is the receiver's — a supplier's emissions figures, a partner's test
/// results or a platform's data feeding decisions, production or regulatory reports. It does not
/// arise when the organization ships its own data out, so the rule applies only to flows whose
/// `origin_type` is another party (supplier, partner, customer, platform, public body) and whose
/// category decisions rely on. Likelihood by channel: email and physical media 4, file transfer,
/// platform and remote access 3, API and replication 2 (3 when unknown). Impact is
/// continuity-driven.
package struct UntrustworthyDataRule: RiskRule {
    package let risk = RiskType.untrustworthy

    /// Categories whose corruption misleads decisions or reports.
    static let categories: Set<DataCategory> = [
        .operational, .supplyChain, .financial, .securityLogs, .geospatial, .technical,
    ]

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard flow.isReceived, let source = flow.originType, Self.categories.contains(flow.category) else { return nil }
        let likelihood: Int
        switch flow.mechanism {
        case .email, .physicalMedia: likelihood = 4
        case .fileTransfer, .platform, .remoteAccess: likelihood = 3
        case .api, .cloudReplication: likelihood = 2
        case nil: likelihood = 3
        }
        let reasons: [Reason] = [.received(source), .mechanism(flow.mechanism)]
        let (impact, impactReasons) = ImpactRating.continuity(flow, scales: scales)
        return RuleOutcome(
            likelihood: scales.clamp(likelihood), impact: impact, likelihoodReasons: reasons, impactReasons: impactReasons)
    }
}
