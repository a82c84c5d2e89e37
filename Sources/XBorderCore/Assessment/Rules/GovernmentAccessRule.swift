/// GOV — government access: compelled or covert access by a state to data a company holds.
///
/// Rationale: a state can reach data where it is stored, where the recipient sits, from where it
/// can be accessed, and — through the CLOUD Act logic — wherever a provider controlled from its
/// territory keeps it (exposure follows the provider's corporate
/// jurisdiction, not the data centre). Each exposures.csv row names the roles through which its
/// power reaches. The origin country is not counted: the data is there whether or not this flow
/// exists; the flow adds exposure only where it takes the data.
///
/// Likelihood from the strongest exposure, calibrated so that a power to compel access is at
/// most "Likely" (scales.csv `cap_GOV`); impact from what disclosure would cost: confidentiality
/// class, + legal weight for important or export-controlled data.
package struct GovernmentAccessRule: RiskRule {
    package let risk = RiskType.governmentAccess

    /// Creates the rule.
    package init() {}

    package func evaluate(_ flow: Flow, exposures: ExposureIndex, scales: Scales) -> RuleOutcome? {
        ExposureRating.outcome(
            risk, flow: flow, exposures: exposures, scales: scales,
            impact: ImpactRating.confidentiality(flow, scales: scales), include: { $0 != flow.origin })
    }
}
