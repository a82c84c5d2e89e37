import Foundation
import XBorderCore

/// The CLI's own texts — the run summary, outcomes and the common errors — in the user's
/// language: `--locale ja`, or a Japanese `LANG`/`LC_ALL`/`LC_MESSAGES` (`ja_JP.UTF-8`), picks the
/// `cli_*` keys of `Templates/messages/ja.csv`; English is built in, so a missing catalogue or
/// key falls back to it.
struct CLIText: Sendable {
    /// The language of the messages (`en`, `ja`).
    let locale: String
    private let catalogue: [String: String]

    /// English texts of every key; `{name}` placeholders.
    static let english: [String: String] = [
        "cli_rows": "rows read {read} = assessed {assessed} + rejected {rejected}",
        "cli_findings": "findings {count}: {bands}",
        "cli_archived": "archived {path}",
        "cli_nothing_archived": "error: nothing was archived for {period}",
        "cli_revision": "{period} is archived; writing revision {revision} (supersedes {supersedes})",
        "cli_all_archived": "every period under {inputs} is archived ({periods}); give PERIOD_DIR to write a new revision",
        "cli_pending": "archiving {count} periods not yet archived, oldest first: {periods}",
        "cli_period_heading": "== {period}",
        "cli_no_periods":
            "no period folder (YYYY-Qn, YYYY-MM or YYYY-Hn) under {inputs}; give PERIOD_DIR (xborder run path/to/Inputs/2026-Q3) or run from the project folder",
        "cli_check_summary": "{errors} errors, {warnings} warnings, {findings} findings",
        "cli_check_summary_unread": "{errors} errors, {warnings} warnings",
        "cli_hint_did_you_mean": "did you mean {value}?",
        "cli_hint_give_option": "give it with {option}",
        "cli_hint_periods": "periods in {folder}: {periods}",
    ]

    /// The language the user asked for: `--locale`, else a Japanese locale environment, else English.
    static func locale(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.hasPrefix("ja") ? "ja" : "en"
        }
        return "en"
    }

    /// The texts of `locale`, read from `<templates>/messages/<locale>.csv` when it exists.
    init(locale: String, templates: String) {
        self.locale = locale
        guard locale != "en",
            let bytes = try? FileSystem.read(FileSystem.join(templates, "messages", "\(locale).csv"))
        else {
            catalogue = [:]
            return
        }
        var scratch = DiagnosticLog()
        let file = InputFile(path: "\(locale).csv", bytes: bytes)
        catalogue = MessageCatalog(locale: locale, file: file, diagnostics: &scratch).messages
    }

    /// The text of `key` with its placeholders filled.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        let template = catalogue[key].flatMap { $0.isEmpty ? nil : $0 } ?? Self.english[key] ?? key
        return MessageCatalog.fill(template) { name in values[String(decoding: name, as: UTF8.self)] }
    }

    /// A message-catalogue text other than the CLI's own (a band's name), if present.
    func label(_ key: String) -> String? { catalogue[key] }

    /// The band counts of a summary: `Critical 14, High 125, Medium 271, Low 80`.
    func bands(_ counts: [Band: Int]) -> String {
        [Band.critical, .high, .medium, .low].map { band in
            "\(label("band_\(band.rawValue)") ?? band.rawValue) \(counts[band, default: 0])"
        }.joined(separator: locale == "ja" ? "、" : ", ")
    }
}
