/// DIS — mandatory data sharing and disclosure to governments, users or third parties.
///
/// Rationale: disclosure duties attach to the market where the products and operations are
/// (the EU Data Act's connected-product data, CBAM), to where the recipient operates, and to
/// where the data sits (India's CERT-In logs, Vietnam's Data Law). Each exposures.csv row names the roles through which its duty attaches (by default
/// origin, destination and storage).
///
/// Likelihood from the strongest exposure in force; impact from what forced disclosure would
/// expose: confidentiality class, + legal weight for important or export-controlled data.
package struct MandatoryDisclosureRule: RiskRule {
    package let risk = RiskType.disclosure

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard flow.leavesOrigin else { return nil }
        return ExposureRating.outcome(
            risk, flow: flow, exposures: exposures, scales: scales,
            impact: ImpactRating.confidentiality(flow, scales: scales))
    }
}
