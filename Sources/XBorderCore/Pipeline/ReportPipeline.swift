import Foundation
import Synchronization

/// The quarterly run, stage by stage:
///
/// 1. **Read** the period's spreadsheets, the reference data and the templates (`PeriodInputs`).
/// 2. **Check and decode** flows.csv into typed flows; every bad row is rejected with a located
///    diagnostic (`InventoryDecoder`).
/// 3. **Assess** every flow against the six risk rules, apply controls, band, recommend
///    measures and merge carried decisions (`Assessor`, `DecisionBook`), streaming findings to
///    the companions and the bounded report aggregate (`ReportAggregate`, `ChangeSet`); then
///    compare the what-if scenarios with the findings (`ScenarioComparison`).
/// 4. **Present**: build the view model (`ReportViewModelBuilder`).
/// 5. **Render** report.html and report.xhtml from one set of templates (`TemplateLibrary`).
/// 6. **Validate** both with libxml2 (`ReportValidator`); an invalid report is never archived.
/// 7. **Archive** atomically with a manifest of SHA-256 hashes (`ArchiveWriter`, `Manifest`).
package enum ReportPipeline {
    /// What a run produced.
    package struct Outcome: Sendable {
        /// Every diagnostic, sorted.
        package var diagnostics: [Diagnostic]
        /// The archived period folder, when archived.
        package var archivePath: String?
        /// Data rows read.
        package var rowsRead = 0
        /// Rows assessed.
        package var rowsAssessed = 0
        /// Rows rejected.
        package var rowsRejected = 0
        /// Findings.
        package var findings = 0
        /// Findings per residual band.
        package var bands: [Band: Int] = [:]
        /// The scenarios of scenarios.csv compared with the findings (`whatif`).
        package var scenarios: [ScenarioComparison] = []
        /// Whether the inventory was read and decoded (the row counts mean something).
        package var inventoryRead = false
        /// Whether the flows were assessed (the finding counts mean something).
        package var assessed = false
        /// The revision the run wrote or tried to write (1 for a new period), once known.
        package var revision: Int?
        /// The archive folder the revision supersedes, if any.
        package var supersedes: String?
        /// Seconds spent per stage, in order (for `XBORDER_TIMINGS=1`; never written to files).
        package var timings: [(stage: String, seconds: Double)] = []

        mutating func record(_ stage: String, since start: ContinuousClock.Instant) {
            let elapsed = ContinuousClock.now - start
            timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }

        mutating func time<T>(_ stage: String, _ body: () throws(FileSystem.Failure) -> T) throws(FileSystem.Failure) -> T {
            let start = ContinuousClock.now
            let result = try body()
            let elapsed = ContinuousClock.now - start
            timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }

        /// True when the run must exit 1: any error, or any warning under `--strict`.
        package func failed(strict: Bool) -> Bool {
            diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        }
    }

    /// `xborder check`: read and check the inputs; write nothing.
    package static func check(_ config: Config) -> Outcome { examine(config).outcome }

    /// Reads, checks and assesses the inputs without writing: the outcome (diagnostics sorted,
    /// findings and residual bands counted), and the inputs and assessor when they could be read.
    static func examine(_ config: Config) -> (outcome: Outcome, inputs: PeriodInputs?, assessor: Assessor?) {
        var log = DiagnosticLog()
        let inputs = PeriodInputs.load(config, diagnostics: &log)
        var outcome = Outcome(diagnostics: [])
        var assessor: Assessor?
        if let inputs {
            var book = inputs.decisions
            let baseline = Assessor(reference: inputs.reference, asOf: inputs.asOf)
            assessor = baseline
            Coverage(flows: inputs.inventory.flows, exposures: baseline.exposureIndex).report(into: &log)
            var contradictions = ControlContradictions()
            for (i, flow) in inputs.inventory.flows.enumerated() {
                let findings = baseline.assess(flow, index: i) { risk in
                    book.state(for: flow.id, risk: risk, asOf: inputs.asOf)
                }
                for finding in findings {
                    contradictions.add(finding, flow: flow)
                    outcome.findings += 1
                    outcome.bands[finding.residualBand, default: 0] += 1
                }
            }
            contradictions.report(into: &log)
            book.unmatched(diagnostics: &log)
            outcome.inventoryRead = true
            outcome.assessed = true
            outcome.rowsRead = inputs.inventory.rowsRead
            outcome.rowsAssessed = inputs.inventory.flows.count
            outcome.rowsRejected = inputs.inventory.rejected.count
        }
        outcome.diagnostics = log.sorted
        return (outcome, inputs, assessor)
    }

    /// `xborder run`: the whole pipeline.
    package static func run(_ config: Config) -> Outcome {
        var config = config
        var log = DiagnosticLog()
        var outcome = Outcome(diagnostics: [])
        defer { outcome.diagnostics = log.sorted }
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
        guard let templates else {
            outcome.diagnostics = log.sorted
            return outcome
        }
        outcome.inventoryRead = true
        outcome.rowsRead = inputs.inventory.rowsRead
        outcome.rowsAssessed = inputs.inventory.flows.count
        outcome.rowsRejected = inputs.inventory.rejected.count
        let assessor = Assessor(reference: inputs.reference, asOf: inputs.asOf)
        let coverage = Coverage(flows: inputs.inventory.flows, exposures: assessor.exposureIndex)
        coverage.report(into: &log)
        if config.strict && log.all.contains(where: { $0.severity >= .warning }) {
            log.emit(
                Diagnostic(
                    .error, code: "run.strict", "--strict: the inputs have warnings or errors, so nothing is archived",
                    at: SourceLocation(file: config.periodDirectory)))
            outcome.diagnostics = log.sorted
            return outcome
        }
        // The signing key is loaded before anything is written: a refused key archives nothing.
        var signer: ArchiveSigner?
        if let keyPath = config.signingKeyPath ?? inputs.settings.signingKeyPath {
            do {
                signer = try ArchiveSigner(contentsOf: keyPath)
            } catch {
                log.emit(error.diagnostic)
                outcome.diagnostics = log.sorted
                return outcome
            }
        }
        let archive: ArchiveWriter
        do {
            archive = try ArchiveWriter(outputDirectory: config.outputDirectory, period: inputs.period)
        } catch {
            log.error("archive.unavailable", "archive cannot be written: \(error.reason)", at: SourceLocation(file: error.path))
            outcome.diagnostics = log.sorted
            return outcome
        }
        outcome.revision = archive.revision
        outcome.supersedes = archive.supersedes
        do {
            try runStages(
                config, inputs: inputs, assessor: assessor, coverage: coverage, templates: templates, archive: archive,
                signer: signer, log: &log, outcome: &outcome)
        } catch {
            log.error("archive.write", "archive cannot be written: \(error.reason)", at: SourceLocation(file: error.path))
            outcome.archivePath = nil
        }
        outcome.diagnostics = log.sorted
        return outcome
    }

    private static func runStages(
        _ config: Config, inputs: PeriodInputs, assessor: Assessor, coverage: Coverage, templates: TemplateLibrary,
        archive: ArchiveWriter, signer: ArchiveSigner?, log: inout DiagnosticLog, outcome: inout Outcome
    ) throws(FileSystem.Failure) {
        let reference = inputs.reference
        let history = ArchiveHistory.load(output: config.outputDirectory, before: inputs.period)
        let currentReference = Dictionary(
            inputs.referenceFiles.map { ("reference/\(FileSystem.baseName($0.path))", sha256Hex($0.bytes)) },
            uniquingKeysWith: { a, _ in a })
        let referenceChanged = currentReference != history.previousReferenceHashes
        var changes = history.previousPeriod.map { _ in
            ChangeSet(history: history, limit: config.topN, referenceChanged: referenceChanged)
        }
        var aggregate = ReportAggregate(size: reference.scales.size, topN: config.topN)
        var book = inputs.decisions
        var contradictions = ControlContradictions()
        var cited: Set<Int> = []
        var citedJurisdictions: Set<Country> = []
        let csvSink = try archive.open("findings.csv")
        let jsonSink = try archive.open("findings.json")
        try csvSink.write(FindingsExport.csvHead)
        try jsonSink.write(FindingsExport.jsonHead(period: inputs.period, asOf: inputs.asOf))

        // Stage 3: assess in chunks on every core while this thread writes the finished chunks
        // in flow order, so the output does not depend on scheduling. Memory holds a few
        // chunks at a time.
        let assessStart = ContinuousClock.now
        ProgressMeter.shared.enter(.assessing)
        let flows = inputs.inventory.flows
        // At most 4,096 flows a chunk (memory), and at least eight chunks a worker so that a
        // small inventory still keeps every core busy to the end and reuses its buffers.
        let workers = max(1, config.parallelism)
        let chunkSize = max(256, min(4_096, (flows.count + workers * 8 - 1) / (workers * 8)))
        let chunkCount = (flows.count + chunkSize - 1) / chunkSize
        let caches = Mutex<[FragmentCache]>([])
        // Written chunks hand their byte buffers back for the next chunks.
        let buffers = Mutex<[(csv: [UInt8], json: [UInt8])]>([])
        var wroteFinding = false
        try OrderedChunks.run(
            count: chunkCount, workers: workers, ahead: workers * 2,
            compute: { index in
                var cache = caches.withLock { $0.popLast() } ?? FragmentCache()
                var reused: (csv: [UInt8], json: [UInt8]) = buffers.withLock { $0.popLast() } ?? ([], [])
                let range = (index * chunkSize)..<min(flows.count, (index + 1) * chunkSize)
                var chunk = AssessedChunk.assess(
                    range, inputs: inputs, assessor: assessor, history: history, referenceChanged: referenceChanged,
                    topN: config.topN, cache: &cache, buffers: &reused)
                caches.withLock { $0.append(cache) }
                chunk.bytes = chunk.export.drain()
                return chunk
            },
            consume: { (_, chunk: AssessedChunk) throws(FileSystem.Failure) in
                try csvSink.write(chunk.bytes.csv)
                if chunk.export.count > 0 {
                    if wroteFinding { try jsonSink.write([UInt8(ascii: ",")]) }
                    try jsonSink.write(chunk.bytes.json)
                    wroteFinding = true
                }
                // The chunk itself is released when this returns, before a worker takes the
                // buffers again (a worker starts a chunk only after the next `take`).
                buffers.withLock { $0.append(chunk.bytes) }
                cited.formUnion(chunk.export.cited)
                ProgressMeter.shared.addFindings(chunk.export.count)
                citedJurisdictions.formUnion(chunk.export.citedJurisdictions)
                aggregate.merge(chunk.aggregate, decisionLimit: config.topN)
                book.markUsed(chunk.matchedDecisions)
                contradictions.merge(chunk.contradictions)
                if let part = chunk.changes { changes?.merge(part) }
            })
        try jsonSink.write(
            FindingsExport.jsonTail(
                cited: cited, jurisdictions: citedJurisdictions, exposures: assessor.exposureIndex,
                measures: reference.measures))
        try archive.close(csvSink)
        try archive.close(jsonSink)
        book.unmatched(diagnostics: &log)
        contradictions.report(into: &log)
        if config.strict && contradictions.count > 0 {
            log.error(
                "run.strict", "--strict: controls contradict their decisions, so nothing is archived",
                at: SourceLocation(file: config.periodDirectory))
            return
        }
        changes?.finish(currentFlows: Set(flows.map(\.id)))
        outcome.record("assess+companions", since: assessStart)
        ProgressMeter.shared.enter(.rendering)
        outcome.assessed = true
        outcome.findings = aggregate.findingCount
        outcome.bands = aggregate.residualBands
        let scenarios = ScenarioComparison.compare(
            inputs.scenarios, flows: flows, decisions: inputs.decisions, asOf: inputs.asOf, assessor: assessor,
            baseline: aggregate.residualBands)

        // Stage 4–5: present and render, one edition per report language.
        for locale in config.locales where inputs.catalogues[locale] == nil {
            log.error(
                "template.locale", "no message catalogue for locale '\(locale)'",
                at: SourceLocation(file: FileSystem.join(config.templatesDirectory, "messages", "\(locale).csv")))
        }
        let hashes = Dictionary(
            (inputs.inputFiles + inputs.referenceFiles).map { ($0.path, sha256Hex($0.bytes)) }, uniquingKeysWith: { a, _ in a })
        // Reports show paths relative to the project folder, never the machine's.
        let layout = config.layout
        func info(_ file: InputFile) -> ReportContext.FileInfo {
            .init(path: layout.display(file.path), rows: inputs.rows[file.path] ?? 0, format: inputs.formats[file.path] ?? "", sha256: hashes[file.path]!)
        }
        let period = PeriodDisplay(revision: archive.revision, supersedes: archive.supersedes)
        let builders = config.locales.map { locale -> ReportViewModelBuilder in
            let messages = (inputs.catalogues[locale] ?? MessageCatalog(locale: locale, messages: [:]))
                .withFallback(inputs.englishMessages)
            let context = ReportContext(
                settings: inputs.settings, topN: config.topN, recordedOptions: config.recordedOptions,
                period: inputs.period, asOf: inputs.asOf,
                revision: period.revision, supersedes: period.supersedes, messages: messages, reference: reference,
                exposures: assessor.exposureIndex, inventory: inputs.inventory, aggregate: aggregate,
                diagnostics: log.sorted.map { layout.display($0) }, inputFiles: inputs.inputFiles.map(info),
                referenceFiles: inputs.referenceFiles.map(info), history: history, changes: changes, coverage: coverage,
                decisions: inputs.decisions, contradictions: contradictions, scenarios: scenarios)
            return ReportViewModelBuilder(context: context)
        }
        // Stages 4–6: present, render and validate every document side by side (libxml2 calls
        // are serialized, so one document's validation overlaps another's rendering). Nothing
        // is archived before all are valid.
        let renderStart = ContinuousClock.now
        if let dump = config.viewModelDump {
            var writer = JSONWriter(indent: 2)
            builders[0].build(xhtml: false).json(into: &writer)
            do {
                try FileSystem.write(dump, writer.finish())
            } catch {
                log.warning("run.view-model", "view model cannot be written: \(error.reason)", at: SourceLocation(file: dump))
            }
        }
        let folder = FileSystem.join(config.outputDirectory, archive.folderName)
        let validator = ReportValidator(templates: templates)
        let planned = config.locales.enumerated().flatMap { (i, locale) in
            RenderedReport.Kind.allCases.map { RenderedReport(locale: locale, kind: $0, main: i == 0) }
        }
        let rendered = Mutex<[RenderedReport?]>(Array(repeating: nil, count: planned.count))
        let render = { @Sendable (k: Int) in
            var document = planned[k]
            let builder = builders[k / RenderedReport.Kind.allCases.count]
            document.bytes = Array(templates.render(builder.build(xhtml: document.kind == .xhtml)).utf8)
            let path = FileSystem.join(folder, document.fileName)
            document.problems =
                document.kind == .xhtml
                ? validator.validateXHTML(document.bytes, path: path) : validator.validateHTML(document.bytes, path: path)
            rendered.withLock { $0[k] = document }
        }
        if config.parallelism > 1 {
            DispatchQueue.concurrentPerform(iterations: planned.count, execute: render)
        } else {
            for k in planned.indices { render(k) }
        }
        let documents = rendered.withLock { $0.compactMap { $0 } }
        let problems = documents.flatMap(\.problems)
        for problem in problems { log.emit(problem) }
        if problems.contains(where: { $0.severity == .error }) {
            log.error(
                "report.invalid", "the rendered report is not valid, so nothing is archived",
                at: SourceLocation(file: config.templatesDirectory))
            return
        }

        outcome.record("render+validate", since: renderStart)
        let archiveStart = ContinuousClock.now
        defer { outcome.record("archive", since: archiveStart) }
        ProgressMeter.shared.enter(.archiving)
        // Stage 7: archive.
        for document in documents { try archive.write(document.fileName, document.bytes) }
        for file in inputs.inputFiles { try archive.write("inputs/\(FileSystem.baseName(file.path))", file.bytes) }
        for file in inputs.referenceFiles { try archive.write("reference/\(FileSystem.baseName(file.path))", file.bytes) }
        // Streamed: on hostile input most rejected rows are not in memory (`RejectedRows`).
        let rejectedSink = try archive.open("rejected.csv")
        var rejected = CSVWriter(header: ["location", "line", "flow_id", "codes", "reason"])
        try inputs.inventory.rejected.forEach { (row) throws(FileSystem.Failure) in
            rejected.row([layout.display(row.location).description, String(row.location.line), row.flowID, row.codes.joined(separator: ";"), row.reason])
            if rejected.bytes.count >= 1 << 20 { try rejectedSink.write(rejected.drain()) }
        }
        try rejectedSink.write(rejected.drain())
        try archive.close(rejectedSink)
        let diagnosticsText = log.sorted.map { layout.display($0).description }.joined(separator: "\n")
        try archive.write("diagnostics.txt", Array((diagnosticsText.isEmpty ? "" : diagnosticsText + "\n").utf8))
        var manifest = Manifest(
            period: inputs.period, revision: archive.revision, supersedes: archive.supersedes, asOf: inputs.asOf,
            options: config.recordedOptions,
            counts: [
                ("rows_read", inputs.inventory.rowsRead), ("rows_assessed", inputs.inventory.flows.count),
                ("rows_rejected", inputs.inventory.rejected.count), ("findings", aggregate.findingCount),
            ],
            templates: templates.files.map { .init(path: $0.name, sha256: sha256Hex($0.bytes), size: $0.bytes.count) },
            files: archive.files)
        // The manifest names the key before it is serialized; manifest.sig signs its exact bytes.
        manifest.signingKey = signer?.fingerprint
        let json = manifest.json
        let signature = signer?.sign(json)
        if signer != nil && signature == nil {
            throw FileSystem.Failure(path: Manifest.signatureFileName, reason: "cannot be signed")
        }
        outcome.archivePath = try archive.commit(manifest: json, signature: signature)
    }

    private struct PeriodDisplay {
        var revision: Int
        var supersedes: String?
    }
}
