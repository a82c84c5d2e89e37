import ArgumentParser
import XBorderCore

/// Options shared by `run` and `check`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Archive folder.")
    var output = "Output"

    @Option(help: "Reference data folder (exposures, groups, measures, scales; default: reference/ in the period's Inputs folder).")
    var reference: String?

    @Option(help: "Templates folder (report.mustache, partials, messages; default: Templates/ beside the period's Inputs folder).")
    var templates: String?

    @Option(help: "Report and message language: en, ja, or both editions into one archive (en,ja: report.html in English, report.ja.html in Japanese); default en, or ja for the messages under a Japanese LANG.")
    var locale: String?

    @Option(name: .customLong("as-of"), help: "As-of date YYYY-MM-DD (default: the period's last day).")
    var asOf: String?

    @Flag(help: "Treat warnings as errors: nothing is archived when any is found.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only diagnostics, errors and the archive path.")
    var quiet = false

    @Option(help: "Diagnostics format on stderr: text or json.")
    var diagnostics: DiagnosticFormat = .text

    @Option(help: "Force the input encoding (UTF-8, CP932, Windows-1252, UTF-16LE, UTF-16BE).")
    var encoding: String?

    @Option(name: .customLong("top"), help: "Length of the bounded lists in the report (default: settings.csv top_n, else 25).")
    var topN: Int?

    @Option(name: .customLong("dump-view-model"), help: "Also write the report's view model as JSON to FILE.")
    var viewModelDump: String?

    @OptionGroup(title: "Limits") var limits: LimitOptions

    @OptionGroup(title: "Limits") var rowLimit: RowLimitOptions

    func validate() throws {
        if let locale, locale.split(separator: ",").isEmpty
            || !locale.split(separator: ",").allSatisfy({ ["en", "ja"].contains($0) })
        {
            throw ValidationError("--locale must be en, ja, or both (en,ja): the first is report.html, the other report.<locale>.html")
        }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("unknown --encoding '\(encoding)'") }
        if let topN, !(1...1000).contains(topN) { throw ValidationError("--top must be between 1 and 1000") }
    }

    /// The folder under which `run` and `check` look for periods when none is given.
    static let inputsFolder = "Inputs"

    /// The language of the CLI's messages.
    var messageLocale: String { CLIText.locale(option: locale.flatMap { $0.split(separator: ",").first.map(String.init) }) }

    /// The CLI's texts, from the templates of `period` (or of the working directory).
    func text(period: String? = nil) -> CLIText {
        let folder = templates ?? period.map { InputsLayout(periodDirectory: $0).templatesDirectory } ?? "Templates"
        return CLIText(locale: messageLocale, templates: folder)
    }

    /// The configuration for a period folder; reference data and templates default to those of
    /// its Inputs root (``InputsLayout``).
    func config(period: String) -> Config {
        let folder = period.count > 1 && period.hasSuffix("/") ? String(period.dropLast()) : period
        var config = Config(periodDirectory: folder)
        config.outputDirectory = output
        if let reference { config.referenceDirectory = reference }
        if let templates { config.templatesDirectory = templates }
        let locales = (locale ?? "en").split(separator: ",").map(String.init)
        config.locale = locales.first ?? "en"
        config.extraLocales = Array(locales.dropFirst())
        config.asOf = asOf.flatMap(CalendarDate.init)
        config.strict = strict
        if let topN {
            config.topN = topN
            config.topNExplicit = true
        }
        config.encoding = encoding.flatMap(TextEncoding.init(name:))
        config.viewModelDump = viewModelDump
        config.maxInputBytes = limits.inputBytes
        config.csvLimits = limits.csv
        config.maxRows = rowLimit.rows
        return config
    }

    /// The latest period folder under `Inputs/`, or a usage error that says how to name one.
    func latestPeriod() throws -> String {
        guard let latest = PeriodFinder.periods(in: Self.inputsFolder).last else { throw noPeriods() }
        return FileSystem.join(Self.inputsFolder, latest.name)
    }

    /// The usage failure when `Inputs/` has no period folder.
    func noPeriods() -> UsageFailure {
        UsageFailure(text()("cli_no_periods", ["inputs": Self.inputsFolder + "/"]))
    }
}

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument {
    case text, json
}

/// A usage error printed as one line, without the whole usage text; exits 64.
struct UsageFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }

    /// Runs `body`, turning a usage failure into its message on stderr and exit status 64.
    static func exiting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as UsageFailure {
            Console.error("error: \(failure.message)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
