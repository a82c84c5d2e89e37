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
