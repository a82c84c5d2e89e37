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
    /// The configuration.
    package var config: Config
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

/// Organization settings that change the report but not the assessment (`Inputs/settings.csv`,
/// `key,value`): organization name, classification label, sign-off roles, scope text.
package struct ReportSettings: Sendable {
    /// Organization name on the cover.
    package var organization = "Organization"
    /// Classification label on every page.
    package var classification = ""
    /// Scope statement.
    package var scope = ""
    /// Sign-off roles (empty: the catalogue's preparer, reviewer, approver).
    package var signoffRoles: [String] = []
    /// Length of the report's bounded lists (`--top` wins).
    package var topN: Int?
    /// Optional sections left out of the report.
    package var hiddenSections: Set<String> = []
    /// The executive role that takes the board brief's decisions (`decision_owner`; default:
    /// the last sign-off role).
    package var decisionOwner = ""
    /// The date by which they are asked for (`decision_date`; default: 45 days after the as-of date).
    package var decisionDate: CalendarDate?
    /// Japanese variants of the text settings (`organization_ja`, `signoff_1_ja`, …), by key
    /// without the suffix; sign-off roles in order.
    package var japanese: [String: String] = [:]
    package var signoffRolesJa: [String] = []

    /// A text setting in `locale`: its `_ja` variant in Japanese when given.
    package func text(_ key: String, _ english: String, locale: String) -> String {
        locale == "ja" ? (japanese[key].flatMap { $0.isEmpty ? nil : $0 } ?? english) : english
    }

    /// Sign-off roles in `locale`.
    package func signoffRoles(locale: String) -> [String] {
        locale == "ja" && signoffRolesJa.count == signoffRoles.count ? signoffRolesJa : signoffRoles
    }
    /// The private key that signs the archive (`sign_key`, relative to the settings file).
    package var signingKeyPath: String?
    /// The sections that can be left out (`hide_sections`); the summary and steps 2–3 cannot.
    package static let optionalSections = ["step1", "changes", "quality", "appendix"]

    /// Defaults.
    package init() {}

    /// Reads the settings table.
    package init(table: KeyedTable, diagnostics: inout DiagnosticLog) {
        for row in table.rows {
            let value = row["value"]
            let key = row["key"].lowercased()
            if key.hasSuffix("_ja") {
                let base = String(key.dropLast(3))
                if base.hasPrefix("signoff") {
                    if !value.isEmpty { signoffRolesJa.append(value) }
                } else if ["organization", "classification", "scope", "decision_owner"].contains(base) {
                    japanese[base] = value
                } else {
                    diagnostics.warning(
                        "settings.unknown-key", "unknown setting \(Diagnostic.quoted(row["key"]))", at: row.location("key"))
                }
                continue
            }
            switch key {
            case "decision_owner": decisionOwner = value
            case "decision_date":
                if let date = CalendarDate(value) {
                    decisionDate = date
                } else {
                    diagnostics.warning(
                        "settings.date", "decision_date \(Diagnostic.quoted(value)) is not a date (YYYY-MM-DD)",
                        at: row.location("value"))
                }
            case "organization": organization = value
            case "classification": classification = value
            case "scope": scope = value
            case let key where key.hasPrefix("signoff"): if !value.isEmpty { signoffRoles.append(value) }
            case "top_n":
                if let n = Int(value), (1...1000).contains(n) {
                    topN = n
                } else {
                    diagnostics.warning(
                        "settings.top-n", "top_n \(Diagnostic.quoted(value)) is not a number from 1 to 1000", at: row.location("value"))
                }
            case "sign_key" where !value.isEmpty:
                let settingsFile = row.location("value").file
                let settingsFolder = settingsFile.lastIndex(of: "/").map { String(settingsFile[...$0]) } ?? ""
                signingKeyPath = value.hasPrefix("/") ? value : settingsFolder + value
            case "hide_sections":
                for name in value.split(whereSeparator: { ";, ".contains($0) }).map({ $0.lowercased() }) {
                    if Self.optionalSections.contains(name) {
                        hiddenSections.insert(name)
                    } else {
                        diagnostics.warning(
                            "settings.section",
                            "section \(Diagnostic.quoted(name)) cannot be hidden; choose from \(Self.optionalSections.joined(separator: ", "))",
                            at: row.location("value"))
                    }
                }
            default:
                diagnostics.warning("settings.unknown-key", "unknown setting \(Diagnostic.quoted(row["key"]))", at: row.location("key"))
            }
        }
    }
}

/// Archived earlier periods, for the trend and the changes since last quarter.
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
