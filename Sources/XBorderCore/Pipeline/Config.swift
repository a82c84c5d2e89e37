import Foundation

/// Every resolved option of one run: the only input to the pipeline besides files.
package struct Config: Sendable {
    /// The period folder (`Inputs/2026-Q3`).
    package var periodDirectory: String
    /// The archive folder (`Output`).
    package var outputDirectory = "Output"
    /// The reference data folder (default: `reference/` in the period's Inputs root).
    package var referenceDirectory: String
    /// The templates folder (default: `Templates/` beside the period's Inputs root).
    package var templatesDirectory: String
    /// Report language (`en`, `ja`): the edition written as report.html and report.xhtml.
    package var locale = "en"
    /// Further editions written into the same archived period as `report.<locale>.html` and
    /// `.xhtml` (`--locale en,ja`).
    package var extraLocales: [String] = []
    /// Every edition, the main one first.
    package var locales: [String] { [locale] + extraLocales.filter { $0 != locale } }
    /// As-of date; defaults to the period's last day.
    package var asOf: CalendarDate?
    /// Warnings fail the run and nothing is archived.
    package var strict = false
    /// Length of the bounded lists in the report.
    package var topN = 25
    /// True when `topN` was given on the command line (it then wins over settings.csv).
    package var topNExplicit = false
    /// Forces the encoding of the period's spreadsheets.
    package var encoding: TextEncoding?
    /// Number of worker tasks for assessment (1 = serial). Output does not depend on it.
    package var parallelism = Config.availableCores

    /// The cores this process may use (at most 16: beyond that the writer thread is the limit).
    package static var availableCores: Int { max(1, min(16, ProcessInfo.processInfo.activeProcessorCount)) }
    /// Largest input file read (bytes); a larger one is an error before anything is read
    /// (`--max-input-bytes`).
    package var maxInputBytes = Self.defaultMaxInputBytes
    /// Bounds on the cells and records of the period's spreadsheets (`--max-cell-bytes`,
    /// `--max-columns`).
    package var csvLimits = CSVTokenizer.Limits.standard
    /// Writes the HTML report's view model as JSON to this path (for template authors).
    package var viewModelDump: String?
    /// The Ed25519 private key (PKCS#8 PEM) that signs manifest.json (`--sign-key`; wins over
    /// settings.csv `sign_key`).
    package var signingKeyPath: String?

    /// The most rows after the flow inventory's header (`--max-rows`). Not recorded in the
    /// manifest: a run over the limit archives nothing, and under it the limit changes no byte.
    package var maxRows = Self.defaultMaxRows
    /// The default of `maxRows`: two million, twice the largest benchmark inventory; memory grows
    /// by about a kilobyte per flow.
    package static let defaultMaxRows = 2_000_000

    /// The default of `maxInputBytes`: 1 GiB.
    package static let defaultMaxInputBytes = 1 << 30

    /// Creates a configuration for a period folder, with the reference data and templates of
    /// its Inputs root (``InputsLayout``).
    package init(periodDirectory: String) {
        self.periodDirectory = periodDirectory
        let layout = InputsLayout(periodDirectory: periodDirectory)
        referenceDirectory = layout.referenceDirectory
        templatesDirectory = layout.templatesDirectory
    }

    /// The folders around the period folder, and how reports show paths.
    package var layout: InputsLayout { InputsLayout(periodDirectory: periodDirectory) }

    /// The period name: the folder's last component.
    package var periodName: String { FileSystem.baseName(periodDirectory) }

    /// The options recorded in the manifest (those that change the archived bytes).
    package var recordedOptions: [(String, String)] {
        [("locale", locales.joined(separator: ",")), ("strict", strict ? "true" : "false"), ("top_n", String(topN)),
         ("encoding", encoding?.rawValue ?? "auto"), ("max_input_bytes", String(maxInputBytes)),
         ("max_cell_bytes", String(csvLimits.maxFieldBytes)), ("max_columns", String(csvLimits.maxFieldsPerRecord))]
    }
}

/// The periods under an inputs folder, latest last.
package enum PeriodFinder {
    /// Period folders under `inputs` (`reference` and non-period names excluded), in order.
    package static func periods(in inputs: String) -> [Period] {
        FileSystem.list(inputs).compactMap { name in
            FileSystem.isDirectory(FileSystem.join(inputs, name)) ? Period(name) : nil
        }.sorted()
    }
}
