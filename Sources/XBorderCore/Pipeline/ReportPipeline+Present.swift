/// Stages 4–6 of `run`: present, render and validate.
extension ReportPipeline {
    /// Stage 4: compares the what-if scenarios with the findings and gives each report
    /// language a view model builder over the same findings.
    static func present(
        _ stages: Stages, summaries: FindingSummaries, log: inout DiagnosticLog
    ) -> [ReportViewModelBuilder] {
        let (config, inputs, archive) = (stages.config, stages.inputs, stages.archive)
        let aggregate = summaries.aggregate!
        let scenarios = ScenarioComparison.compare(
            inputs.scenarios, flows: inputs.inventory.flows, decisions: inputs.decisions, asOf: inputs.asOf,
            assessor: stages.assessor, baseline: summaries.counts.residualBands)
        for locale in config.locales where inputs.catalogues[locale] == nil {
            log.error(
                "template.locale", "no message catalogue for locale '\(locale)'",
                at: SourceLocation(file: FileSystem.join(config.templatesDirectory, "messages", "\(locale).csv")))
        }
        // Reports show paths relative to the project folder, never the machine's.
        let layout = config.layout
        func info(_ file: RecordedFile) -> ReportContext.FileInfo {
            .init(
                path: layout.display(file.path), rows: inputs.rows[file.path] ?? 0,
                format: inputs.formats[file.path] ?? "", sha256: file.sha256)
        }
        let diagnostics = log.sorted.map { layout.display($0) }
        let inputFiles = inputs.inputFiles.map(info)
        let referenceFiles = inputs.referenceFiles.map { info(RecordedFile($0)) }  // hashed once, not per language
        // Every language's builder shares the first one's whole-inventory summaries.
        return ReportViewModelBuilder.sharingSummaries(config.locales.map { locale in
            let messages = (inputs.catalogues[locale] ?? MessageCatalog(locale: locale, messages: [:]))
                .withFallback(inputs.englishMessages)
            let context = ReportContext(
                settings: inputs.settings, topN: config.topN, recordedOptions: config.recordedOptions,
                period: inputs.period, asOf: inputs.asOf,
                revision: archive.revision, supersedes: archive.supersedes, messages: messages,
                reference: inputs.reference, exposures: stages.assessor.exposureIndex, inventory: inputs.inventory,
                aggregate: aggregate, diagnostics: diagnostics, inputFiles: inputFiles,
                referenceFiles: referenceFiles, history: stages.history, changes: summaries.changes,
                coverage: stages.coverage, decisions: inputs.decisions, contradictions: summaries.contradictions,
                scenarios: scenarios)
            return ReportViewModelBuilder(context: context)
        })
    }

    /// Stages 5–6: renders every edition's HTML and XHTML documents and validates each, side by
    /// side (libxml2 calls are serialized, so one document's validation overlaps another's
    /// rendering). Nil, with the problems logged, when any document is invalid: nothing is
    /// archived then.
    static func renderDocuments(
        _ stages: Stages, builders: [ReportViewModelBuilder], log: inout DiagnosticLog
    ) -> [RenderedReport]? {
        let (config, templates) = (stages.config, stages.templates)
        if let dump = config.viewModelDump {
            var writer = JSONWriter(indent: 2)
            builders[0].build(xhtml: false).json(into: &writer)
            do {
                try FileSystem.write(dump, writer.finish())
            } catch {
                log.warning("run.view-model", "view model cannot be written: \(error.reason)", at: SourceLocation(file: dump))
            }
        }
        let folder = FileSystem.join(config.outputDirectory, stages.archive.folderName)
        let validator = ReportValidator(templates: templates)
        let planned = config.locales.enumerated().flatMap { (i, locale) in
            RenderedReport.Kind.allCases.map { RenderedReport(locale: locale, kind: $0, main: i == 0) }
        }
        // One document at a time, each validated on another thread while the next renders:
        // swift-mustache looks every name up through dynamic casts, and two documents rendered
        // at once contend for the runtime's conformance cache, each rendering about twice as
        // slowly (docs/PERFORMANCE.md, ninth round). The XHTML documents go first: validation
        // against the DTD takes longest, so it overlaps the HTML documents' rendering.
        let rank = { (k: Int) in (planned[k].kind == .xhtml ? 0 : 1, k) }
        let order = planned.indices.sorted { rank($0) < rank($1) }
        var validations: [Int: Background<RenderedReport>] = [:]
        var inline: [Int: RenderedReport] = [:]
        for k in order {
            let builder = builders[k / RenderedReport.Kind.allCases.count]
            let document = render(planned[k], builder: builder, templates: templates)
            if config.parallelism > 1 {
                validations[k] = Background {
                    var document = document
                    validate(&document, with: validator, in: folder)
                    return document
                }
            } else {
                var document = document
                validate(&document, with: validator, in: folder)
                inline[k] = document
            }
        }
        let documents = planned.indices.map { inline[$0] ?? validations[$0]!.value() }
        let problems = documents.flatMap(\.problems)
        for problem in problems { log.emit(problem) }
        guard !problems.contains(where: { $0.severity == .error }) else {
            log.error(
                "report.invalid", "the rendered report is not valid, so nothing is archived",
                at: SourceLocation(file: config.templatesDirectory))
            return nil
        }
        return documents
    }

    /// Stage 5 for one document: its view model through the templates.
    static func render(
        _ document: RenderedReport, builder: ReportViewModelBuilder, templates: TemplateLibrary
    ) -> RenderedReport {
        var document = document
        document.bytes = Array(templates.render(builder.build(xhtml: document.kind == .xhtml)).utf8)
        return document
    }

    /// Stage 6 for one document: validation against HTML5 rules or the XHTML DTD.
    static func validate(_ document: inout RenderedReport, with validator: ReportValidator, in folder: String) {
        let path = FileSystem.join(folder, document.fileName)
        document.problems =
            document.kind == .xhtml
            ? validator.validateXHTML(document.bytes, path: path) : validator.validateHTML(document.bytes, path: path)
    }
}
