import ArgumentParser
import XBorderCore

/// Options shared by `run` and `check`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Archive folder.")
    var output = "Output"

    @Option(help: "Reference data folder (exposures, groups, measures, scales).")
    var reference = "Inputs/reference"

    @Option(help: "Templates folder (report.mustache, partials, messages).")
    var templates = "Templates"

    @Option(help: "Report language: en or ja.")
    var locale = "en"

    @Option(name: .customLong("as-of"), help: "As-of date YYYY-MM-DD (default: the period's last day).")
    var asOf: String?

    @Flag(help: "Treat warnings as errors: nothing is archived when any is found.")
    var strict = false

    @Flag(help: "Print only diagnostics and errors.")
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

    func validate() throws {
        guard ["en", "ja"].contains(locale) else { throw ValidationError("--locale must be en or ja") }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("unknown --encoding '\(encoding)'") }
        if let topN, !(1...1000).contains(topN) { throw ValidationError("--top must be between 1 and 1000") }
    }

    /// The configuration for a period folder (the latest under Inputs/ when none is given).
    func config(period: String?) throws -> Config {
        let folder: String
        if let period {
            folder = period
        } else {
            guard let latest = PeriodFinder.periods(in: "Inputs").last else {
                throw ValidationError("no period folder (YYYY-Qn) under Inputs/; give PERIOD_DIR")
            }
            folder = FileSystem.join("Inputs", latest.name)
        }
        var config = Config(periodDirectory: folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
        config.outputDirectory = output
        config.referenceDirectory = reference
        config.templatesDirectory = templates
        config.locale = locale
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
        return config
    }
}

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument {
    case text, json
}
