/// LOC — data localization and cross-border transfer restriction (incl. business restrictions).
///
/// Rationale: a transfer restriction bites where the data is generated or collected and, for
/// some laws, wherever it is held — not wherever it lands.
/// China's export assessment for important data restricts data leaving China; the US bulk-data
/// rule restricts US data towards countries of concern, not Japanese data arriving in the US.
/// So the rule offers every jurisdiction the flow touches with the roles it plays, and each
/// exposures.csv row says through which roles it bites (`roles`) and towards whom (`towards`);
/// a jurisdiction counts only where the data goes on from it to a place the row restricts.
///
/// Likelihood is the strongest matching row's calibrated likelihood (scales.csv), 5 only for a
/// binding duty such as a required approval; impact is about free use of the data: business
/// criticality, + legal weight when important or export-controlled data makes a breach a legal
/// matter as well.
package struct LocalizationRule: RiskRule {
    package let risk = RiskType.localization

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        guard flow.leavesOrigin else { return nil }
        return ExposureRating.outcome(
            risk, flow: flow, exposures: exposures, scales: scales,
            impact: ImpactRating.continuityWithLegalWeight(flow, scales: scales))
    }
}
