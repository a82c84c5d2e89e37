/// Everything the presentation stage reads: the run's facts, the aggregate of the findings and
/// the message catalogue of the report language. Built by the pipeline after assessment.
package struct ReportContext: Sendable {
    /// One input or reference file as listed in the appendix.
    package struct FileInfo: Sendable {
        /// Path as given.
        package var path: String
        /// Data rows.
        package var rows: Int
        /// Encoding, delimiter and line ends, for inputs.
        package var format: String
        /// SHA-256.
        package var sha256: String
    }

    /// Organization settings (Inputs/settings.csv).
    package var settings: ReportSettings
    /// Length of the bounded lists (`--top`, else settings.csv `top_n`).
    package var topN: Int
    /// The options that change the archived bytes, as the manifest records them (`Config.recordedOptions`).
    package var recordedOptions: [(String, String)]
    /// Period name.
    package var period: String
    /// As-of date.
    package var asOf: CalendarDate
    /// Revision being created and the one it supersedes.
    package var revision: Int
    package var supersedes: String?
    /// Texts of the report language, with English fallback.
    package var messages: MessageCatalog
    /// Reference data.
    package var reference: ReferenceData
    /// Exposure index (for explanations).
    package var exposures: ExposureIndex
    /// The flows.
    package var inventory: Inventory
    /// The aggregate of the findings.
    package var aggregate: ReportAggregate
    /// Every diagnostic of the run, sorted.
    package var diagnostics: [Diagnostic]
    /// Input files (flows.csv, decisions.csv, columns.csv).
    package var inputFiles: [FileInfo]
    /// Reference files.
    package var referenceFiles: [FileInfo]
    /// Quarter-over-quarter comparison, when an earlier period is archived.
    package var history: History
    /// Changes against the previous archived period, when there is one.
    package var changes: ChangeSet?
    /// Jurisdictions touched and those not assessed for some risk types.
    package var coverage: Coverage
    /// The carried decisions (what-if effects re-assess flows with them).
    package var decisions = DecisionBook()
    /// Control contradictions found by the assessment (exceptions of the board brief).
    package var contradictions = ControlContradictions()
    /// The what-if scenarios of scenarios.csv compared with the findings, in file order.
    package var scenarios: [ScenarioComparison] = []

    /// Name of a country in the report language.
    package func countryName(_ country: Country) -> String {
        messages.locale == "ja" && !country.entry.nameJa.isEmpty ? country.entry.nameJa : country.name
    }
}
