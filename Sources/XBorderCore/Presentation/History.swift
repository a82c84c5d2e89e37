/// Archived earlier periods, for the trend and the changes since last quarter.
/// Built by `ArchiveHistory.load` (Archive) from the archived periods' findings.csv and manifests;
/// declared here, by the stage that reads it, so that the archive depends on the presentation and
/// not the other way round.
package struct History: Sendable {
    /// Counts of one archived period.
    package struct PeriodCounts: Sendable {
        package var period: String
        package var flows: Int
        package var bands: [Band: Int]
        package var risks: [RiskType: Int]
    }

    /// A finding as it was in the previous period.
    package struct PreviousFinding: Sendable {
        package var id: String
        package var band: Band
        package var score: Int
        package var asset: String
        package var route: String
        package var controls: String
        package var decision: String
    }

    /// SHA-256 of the previous period's archived reference files (`reference/exposures.csv` → hash).
    package var previousReferenceHashes: [String: String] = [:]
    /// Earlier periods, oldest first.
    package var periods: [PeriodCounts] = []
    /// The period compared against, if any.
    package var previousPeriod: String?
    /// Its findings by ID.
    package var previousFindings: [String: PreviousFinding] = [:]

    /// No history.
    package init() {}
}
