/// TRU — untrustworthy data: tampering, falsification, unknown provenance or poor quality in data
/// exchanged along the value chain (DOMAIN §2.2 P5; METI Data Management Framework).
///
/// Rationale: data that decisions, production or regulatory reports rely on (operational,
/// supply-chain, financial, security-log, geospatial and technical data) is at risk when it
/// crosses an organizational boundary or travels by a channel without integrity protection.
/// Likelihood by channel: email and physical media 4, file transfer, platform and remote access
/// 3, API and replication 2 (3 when unknown); a flow inside the group over an integrity-protected
/// channel does not apply. Impact is continuity-driven.
package struct UntrustworthyDataRule: RiskRule {
    package let risk = RiskType.untrustworthy

    /// Categories whose corruption misleads decisions or reports.
    static let categories: Set<DataCategory> = [
        .operational, .supplyChain, .financial, .securityLogs, .geospatial, .technical,
    ]

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard Self.categories.contains(flow.category) else { return nil }
        let likelihood: Int
        switch flow.mechanism {
        case .email, .physicalMedia: likelihood = 4
        case .fileTransfer, .platform, .remoteAccess: likelihood = 3
        case .api, .cloudReplication: likelihood = 2
        case nil: likelihood = 3
        }
        let external = flow.recipientType.map { $0 != .groupCompany } ?? false
        guard external || likelihood >= 3 else { return nil }
        var reasons: [Reason] = [.mechanism(flow.mechanism)]
        if let recipient = flow.recipientType, external { reasons.insert(.recipient(recipient), at: 0) }
        let (impact, impactReasons) = ImpactRating.continuity(flow, scales: scales)
        return RuleOutcome(
            likelihood: scales.clamp(likelihood), impact: impact, likelihoodReasons: reasons, impactReasons: impactReasons)
    }
}
