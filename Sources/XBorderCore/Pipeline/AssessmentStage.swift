/// Stage 3, assess: every flow against the risk rules with its carried decisions, the findings
/// handed to the stage's sinks (`FindingSink`). Runs in chunks on every core (`OrderedChunks`)
/// and folds the chunks together in flow order, so the result never depends on scheduling.
extension ReportPipeline {
    /// Assesses every flow of `inputs`. Each chunk starts from a copy of `summaries` (empty
    /// sinks) and, when `exports` is given, a companion export; `write` receives the chunks'
    /// companion bytes in flow order on the calling thread.
    static func assess<Failure: Error>(
        _ inputs: PeriodInputs, assessor: Assessor, summaries: FindingSummaries, exports: ChunkExports?,
        workers: Int, write: (ExportedChunk) throws(Failure) -> Void
    ) throws(Failure) -> AssessedFlows {
        let flows = inputs.inventory.flows
        var result = AssessedFlows(summaries: summaries, decisions: inputs.decisions)
        try OrderedChunks.ranges(
            of: flows.count, workers: workers,
            compute: { range in
                AssessedChunk(range, inputs: inputs, assessor: assessor, summaries: summaries, exports: exports)
            },
            consume: { (chunk: consuming AssessedChunk) throws(Failure) in
                var chunk = chunk
                if let export = chunk.export.take() {
                    try write(export)
                    // Handed back with no other reference left: a worker that takes the buffers
                    // reuses their memory instead of copying them.
                    exports?.recycle(consume export)
                }
                ProgressMeter.shared.addFindings(chunk.summaries.counts.findings)
                result.summaries.merge(chunk.summaries)
                result.decisions.markUsed(chunk.matchedDecisions)
            })
        return result
    }
}

/// What stage 3 keeps of the findings besides the companions: counts, control contradictions
/// and, for a report, its bounded aggregate and the comparison with the previous period.
struct FindingSummaries: FindingSink {
    /// Findings and residual bands.
    var counts = FindingCounts()
    /// Controls that their decisions still have open.
    var contradictions = ControlContradictions()
    /// The report's aggregate (`run` only).
    var aggregate: ReportAggregate?
    /// The comparison with the previous period (`run`, when there is one).
    var changes: ChangeSet?

    /// Hands the flow's findings to each sink.
    mutating func add(_ flow: Flow, findings: [Finding]) {
        counts.add(flow, findings: findings)
        contradictions.add(flow, findings: findings)
        aggregate?.add(flow, findings: findings)
        changes?.add(flow, findings: findings)
    }

    /// Adds the summaries of the chunk that follows.
    mutating func merge(_ next: FindingSummaries) {
        counts.merge(next.counts)
        contradictions.merge(next.contradictions)
        if let part = next.aggregate { aggregate?.merge(part, decisionLimit: part.topN) }
        if let part = next.changes { changes?.merge(part) }
    }
}

/// Stage 3's result.
struct AssessedFlows {
    /// The findings' summaries over the whole inventory.
    var summaries: FindingSummaries
    /// The period's decisions, those that matched a finding marked used.
    var decisions: DecisionBook
}

/// Stage 3 for one contiguous range of flows.
struct AssessedChunk: Sendable {
    /// The chunk's summaries.
    var summaries: FindingSummaries
    /// Decisions (indices into the book) that matched a finding of the chunk.
    var matchedDecisions: Set<Int> = []
    /// The chunk's companion bytes, when companions are written.
    var export: ExportedChunk?

    /// Assesses `range` of the inventory's flows into copies of `summaries` and a new export.
    init(
        _ range: Range<Int>, inputs: PeriodInputs, assessor: Assessor, summaries: FindingSummaries,
        exports: ChunkExports?
    ) {
        var summaries = summaries
        var matched: Set<Int> = []
        var export = exports?.start()
        // Taken out of `inputs` once: a closure that captured `inputs` itself copied the whole
        // struct (a few dozen references) for every flow.
        let (flows, decisions, asOf) = (inputs.inventory.flows, inputs.decisions, inputs.asOf)
        for i in range {
            let flow = flows[i]
            let findings = assessor.assess(flow, index: i) { risk in
                let lookup = decisions.lookup(flowID: flow.id, risk: risk, asOf: asOf)
                matched.formUnion(lookup.matched)
                return lookup.state
            }
            export?.add(flow, findings: findings)
            summaries.add(flow, findings: findings)
        }
        self.summaries = summaries
        matchedDecisions = matched
        if let exports, let export { self.export = exports.finish(export) }
    }
}
