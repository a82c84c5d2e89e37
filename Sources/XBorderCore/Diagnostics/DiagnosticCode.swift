/// One stable diagnostic code: the string users' scripts match, how severe a diagnostic with it
/// is, and what it means in one line.
///
/// ``DiagnosticCode/all`` is the registry of every code xborder emits, grouped by the stage that
/// emits it; docs/DIAGNOSTICS.md is its table. `DiagnosticCodeRegistryTests` keeps the three in
/// step: it scans Sources/ for the code strings passed to diagnostics and fails when one is not
/// registered or a registered one is no longer emitted, and it regenerates the table and compares
/// it with docs/DIAGNOSTICS.md (`RECORD_DIAGNOSTICS=1` rewrites the file).
package struct DiagnosticCode: Sendable, Hashable {
    /// The part of the run that emits a group of codes, in pipeline order.
    package enum Stage: String, Sendable, CaseIterable {
        case read, reference, decisions, scenarios, settings, assess, render, validate, archive, verify, run

        /// The heading of the stage's table in docs/DIAGNOSTICS.md.
        package var title: String {
            switch self {
            case .read: "Read: the period folder, spreadsheets and flows.csv (`input.*`, `csv.*`)"
            case .reference: "Check: reference data under Inputs/reference (`reference.*`)"
            case .decisions: "Check: decisions.csv (`decision.*`)"
            case .scenarios: "Check: scenarios.csv (`scenario.*`)"
            case .settings: "Present: settings.csv (`settings.*`)"
            case .assess: "Assess (`assessment.*`, `reference.not-assessed`)"
            case .render: "Render: templates and message catalogues (`template.*`)"
            case .validate: "Validate: the rendered reports (`report.*`)"
            case .archive: "Archive and signing keys (`archive.*`)"
            case .verify: "Verify an archived period (`verify.*`)"
            case .run: "The run as a whole (`run.*`)"
            }
        }
    }

    /// The stable code, such as `input.country`.
    package var code: String
    /// The severities a diagnostic with this code has (most have one).
    package var severities: [Diagnostic.Severity]
    /// The stage that emits it.
    package var stage: Stage
    /// What it means, in one line.
    package var meaning: String

    /// Creates a registry entry.
    package init(_ code: String, _ severities: [Diagnostic.Severity], _ stage: Stage, _ meaning: String) {
        self.code = code
        self.severities = severities
        self.stage = stage
        self.meaning = meaning
    }

    /// The registered entry for `code`, if any.
    package static func named(_ code: String) -> DiagnosticCode? { byCode[code] }

    private static let byCode: [String: DiagnosticCode] = Dictionary(
        all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}

extension DiagnosticCode {
    /// Codes built from a value rather than written out in full at the call site. Each member is
    /// also in ``DiagnosticCode/all``; the registry test derives the members from the code that
    /// builds them and compares.
    package enum Family: String, Sendable, CaseIterable {
        /// `input.<column>`: InventoryDecoder's `"input.\(column.rawValue)"`.
        case inputColumn = "input.<column>"
        /// `report.<issue>`: ReportValidator's `"report.\(issue.code.replacingPrefix("xml."))"`.
        case reportIssue = "report.<issue>"

        /// What the family's codes have in common.
        package var summary: String {
            switch self {
            case .inputColumn:
                "a flows.csv cell of an enumeration or yes/no column is not one of its values; the code names the canonical column"
            case .reportIssue:
                "an XMLValidation issue `xml.<issue>` (or the active-content scan) found in a rendered report"
            }
        }

        /// The family's codes.
        package var members: [String] {
            switch self {
            case .inputColumn:
                [
                    "input.confidentiality", "input.criticality", "input.data_category", "input.export_controlled",
                    "input.frequency", "input.important_data", "input.mechanism", "input.origin_type",
                    "input.personal_data", "input.recipient_type",
                ]
            case .reportIssue:
                [
                    "report.active-content", "report.broken-link", "report.dtd-invalid", "report.dtd-unavailable",
                    "report.duplicate-id", "report.entity-declaration", "report.external-resource",
                    "report.missing-text-alternative", "report.not-well-formed", "report.unexpected-doctype",
                ]
            }
        }
    }
}

extension DiagnosticCode {
    /// Every code xborder emits, by stage; within a stage, alphabetical.
    package static let all: [DiagnosticCode] = read + reference + decisions + scenarios + settings + assess + render
        + validate + archive + verify + run

    private static let read: [DiagnosticCode] = [
        .init("csv.field-too-long", [.error], .read, "a cell is longer than --max-cell-bytes"),
        .init("csv.stray-quote", [.warning], .read, "a quote inside an unquoted cell, kept as a literal quote"),
        .init("csv.text-after-quote", [.warning], .read, "text after a closing quote, kept as part of the cell"),
        .init("csv.too-many-fields", [.error], .read, "a record has more fields than --max-columns; the rest are ignored"),
        .init("csv.unterminated-quote", [.error], .read, "a quoted cell is never closed"),
        .init("input.columns-mapping", [.error], .read, "columns.csv names a canonical column that does not exist"),
        .init("input.confidentiality", [.error], .read, "a confidentiality cell is not one of its values"),
        .init("input.control-character", [.warning], .read, "a cell has control or bidirectional-override characters"),
        .init("input.country", [.error], .read, "a country cell names no known country"),
        .init("input.criticality", [.error], .read, "a criticality cell is not one of its values"),
        .init("input.data_category", [.error], .read, "a data_category cell is not one of its values"),
        .init("input.duplicate-flow-id", [.error], .read, "a flow_id is used on an earlier row; this row is rejected"),
        .init("input.duplicate-header", [.error], .read, "two columns map to the same header or canonical column"),
        .init("input.empty", [.error], .read, "flows.csv has no header row"),
        .init("input.empty-header", [.warning], .read, "a column inside the header has an empty header and is ignored"),
        .init("input.encoding", [.error], .read, "bytes that are not valid in the detected or given encoding"),
        .init("input.export_controlled", [.error], .read, "an export_controlled cell is not yes or no"),
        .init("input.extra-cell", [.warning], .read, "a cell beyond the last header column is ignored"),
        .init("input.frequency", [.error], .read, "a frequency cell is not one of its values"),
        .init("input.header-not-found", [.note], .read, "no row near the top names every required column"),
        .init("input.important_data", [.error], .read, "an important_data cell is not yes or no"),
        .init("input.mechanism", [.error], .read, "a mechanism cell is not one of its values"),
        .init("input.missing-column", [.error], .read, "flows.csv lacks a required column"),
        .init("input.missing-file", [.error], .read, "a required input file is missing"),
        .init("input.no-rows", [.error], .read, "the flow inventory has a header row but no data rows"),
        .init("input.origin_type", [.error], .read, "an origin_type cell is not one of its values"),
        .init("input.period-missing", [.error], .read, "the period folder does not exist"),
        .init("input.period-name", [.error], .read, "the period folder's name is not a period and --as-of is not given"),
        .init("input.personal_data", [.error], .read, "a personal_data cell is not one of its values"),
        .init("input.preamble", [.note], .read, "rows above the header row were skipped"),
        .init("input.recipient_type", [.error], .read, "a recipient_type cell is not one of its values"),
        .init("input.reference-missing", [.error], .read, "the reference folder does not exist"),
        .init("input.required", [.error], .read, "a required value of a row is empty; the row is rejected"),
        .init("input.too-large", [.error], .read, "an input file is larger than --max-input-bytes"),
        .init("input.too-many-rows", [.error], .read, "the flow inventory has more rows than --max-rows; nothing is assessed"),
        .init("input.two-inventories", [.error], .read, "the period folder has both flows.csv and flows.xlsx"),
        .init("input.unknown-header", [.warning], .read, "a header is not a known column and is ignored"),
        .init("input.unknown-measure", [.warning], .read, "a controls entry is not in measures.csv and has no effect"),
        .init("input.unreadable", [.error], .read, "an input file cannot be read"),
        .init("input.volume", [.warning], .read, "a volume cell is not a whole number and is ignored"),
        .init("input.volume-rounded", [.warning], .read, "a volume cell looks rounded by the spreadsheet's display"),
        .init("input.workbook", [.error], .read, "flows.xlsx is not a readable Excel workbook or lacks a sheet"),
    ]

    private static let reference: [DiagnosticCode] = [
        .init("reference.band", [.error], .reference, "scales.csv's bands are missing, unknown or have no score range"),
        .init("reference.calibration", [.error], .reference, "a calibration key or value of scales.csv is not one this version reads"),
        .init("reference.country", [.error], .reference, "groups.csv names an unknown member country"),
        .init("reference.date", [.error], .reference, "a date of exposures.csv is not YYYY-MM-DD"),
        .init("reference.duplicate-measure", [.error], .reference, "measures.csv defines a measure twice"),
        .init("reference.duty-measure", [.error], .reference, "an exposure's duty_measure is not in measures.csv"),
        .init("reference.effect", [.error], .reference, "a measure's effect is not RISK:L-n or RISK:I-n"),
        .init("reference.empty", [.error], .reference, "a reference file has no header row"),
        .init("reference.jurisdiction", [.error], .reference, "an exposure names neither a country nor a group"),
        .init("reference.level", [.error], .reference, "an exposure's level is not 0–3"),
        .init("reference.measure-id", [.error], .reference, "a row of measures.csv has no measure_id"),
        .init("reference.missing-column", [.error], .reference, "a reference file lacks a required column"),
        .init("reference.risk", [.error], .reference, "a reference row names an unknown risk type"),
        .init("reference.role", [.error], .reference, "an exposure's role is not origin, storage, access, destination or provider"),
        .init("reference.scale", [.error], .reference, "scales.csv's likelihood and impact levels are malformed"),
        .init("reference.scope", [.error], .reference, "an exposure's applies_to has an unknown term"),
        .init("reference.source-domain", [.warning], .reference, "a source URL is not on an accepted domain of source-domains.csv"),
        .init("reference.source-kind", [.error], .reference, "a source-domains.csv kind is not official or commentary"),
        .init("reference.towards", [.error], .reference, "an exposure's towards is neither a country nor a group"),
        .init("reference.unsourced", [.error], .reference, "an exposure above level 0 does not name its law and source"),
    ]

    private static let decisions: [DiagnosticCode] = [
        .init("decision.date", [.error], .decisions, "a date of decisions.csv is not YYYY-MM-DD"),
        .init("decision.finding-id", [.error], .decisions, "a finding_id is not FLOW:RISK"),
        .init("decision.incomplete-acceptance", [.error], .decisions, "an accepted risk lacks its owner, justification or expiry"),
        .init("decision.risk", [.error], .decisions, "a finding_id names an unknown risk type"),
        .init("decision.status", [.error], .decisions, "a decision is not one of the known statuses"),
        .init("decision.unmatched", [.warning], .decisions, "a decision matches no finding of this period"),
    ]

    private static let scenarios: [DiagnosticCode] = [
        .init("scenario.duplicate-id", [.error], .scenarios, "a scenario_id is used on an earlier row"),
        .init("scenario.missing-id", [.error], .scenarios, "a scenario has no scenario_id"),
        .init("scenario.no-match", [.error], .scenarios, "a scenario's selector matches no flow"),
        .init("scenario.no-measures", [.error], .scenarios, "a scenario names no measures"),
        .init("scenario.selector", [.error], .scenarios, "a scenario's flows selector is empty or malformed"),
        .init("scenario.unknown-column", [.error], .scenarios, "a selector filters on an unknown column"),
        .init("scenario.unknown-flow", [.error], .scenarios, "a selector names a flow that is not in flows.csv"),
        .init("scenario.unknown-measure", [.error], .scenarios, "a scenario names a measure that is not in measures.csv"),
        .init("scenario.value", [.error], .scenarios, "a selector's filter value is not a value of its column"),
    ]

    private static let settings: [DiagnosticCode] = [
        .init("settings.date", [.warning], .settings, "settings.csv's decision_date is not YYYY-MM-DD"),
        .init("settings.section", [.warning], .settings, "settings.csv hides a section that cannot be hidden"),
        .init("settings.top-n", [.warning], .settings, "settings.csv's top_n is not a number from 1 to 1000"),
        .init("settings.unknown-key", [.warning], .settings, "settings.csv has an unknown key"),
    ]

    private static let assess: [DiagnosticCode] = [
        .init("assessment.control-contradiction", [.warning], .assess, "controls list a measure as in place that decisions.csv calls open"),
        .init("reference.not-assessed", [.warning], .assess, "flows touch a country that exposures.csv has no rows for"),
    ]

    private static let render: [DiagnosticCode] = [
        .init("template.duplicate-message", [.warning], .render, "a message catalogue defines a key twice"),
        .init("template.encoding", [.error], .render, "a template is not valid UTF-8"),
        .init("template.forbidden-markup", [.error], .render, "a template has scripts, event handlers, url(), entities, XInclude or another DOCTYPE"),
        .init("template.locale", [.error], .render, "there is no message catalogue for --locale"),
        .init("template.missing", [.error], .render, "the templates folder or its main template is missing"),
        .init("template.missing-partial", [.error], .render, "a template includes a partial that does not exist"),
        .init("template.partial-outside", [.error], .render, "a template includes a partial outside the templates folder"),
        .init("template.raw-output", [.error], .render, "a template uses {{{, {{&, {{= or {{%, which print values unescaped"),
        .init("template.read", [.error], .render, "a template cannot be read"),
        .init("template.symlink", [.error], .render, "a template is a symbolic link and is not loaded"),
        .init("template.syntax", [.error], .render, "a template has a Mustache syntax error"),
    ]

    private static let validate: [DiagnosticCode] = [
        .init("report.active-content", [.error], .validate, "a rendered report has scripts, event handlers or other active content"),
        .init("report.broken-link", [.error], .validate, "a rendered report links to an id it does not have"),
        .init("report.dtd-invalid", [.error, .warning], .validate, "report.xhtml does not follow its DTD"),
        .init("report.dtd-unavailable", [.error], .validate, "the DTD cannot be loaded from the local XML catalogue"),
        .init("report.duplicate-id", [.error], .validate, "two elements of a rendered report share an id"),
        .init("report.entity-declaration", [.error], .validate, "a rendered report declares an entity in its DOCTYPE"),
        .init("report.external-resource", [.error], .validate, "a rendered report references a resource outside itself"),
        .init("report.invalid", [.error], .validate, "a rendered report is not valid, so nothing is archived"),
        .init("report.missing-text-alternative", [.error], .validate, "an image or chart of a rendered report has no text alternative"),
        .init("report.not-well-formed", [.error, .warning], .validate, "a rendered report is not well-formed XML"),
        .init("report.unexpected-doctype", [.error], .validate, "a rendered report's DOCTYPE is missing or not the expected one"),
    ]

    private static let archive: [DiagnosticCode] = [
        .init("archive.duplicate-path", [.error], .archive, "manifest.json lists a file twice"),
        .init("archive.key-exists", [.error], .archive, "keygen would overwrite an existing key file"),
        .init("archive.key-invalid", [.error], .archive, "a key file is not an Ed25519 key in PEM"),
        .init("archive.key-mismatch", [.error], .archive, "manifest.json names another signing key than the given one"),
        .init("archive.key-mode", [.error], .archive, "the private key file is readable by group or others"),
        .init("archive.key-unreadable", [.error], .archive, "a key file or its folder cannot be read, created or written"),
        .init("archive.manifest-format", [.error], .archive, "manifest.json has a format this version does not know"),
        .init("archive.manifest-syntax", [.error], .archive, "manifest.json is not valid JSON"),
        .init("archive.manifest-too-large", [.error], .archive, "manifest.json is larger than the limit"),
        .init("archive.manifest-type", [.error], .archive, "a manifest.json member is missing or of the wrong type"),
        .init("archive.not-found", [.error], .archive, "the folder to verify does not exist or is not a folder"),
        .init("archive.signature-invalid", [.error], .archive, "manifest.sig is not a valid signature of manifest.json"),
        .init("archive.too-many-entries", [.error], .archive, "manifest.json lists more files than the limit"),
        .init("archive.too-many-files", [.error], .archive, "the period folder holds more files than the limit"),
        .init("archive.unavailable", [.error], .archive, "the archive folder cannot be created"),
        .init("archive.unsafe-file", [.error], .archive, "a listed file is a link, a folder or otherwise unsafe to read"),
        .init("archive.unsafe-path", [.error], .archive, "a manifest entry is not a plain relative path inside the folder"),
        .init("archive.unsigned", [.error], .archive, "the signature and the manifest's signing_key do not go together"),
        .init("archive.write", [.error], .archive, "the archive cannot be written"),
    ]

    private static let verify: [DiagnosticCode] = [
        .init("verify.added", [.error], .verify, "a file is in the period folder but not in the manifest"),
        .init("verify.changed", [.error], .verify, "a file's size or SHA-256 differs from the manifest"),
        .init("verify.manifest", [.error], .verify, "manifest.json is missing"),
        .init("verify.missing", [.error], .verify, "a file listed in the manifest is missing"),
    ]

    private static let run: [DiagnosticCode] = [
        .init("run.diagnostics-limit", [.note], .run, "more diagnostics were counted than listed"),
        .init("run.strict", [.error], .run, "--strict found warnings, errors or contradictions, so nothing is archived"),
        .init("run.view-model", [.warning], .run, "the view model dump cannot be written"),
    ]
}
