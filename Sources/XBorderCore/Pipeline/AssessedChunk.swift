/// Stage 3 for one contiguous range of flows: findings with their decisions, the companion
/// bytes, the bounded aggregate and the comparison with the previous period. Chunks are
/// independent, so they run on all cores; the pipeline joins them in flow order.
struct AssessedChunk: Sendable {
    /// findings.csv rows and findings.json elements of the chunk.
    var export: FindingsExport
    /// The export's bytes, drained by the worker (findings.csv rows, findings.json elements).
    var bytes: (csv: [UInt8], json: [UInt8]) = ([], [])
    /// The chunk's aggregate.
    var aggregate: ReportAggregate
    /// Decisions (indices into the book) that matched a finding of the chunk.
    var matchedDecisions: Set<Int>
    /// The chunk's part of the comparison with the previous period.
    var changes: ChangeSet?
    /// Controls the chunk's flows list that their decisions still have open.
    var contradictions: ControlContradictions

    /// Assesses `range` of the inventory's flows.
    static func assess(
        _ range: Range<Int>, inputs: PeriodInputs, assessor: Assessor, history: History, referenceChanged: Bool,
        topN: Int, cache: inout FragmentCache, buffers: inout (csv: [UInt8], json: [UInt8])
    ) -> AssessedChunk {
        var export = FindingsExport(
            reference: inputs.reference, exposures: assessor.exposureIndex, messages: inputs.englishMessages,
            buffers: &buffers)
        export.layout = inputs.layout
        var aggregate = ReportAggregate(size: inputs.reference.scales.size, topN: topN)
        var matched: Set<Int> = []
        var changes = history.previousPeriod.map { _ in
            ChangeSet(history: history, limit: topN, referenceChanged: referenceChanged)
        }
        var contradictions = ControlContradictions()
        let flows = inputs.inventory.flows
        for i in range {
            let flow = flows[i]
            let findings = assessor.assess(flow, index: i) { risk in
                let lookup = inputs.decisions.lookup(flowID: flow.id, risk: risk, asOf: inputs.asOf)
                matched.formUnion(lookup.matched)
                return lookup.state
            }
            for finding in findings {
                export.add(finding, flow: flow, cache: &cache)
                changes?.add(finding, flow: flow)
                contradictions.add(finding, flow: flow)
            }
            aggregate.add(flow, findings: findings, decisionLimit: topN)
        }
        return AssessedChunk(
            export: export, aggregate: aggregate, matchedDecisions: matched, changes: changes,
            contradictions: contradictions)
    }
}
