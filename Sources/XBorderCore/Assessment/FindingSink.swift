/// A consumer of stage 3: it receives every assessed flow with its findings, in flow order.
///
/// The assessment stage (Pipeline/AssessmentStage.swift) runs the flows in chunks on every
/// core and gives each chunk its own sinks; the chunks' sinks are then folded together in flow
/// order on one thread (summaries are merged, companion bytes are written), so a sink never
/// needs a lock and the result never depends on scheduling. The sinks of a run are the
/// companions (`FindingsExport`), the report's bounded aggregate (`ReportAggregate`), the
/// comparison with the previous period (`ChangeSet`), the control contradictions
/// (`ControlContradictions`) and the counts (`FindingCounts`).
package protocol FindingSink: Sendable {
    /// Takes one assessed flow and its findings (empty when no rule applies to it).
    mutating func add(_ flow: Flow, findings: [Finding])
}

/// The number of findings and their residual bands: what `check` reports.
package struct FindingCounts: FindingSink {
    /// Findings.
    package private(set) var findings = 0
    /// Findings per residual band, by `Band.ordinal`.
    private var bands = [0, 0, 0, 0]

    /// No findings yet.
    package init() {}

    /// Counts the flow's findings.
    package mutating func add(_ flow: Flow, findings: [Finding]) {
        self.findings += findings.count
        for i in findings.indices { bands[findings[i].residualBand.ordinal] += 1 }
    }

    /// Adds a later chunk's counts.
    package mutating func merge(_ next: FindingCounts) {
        findings += next.findings
        for i in bands.indices { bands[i] += next.bands[i] }
    }

    /// Findings per residual band, bands without findings left out.
    package var residualBands: [Band: Int] {
        var result: [Band: Int] = [:]
        for band in Band.allCases where bands[band.ordinal] > 0 { result[band] = bands[band.ordinal] }
        return result
    }
}
