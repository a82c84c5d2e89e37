/// The quarterly run, stage by stage (docs/ARCHITECTURE.md), each a function with a named result:
///
/// 1. **Read** the period's spreadsheets, the reference data and the templates (`PeriodInputs.load`)
///    and 2. **check** them as they are read: flows.csv is decoded into typed flows and every bad
///    row is rejected with a located diagnostic (`InventoryDecoder`) → `PeriodInputs`.
/// 3. **Assess** every flow against the risk rules with its carried decisions, handing the
///    findings to the stage's sinks: the companions, the report's bounded aggregate, the change
///    set (`assess`, AssessmentStage.swift) → `AssessedFlows`.
/// 4. **Present**: compare the what-if scenarios with the findings and build one view model
///    builder per report language (`present`) → `[ReportViewModelBuilder]`.
/// 5. **Render** report.html and report.xhtml of every edition from one set of templates and
///    6. **validate** each with libxml2 (`renderDocuments`) → `[RenderedReport]`; an invalid
///    report is never archived.
/// 7. **Archive** atomically with a manifest of SHA-256 hashes (`archiveRecord`) → the folder.
package enum ReportPipeline {
    /// `xborder check`: read and check the inputs; write nothing.
    package static func check(_ config: Config) -> Outcome { examine(config).outcome }

    /// Reads, checks and assesses the inputs without writing: the outcome (diagnostics sorted,
    /// findings and residual bands counted), and the inputs and assessor when they could be read.
    static func examine(_ config: Config) -> (outcome: Outcome, inputs: PeriodInputs?, assessor: Assessor?) {
        var log = DiagnosticLog()
        var outcome = Outcome(diagnostics: [])
        let start = ContinuousClock.now
        let inputs = PeriodInputs.load(config, diagnostics: &log)
        outcome.record("read+decode", since: start)
        var assessor: Assessor?
        if let inputs {
            let assessing = ContinuousClock.now
            defer { outcome.record("assess", since: assessing) }
            let baseline = Assessor(reference: inputs.reference, asOf: inputs.asOf)
            assessor = baseline
            Coverage(flows: inputs.inventory.flows, exposures: baseline.exposureIndex).report(into: &log)
            let assessed = assess(
                inputs, assessor: baseline, summaries: FindingSummaries(), exports: nil, workers: config.parallelism,
                write: { (_: ExportedChunk) in })
            assessed.summaries.contradictions.report(into: &log)
            assessed.decisions.unmatched(diagnostics: &log)
            outcome.count(inputs.inventory)
            outcome.count(assessed.summaries.counts)
        }
        outcome.diagnostics = log.sorted
        return (outcome, inputs, assessor)
    }

    /// `xborder run`: the whole pipeline.
    package static func run(_ config: Config) -> Outcome {
        var config = config
        var log = DiagnosticLog()
        var outcome = Outcome(diagnostics: [])
        // The templates are parsed while the inputs are read; their diagnostics follow the
        // inputs' as if loaded afterwards.
        let templatesDirectory = config.templatesDirectory
        // So is the XHTML DTD, which validation needs last.
        let dtdLoad = Background { ReportValidator.preloadDTD() }
        defer { dtdLoad.value() }
        let templateLoad = Background { () -> (TemplateLibrary?, DiagnosticLog) in
            var templateLog = DiagnosticLog()
            return (TemplateLibrary(directory: templatesDirectory, diagnostics: &templateLog), templateLog)
        }
        ProgressMeter.shared.enter(.reading)
        let loaded = try? outcome.time("read+decode") { () throws(FileSystem.Failure) in
            PeriodInputs.load(config, diagnostics: &log)
        }
        let (templates, templateLog) = templateLoad.value()
        guard let inputs = loaded ?? nil else {
            outcome.diagnostics = log.sorted
            return outcome
        }
        if !config.topNExplicit, let n = inputs.settings.topN { config.topN = n }
        log.merge(templateLog)
        if let templates, let stages = prepare(config, inputs: inputs, templates: templates, log: &log, outcome: &outcome) {
            do {
                try runStages(stages, log: &log, outcome: &outcome)
            } catch {
                log.error("archive.write", "archive cannot be written: \(error.reason)", at: SourceLocation(file: error.path))
                outcome.archivePath = nil
            }
        }
        outcome.diagnostics = log.sorted
        return outcome
    }

    /// What stages 3–7 work with once the inputs are read and the archive is open.
    struct Stages {
        var config: Config
        var inputs: PeriodInputs
        var assessor: Assessor
        var coverage: Coverage
        var templates: TemplateLibrary
        var archive: ArchiveWriter
        var signer: ArchiveSigner?
        var history: History
    }

    /// Checks what must hold before anything is written (`--strict`, the signing key, the
    /// archive folder); nil, with the reason logged, when the run stops here.
    private static func prepare(
        _ config: Config, inputs: PeriodInputs, templates: TemplateLibrary, log: inout DiagnosticLog,
        outcome: inout Outcome
    ) -> Stages? {
        outcome.count(inputs.inventory)
        let assessor = Assessor(reference: inputs.reference, asOf: inputs.asOf)
        let coverage = Coverage(flows: inputs.inventory.flows, exposures: assessor.exposureIndex)
        coverage.report(into: &log)
        if config.strict && log.all.contains(where: { $0.severity >= .warning }) {
            log.error(
                "run.strict", "--strict: the inputs have warnings or errors, so nothing is archived",
                at: SourceLocation(file: config.periodDirectory))
            return nil
        }
        // The signing key is loaded before anything is written: a refused key archives nothing.
        var signer: ArchiveSigner?
        if let keyPath = config.signingKeyPath ?? inputs.settings.signingKeyPath {
            do {
                signer = try ArchiveSigner(contentsOf: keyPath)
            } catch {
                log.emit(error.diagnostic)
                return nil
            }
        }
        let archive: ArchiveWriter
        do {
            archive = try ArchiveWriter(outputDirectory: config.outputDirectory, period: inputs.period)
        } catch {
            log.error("archive.unavailable", "archive cannot be written: \(error.reason)", at: SourceLocation(file: error.path))
            return nil
        }
        outcome.revision = archive.revision
        outcome.supersedes = archive.supersedes
        return Stages(
            config: config, inputs: inputs, assessor: assessor, coverage: coverage, templates: templates,
            archive: archive, signer: signer,
            history: ArchiveHistory.load(output: config.outputDirectory, before: inputs.period))
    }

    /// Assess → present → render and validate → archive.
    private static func runStages(
        _ stages: Stages, log: inout DiagnosticLog, outcome: inout Outcome
    ) throws(FileSystem.Failure) {
        let config = stages.config
        let start = ContinuousClock.now
        // The inputs are copied into the archive while stage 3 runs: a large flows.csv is read
        // from disk again, hashed and written (0.65 s at a million flows, on the critical path
        // when done last). Joined before anything returns, so the writer outlives it.
        let (archive, inputFiles) = (stages.archive, stages.inputs.inputFiles)
        let inputCopies = inBackground { () throws(FileSystem.Failure) in
            for file in inputFiles { try archive.copy("inputs/\(FileSystem.baseName(file.path))", from: file) }
        }
        defer { _ = inputCopies.value() }
        ProgressMeter.shared.enter(.assessing)
        let (assessed, closing) = try assessWithCompanions(stages)
        defer { _ = closing.value() }
        assessed.decisions.unmatched(diagnostics: &log)
        var summaries = assessed.summaries
        summaries.contradictions.report(into: &log)
        if config.strict && summaries.contradictions.count > 0 {
            log.error(
                "run.strict", "--strict: controls contradict their decisions, so nothing is archived",
                at: SourceLocation(file: config.periodDirectory))
            return
        }
        summaries.changes?.finish(currentFlows: Set(stages.inputs.inventory.flows.map(\.id)))
        outcome.record("assess+companions", since: start)
        outcome.count(summaries.counts)

        ProgressMeter.shared.enter(.rendering)
        let builders = present(stages, summaries: summaries, log: &log)
        let documents = try outcome.time("render+validate") { () throws(FileSystem.Failure) in
            renderDocuments(stages, builders: builders, log: &log)
        }
        guard let documents else { return }

        ProgressMeter.shared.enter(.archiving)
        outcome.archivePath = try outcome.time("archive") { () throws(FileSystem.Failure) in
            if let failure = closing.value() ?? inputCopies.value() { throw failure }
            return try archiveRecord(stages, documents: documents, findings: summaries.counts.findings, log: log)
        }
    }

    /// Stage 3 of `run`: assesses every flow, writing findings.csv and findings.json into the
    /// archive as the chunks finish. findings.json's closing tables are written on another
    /// thread while the reports render (0.56 s at a million flows); the second result says how
    /// that went (nil: both files are closed and recorded).
    private static func assessWithCompanions(
        _ stages: Stages
    ) throws(FileSystem.Failure) -> (AssessedFlows, Background<FileSystem.Failure?>) {
        let inputs = stages.inputs
        let config = stages.config
        let history = stages.history
        let currentReference = Dictionary(
            inputs.referenceFiles.map { ("reference/\(FileSystem.baseName($0.path))", sha256Hex($0.bytes)) },
            uniquingKeysWith: { a, _ in a })
        var summaries = FindingSummaries()
        summaries.aggregate = ReportAggregate(size: inputs.reference.scales.size, topN: config.topN)
        summaries.changes = history.previousPeriod.map { _ in
            ChangeSet(
                history: history, limit: config.topN,
                referenceChanged: currentReference != history.previousReferenceHashes)
        }
        var companions = try CompanionFiles(archive: stages.archive, period: inputs.period, asOf: inputs.asOf)
        let exports = ChunkExports(
            reference: inputs.reference, exposures: stages.assessor.exposureIndex, messages: inputs.englishMessages,
            layout: inputs.layout)
        let assessed = try assess(
            inputs, assessor: stages.assessor, summaries: summaries, exports: exports, workers: config.parallelism,
            write: { (chunk) throws(FileSystem.Failure) in try companions.append(chunk) })
        let open = OpenCompanions(files: companions)
        let (archive, exposures, measures) = (stages.archive, stages.assessor.exposureIndex, inputs.reference.measures)
        let closing = inBackground { () throws(FileSystem.Failure) in
            try open.files.close(in: archive, exposures: exposures, measures: measures)
        }
        return (assessed, closing)
    }

    /// Runs archive writes on another thread; the value is their failure, nil when none.
    private static func inBackground(
        _ work: @escaping @Sendable () throws(FileSystem.Failure) -> Void
    ) -> Background<FileSystem.Failure?> {
        Background { () -> FileSystem.Failure? in
            do throws(FileSystem.Failure) {
                try work()
                return nil
            } catch {
                return error
            }
        }
    }

    /// The companions, handed whole to the thread that closes them (nothing else touches them
    /// after stage 3); hence unchecked.
    private struct OpenCompanions: @unchecked Sendable {
        let files: CompanionFiles
    }
}
