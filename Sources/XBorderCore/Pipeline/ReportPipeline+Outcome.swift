extension ReportPipeline {
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
            record(stage, since: start)
            return result
        }

        /// True when the run must exit 1: any error, or any warning under `--strict`.
        package func failed(strict: Bool) -> Bool {
            diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        }
    }
}

extension ReportPipeline.Outcome {
    /// Records the inventory's row counts.
    mutating func count(_ inventory: Inventory) {
        inventoryRead = true
        rowsRead = inventory.rowsRead
        rowsAssessed = inventory.flows.count
        rowsRejected = inventory.rejected.count
    }

    /// Records the findings' counts.
    mutating func count(_ counts: FindingCounts) {
        assessed = true
        findings = counts.findings
        bands = counts.residualBands
    }
}
