/// Stage 0–2 results shared by `check` and `run`: the period's files read, the reference data
/// and catalogues loaded, the inventory decoded and the decisions parsed. I/O happens here and
/// in the archive only.
package struct PeriodInputs: Sendable {
    /// File names inside a period folder.
    package static let flowsFile = "flows.csv"
    package static let decisionsFile = "decisions.csv"
    package static let columnsFile = "columns.csv"
    package static let settingsFile = "settings.csv"
    package static let scenariosFile = "scenarios.csv"
    /// An Excel workbook standing in for the CSV files: sheets `flows` (or its only sheet),
    /// `decisions` and `columns`.
    package static let workbookFile = "flows.xlsx"

    package var period: String
    package var asOf: CalendarDate
    package var reference: ReferenceData
    package var inventory: Inventory
    package var decisions: DecisionBook
    /// What-if scenarios (scenarios.csv; empty without it).
    package var scenarios: [Scenario]
    package var settings: ReportSettings
    /// Every catalogue under Templates/messages (for Japanese enumeration labels).
    package var catalogues: [String: MessageCatalog]
    /// Input files read (period folder), archived under `inputs/`.
    package var inputFiles: [InputFile]
    /// Reference files read, archived under `reference/`.
    package var referenceFiles: [InputFile]
    /// Formats of the inputs (for the appendix), by path.
    package var formats: [String: String]
    /// Data rows per file, by path.
    package var rows: [String: Int]
    /// The folders around the period, and how archived files show paths.
    package var layout: InputsLayout

    /// The English catalogue of the templates (the companions' wording), with the enumeration
    /// tokens as the last fallback.
    package var englishMessages: MessageCatalog {
        (catalogues["en"] ?? MessageCatalog(locale: "en", messages: [:])).withFallback(.tokenLabels)
    }

    /// Reads and decodes everything; nil when the run cannot continue (errors in `diagnostics`).
    package static func load(_ config: Config, diagnostics: inout DiagnosticLog) -> PeriodInputs? {
        let folder = config.periodDirectory
        guard FileSystem.isDirectory(folder) else {
            let existing = PeriodFinder.periods(in: config.layout.inputsRoot).map(\.name)
            let hint = Suggestion.phrase(for: config.periodName, among: existing.reversed(), maxDistance: 1)
            let list = existing.isEmpty
                ? "" : "\(hint.isEmpty ? ";" : "") periods in \(config.layout.inputsRoot): \(existing.joined(separator: ", "))"
            diagnostics.error("input.period-missing", "period folder does not exist\(hint)\(list)", at: SourceLocation(file: folder))
            return nil
        }
        let periodName = config.periodName
        guard let asOf = config.asOf ?? Period(periodName)?.lastDay else {
            diagnostics.error(
                "input.period-name",
                "folder name \(Diagnostic.quoted(periodName)) is not a period (YYYY-Qn, YYYY-MM, YYYY-Hn); give --as-of YYYY-MM-DD",
                at: SourceLocation(file: folder))
            return nil
        }
        func read(_ path: String, required: Bool, fixedBy option: String? = nil) -> InputFile? {
            do {
                if let bytes = try FileSystem.readIfPresent(path, limit: config.maxInputBytes) { return InputFile(path: path, bytes: bytes) }
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
        // Reference data.
        var referenceFiles: [InputFile] = []
        var byName: [String: InputFile] = [:]
        let referenceFolderExists = FileSystem.isDirectory(config.referenceDirectory)
        if !referenceFolderExists {
            diagnostics.error(
                "input.reference-missing", "reference folder does not exist; give it with --reference DIR",
                at: SourceLocation(file: config.referenceDirectory))
        }
        for name in ReferenceLoader.files where referenceFolderExists {
            if let file = read(
                FileSystem.join(config.referenceDirectory, name), required: !ReferenceLoader.optionalFiles.contains(name),
                fixedBy: "--reference DIR")
            {
                referenceFiles.append(file)
                byName[name] = file
            }
        }
        // Message catalogues (for enumeration labels in every language).
        var catalogues: [String: MessageCatalog] = [:]
        let messagesFolder = FileSystem.join(config.templatesDirectory, "messages")
        for name in FileSystem.list(messagesFolder) where name.hasSuffix(".csv") {
            if let file = read(FileSystem.join(messagesFolder, name), required: false) {
                let locale = String(name.dropLast(4))
                catalogues[locale] = MessageCatalog(locale: locale, file: file, diagnostics: &diagnostics)
            }
        }
        let workbookFile = read(FileSystem.join(folder, workbookFile), required: false)
        let flowsFile = read(FileSystem.join(folder, flowsFile), required: workbookFile == nil)
        let decisionsFile = read(FileSystem.join(folder, decisionsFile), required: false)
        let columnsFile = read(FileSystem.join(folder, columnsFile), required: false)
        let scenariosFile = read(FileSystem.join(folder, scenariosFile), required: false)
        let settingsFile = read(FileSystem.join(folder, settingsFile), required: false)
            ?? read(InputsLayout.join(config.layout.inputsRoot, settingsFile), required: false)
        if let workbookFile, flowsFile != nil {
            diagnostics.error(
                "input.two-inventories", "both flows.csv and flows.xlsx are in the period folder; keep one of them",
                at: SourceLocation(file: workbookFile.path))
            return nil
        }
        let workbook = workbookFile.flatMap { Workbook($0, maxPartBytes: config.maxInputBytes, diagnostics: &diagnostics) }
        guard let reference = ReferenceLoader.load(files: byName, diagnostics: &diagnostics), flowsFile != nil || workbook != nil
        else {
            return nil
        }
        var formats: [String: String] = [:]
        var rows: [String: Int] = [:]
        /// A period file as a spreadsheet: the CSV file if present, else the workbook's sheet.
        func spreadsheet(_ file: InputFile?, sheet name: String) -> Spreadsheet? {
            if let file { return Spreadsheet(file, encoding: config.encoding, limits: config.csvLimits, diagnostics: &diagnostics) }
            guard let workbook, workbook.sheetNames.contains(name) else { return nil }
            return workbook.spreadsheet(named: name, limits: config.csvLimits, diagnostics: &diagnostics)
        }
        func table(_ sheet: Spreadsheet, required: [String]) -> KeyedTable {
            formats[sheet.path] = describe(sheet)
            let t = KeyedTable(sheet.readTable(diagnostics: &diagnostics), required: required, diagnostics: &diagnostics)
            if sheet.sheet == nil { rows[sheet.path] = t.rows.count }
            return t
        }
        func table(_ file: InputFile, required: [String]) -> KeyedTable {
            table(Spreadsheet(file, encoding: config.encoding, limits: config.csvLimits, diagnostics: &diagnostics), required: required)
        }
        for file in referenceFiles {
            var scratch = DiagnosticLog()
            let sheet = Spreadsheet(file, diagnostics: &scratch)
            rows[file.path] = max(0, sheet.readTable(diagnostics: &scratch).records.count - 1)
            formats[file.path] = describe(sheet)
        }
        var customHeaders: [String: FlowColumn] = [:]
        if let columnsSheet = spreadsheet(columnsFile, sheet: "columns") {
            for row in table(columnsSheet, required: ["column", "header"]).rows {
                guard let column = FlowColumn(rawValue: FlowColumn.fold(row["column"])) else {
                    diagnostics.error(
                        "input.columns-mapping", "unknown canonical column \(Diagnostic.quoted(row["column"]))",
                        at: row.location("column"))
                    continue
                }
                customHeaders[FlowColumn.fold(row["header"])] = column
            }
        }
        let settings = settingsFile.map { ReportSettings(table: table($0, required: ["key", "value"]), diagnostics: &diagnostics) }
            ?? ReportSettings()
        let decisions = spreadsheet(decisionsFile, sheet: "decisions").map {
            DecisionBook(
                table: table(
                    $0, required: ["finding_id", "decision", "owner", "due_date", "justification", "expires_on"]),
                diagnostics: &diagnostics)
        } ?? DecisionBook()
        let vocabulary = Vocabulary(catalogues: catalogues.keys.sorted().map { catalogues[$0]! })
        let flowsSheetName = workbook.map { $0.sheetNames.contains("flows") || $0.sheetNames.count != 1 ? "flows" : $0.sheetNames[0] }
        let flowsSheet =
            flowsFile.map { spreadsheet($0, sheet: "flows") }
            ?? workbook.flatMap { $0.spreadsheet(named: flowsSheetName ?? "flows", limits: config.csvLimits, diagnostics: &diagnostics) }
        guard let sheet = flowsSheet ?? nil else { return nil }
        formats[sheet.path] = describe(sheet)
        let context = InventoryDecoder.Context(
            vocabulary: vocabulary, knownMeasures: Set(reference.measures.map(\.id)), customHeaders: customHeaders)
        guard
            let inventory = InventoryDecoder.decode(
                sheet, context: context, parallelism: config.parallelism, diagnostics: &diagnostics)
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
        let scenarios = spreadsheet(scenariosFile, sheet: "scenarios").map {
            ScenarioBook(
                table: table($0, required: ScenarioBook.requiredColumns),
                parser: FlowSelector.Parser(context: context),
                flows: inventory.flows, diagnostics: &diagnostics)
        } ?? ScenarioBook()
        return PeriodInputs(
            period: periodName, asOf: asOf, reference: reference, inventory: inventory, decisions: decisions,
            scenarios: scenarios.scenarios, settings: settings, catalogues: catalogues,
            inputFiles: [flowsFile, workbookFile, decisionsFile, columnsFile, settingsFile, scenariosFile].compactMap { $0 },
            referenceFiles: referenceFiles, formats: formats, rows: rows, layout: config.layout)
    }

    /// `UTF-8, comma, CRLF`.
    static func describe(_ sheet: Spreadsheet) -> String {
        if sheet.sheet != nil { return "Excel workbook" }
        let delimiter: String
        switch sheet.delimiter {
        case UInt8(ascii: ","): delimiter = "comma"
        case UInt8(ascii: ";"): delimiter = "semicolon"
        case UInt8(ascii: "\t"): delimiter = "tab"
        default: delimiter = sheet.delimiterName
        }
        let text = sheet.text
        var ending = "no line breaks"
        if let i = text.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            ending = text[i] == 0x0A ? "LF" : (i + 1 < text.count && text[i + 1] == 0x0A ? "CRLF" : "CR")
        }
        return "\(sheet.encoding.rawValue), \(delimiter), \(ending)"
    }
}
