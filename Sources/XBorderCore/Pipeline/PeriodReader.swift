/// Stages 1–2 step by step: reads a period folder, the reference data and the message
/// catalogues, and decodes them into `PeriodInputs`, collecting diagnostics as it goes.
struct PeriodReader {
    let config: Config
    var diagnostics: DiagnosticLog
    /// Formats of the inputs (for the appendix), by path.
    private var formats: [String: String] = [:]
    /// Data rows per file, by path.
    private var rows: [String: Int] = [:]

    init(config: Config, diagnostics: DiagnosticLog) {
        self.config = config
        self.diagnostics = diagnostics
    }

    /// The period folder's files, as read.
    private struct PeriodFiles {
        var workbook: InputFile?
        var flows: InputFile?
        var decisions: InputFile?
        var columns: InputFile?
        var scenarios: InputFile?
        var settings: InputFile?

        /// The files in the order the archive lists them under `inputs/`.
        var all: [InputFile] { [flows, workbook, decisions, columns, settings, scenarios].compactMap { $0 } }
    }

    /// Reads and decodes everything; nil when the run cannot continue.
    mutating func load() -> PeriodInputs? {
        guard let asOf = periodDate() else { return nil }
        let (referenceFiles, byName) = readReference()
        let catalogues = readCatalogues()
        guard let files = readPeriodFiles() else { return nil }
        let workbook = files.workbook.flatMap {
            Workbook($0, maxPartBytes: config.maxInputBytes, diagnostics: &diagnostics)
        }
        guard let reference = ReferenceLoader.load(files: byName, diagnostics: &diagnostics),
            files.flows != nil || workbook != nil
        else {
            return nil
        }
        countReferenceRows(referenceFiles)
        let customHeaders = readColumnMapping(files.columns, workbook: workbook)
        let settings =
            files.settings.map { ReportSettings(table: table($0, required: ["key", "value"]), diagnostics: &diagnostics) }
            ?? ReportSettings()
        let decisions = readDecisions(files.decisions, workbook: workbook)
        let context = InventoryDecoder.Context(
            vocabulary: Vocabulary(catalogues: catalogues.keys.sorted().map { catalogues[$0]! }),
            knownMeasures: Set(reference.measures.map(\.id)), customHeaders: customHeaders)
        guard let inventory = readInventory(files.flows, workbook: workbook, context: context) else { return nil }
        let scenarios = spreadsheet(files.scenarios, sheet: "scenarios", workbook: workbook).map {
            ScenarioBook(
                table: table($0, required: ScenarioBook.requiredColumns),
                parser: FlowSelector.Parser(context: context),
                flows: inventory.flows, diagnostics: &diagnostics)
        } ?? ScenarioBook()
        return PeriodInputs(
            period: config.periodName, asOf: asOf, reference: reference, inventory: inventory, decisions: decisions,
            scenarios: scenarios.scenarios, settings: settings, catalogues: catalogues, inputFiles: files.all.map { RecordedFile($0) },
            referenceFiles: referenceFiles, formats: formats, rows: rows, layout: config.layout)
    }

    /// The as-of date: `--as-of`, or the last day of the period the folder is named after; nil
    /// (with the reason) when the folder is missing or its name is no period.
    private mutating func periodDate() -> CalendarDate? {
        let folder = config.periodDirectory
        guard FileSystem.isDirectory(folder) else {
            let existing = PeriodFinder.periods(in: config.layout.inputsRoot).map(\.name)
            let hint = Suggestion.phrase(for: config.periodName, among: existing.reversed(), maxDistance: 1)
            let list =
                existing.isEmpty
                ? "" : "\(hint.isEmpty ? ";" : "") periods in \(config.layout.inputsRoot): \(existing.joined(separator: ", "))"
            diagnostics.error("input.period-missing", "period folder does not exist\(hint)\(list)", at: SourceLocation(file: folder))
            return nil
        }
        guard let asOf = config.asOf ?? Period(config.periodName)?.lastDay else {
            diagnostics.error(
                "input.period-name",
                "folder name \(Diagnostic.quoted(config.periodName)) is not a period (YYYY-Qn, YYYY-MM, YYYY-Hn); give --as-of YYYY-MM-DD",
                at: SourceLocation(file: folder))
            return nil
        }
        return asOf
    }

    /// One file, within `--max-input-bytes`; nil when absent (an error if `required`, with the
    /// option that fixes it) or unreadable.
    private mutating func read(_ path: String, required: Bool, fixedBy option: String? = nil) -> InputFile? {
        do {
            if let bytes = try FileSystem.readIfPresent(path, limit: config.maxInputBytes) {
                return InputFile(path: path, bytes: bytes)
            }
            if required {
                let hint = option.map { "; give the folder that has it with \($0)" } ?? ""
                diagnostics.error("input.missing-file", "required file is missing\(hint)", at: SourceLocation(file: path))
            }
        } catch let error where error.isTooLarge {
            diagnostics.error(
                "input.too-large", "\(error.reason) (raise the limit with --max-input-bytes)", at: SourceLocation(file: path))
        } catch {
            diagnostics.error("input.unreadable", "file cannot be read: \(error.reason)", at: SourceLocation(file: path))
        }
        return nil
    }

    /// The reference files, in `ReferenceLoader.files` order and by name.
    private mutating func readReference() -> ([InputFile], [String: InputFile]) {
        var files: [InputFile] = []
        var byName: [String: InputFile] = [:]
        guard FileSystem.isDirectory(config.referenceDirectory) else {
            diagnostics.error(
                "input.reference-missing", "reference folder does not exist; give it with --reference DIR",
                at: SourceLocation(file: config.referenceDirectory))
            return (files, byName)
        }
        for name in ReferenceLoader.files {
            let path = FileSystem.join(config.referenceDirectory, name)
            if let file = read(path, required: !ReferenceLoader.optionalFiles.contains(name), fixedBy: "--reference DIR") {
                files.append(file)
                byName[name] = file
            }
        }
        return (files, byName)
    }

    /// Every catalogue under the templates' `messages/` (for enumeration labels in every language).
    private mutating func readCatalogues() -> [String: MessageCatalog] {
        var catalogues: [String: MessageCatalog] = [:]
        let folder = FileSystem.join(config.templatesDirectory, "messages")
        for name in FileSystem.list(folder) where name.hasSuffix(".csv") {
            if let file = read(FileSystem.join(folder, name), required: false) {
                let locale = String(name.dropLast(4))
                catalogues[locale] = MessageCatalog(locale: locale, file: file, diagnostics: &diagnostics)
            }
        }
        return catalogues
    }

    /// The period folder's files (settings.csv falls back to the inputs folder's); nil when
    /// both flows.csv and flows.xlsx are there.
    private mutating func readPeriodFiles() -> PeriodFiles? {
        let folder = config.periodDirectory
        var files = PeriodFiles()
        files.workbook = read(FileSystem.join(folder, PeriodInputs.workbookFile), required: false)
        files.flows = read(FileSystem.join(folder, PeriodInputs.flowsFile), required: files.workbook == nil)
        files.decisions = read(FileSystem.join(folder, PeriodInputs.decisionsFile), required: false)
        files.columns = read(FileSystem.join(folder, PeriodInputs.columnsFile), required: false)
        files.scenarios = read(FileSystem.join(folder, PeriodInputs.scenariosFile), required: false)
        files.settings =
            read(FileSystem.join(folder, PeriodInputs.settingsFile), required: false)
            ?? read(InputsLayout.join(config.layout.inputsRoot, PeriodInputs.settingsFile), required: false)
        if let workbook = files.workbook, files.flows != nil {
            diagnostics.error(
                "input.two-inventories", "both flows.csv and flows.xlsx are in the period folder; keep one of them",
                at: SourceLocation(file: workbook.path))
            return nil
        }
        return files
    }

    /// A period file as a spreadsheet: the CSV file if present, else the workbook's sheet.
    private mutating func spreadsheet(_ file: InputFile?, sheet name: String, workbook: Workbook?) -> Spreadsheet? {
        if let file {
            return Spreadsheet(file, encoding: config.encoding, limits: config.csvLimits, diagnostics: &diagnostics)
        }
        guard let workbook, workbook.sheetNames.contains(name) else { return nil }
        return workbook.spreadsheet(named: name, limits: config.csvLimits, diagnostics: &diagnostics)
    }

    /// A sheet read as a table with `required` columns; its format and rows are recorded.
    private mutating func table(_ sheet: Spreadsheet, required: [String]) -> KeyedTable {
        formats[sheet.path] = PeriodInputs.describe(sheet)
        let t = KeyedTable(sheet.readTable(diagnostics: &diagnostics), required: required, diagnostics: &diagnostics)
        if sheet.sheet == nil { rows[sheet.path] = t.rows.count }
        return t
    }

    /// A CSV file read as a table with `required` columns.
    private mutating func table(_ file: InputFile, required: [String]) -> KeyedTable {
        let sheet = Spreadsheet(file, encoding: config.encoding, limits: config.csvLimits, diagnostics: &diagnostics)
        return table(sheet, required: required)
    }

    /// Rows and format of each reference file, for the appendix (their problems are reported
    /// by `ReferenceLoader`).
    private mutating func countReferenceRows(_ files: [InputFile]) {
        for file in files {
            var scratch = DiagnosticLog()
            let sheet = Spreadsheet(file, diagnostics: &scratch)
            rows[file.path] = max(0, sheet.readTable(diagnostics: &scratch).records.count - 1)
            formats[file.path] = PeriodInputs.describe(sheet)
        }
    }

    /// columns.csv: the organization's own headers, mapped to canonical columns.
    private mutating func readColumnMapping(_ file: InputFile?, workbook: Workbook?) -> [String: FlowColumn] {
        var headers: [String: FlowColumn] = [:]
        guard let sheet = spreadsheet(file, sheet: "columns", workbook: workbook) else { return headers }
        for row in table(sheet, required: ["column", "header"]).rows {
            guard let column = FlowColumn(rawValue: FlowColumn.fold(row["column"])) else {
                diagnostics.error(
                    "input.columns-mapping", "unknown canonical column \(Diagnostic.quoted(row["column"]))",
                    at: row.location("column"))
                continue
            }
            headers[FlowColumn.fold(row["header"])] = column
        }
        return headers
    }

    /// decisions.csv (or the workbook's `decisions` sheet); an empty book without one.
    private mutating func readDecisions(_ file: InputFile?, workbook: Workbook?) -> DecisionBook {
        guard let sheet = spreadsheet(file, sheet: "decisions", workbook: workbook) else { return DecisionBook() }
        let required = ["finding_id", "decision", "owner", "due_date", "justification", "expires_on"]
        return DecisionBook(table: table(sheet, required: required), diagnostics: &diagnostics)
    }

    /// The flow inventory: flows.csv, or the workbook's `flows` sheet (its only sheet when it
    /// has one and no `flows`); nil when it cannot be decoded or has no data rows.
    private mutating func readInventory(
        _ file: InputFile?, workbook: Workbook?, context: InventoryDecoder.Context
    ) -> Inventory? {
        let sheetName = workbook.map { $0.sheetNames.contains("flows") || $0.sheetNames.count != 1 ? "flows" : $0.sheetNames[0] }
        let flowsSheet =
            file.map { spreadsheet($0, sheet: "flows", workbook: workbook) }
            ?? workbook.flatMap {
                $0.spreadsheet(named: sheetName ?? "flows", limits: config.csvLimits, diagnostics: &diagnostics)
            }
        guard let sheet = flowsSheet ?? nil else { return nil }
        formats[sheet.path] = PeriodInputs.describe(sheet)
        guard
            let inventory = InventoryDecoder.decode(
                sheet, context: context, parallelism: config.parallelism, maxRows: config.maxRows,
                diagnostics: &diagnostics)
        else {
            return nil
        }
        if inventory.rowsRead == 0 {
            diagnostics.error(
                "input.no-rows", "the flow inventory has a header row but no data rows, so there is nothing to assess or archive",
                at: sheet.location())
            return nil
        }
        rows[sheet.path] = inventory.rowsRead
        return inventory
    }
}
