/// Controls a flow lists as in place while the finding's decision still has them `open` or
/// `in_progress` (docs/DIAGNOSTICS.md, `assessment.control-contradiction`): each is a warning naming the finding, and the measure earns no
/// credit until the inventory and decisions.csv agree. Collected per chunk, merged in flow
/// order, reported once; the list is bounded, the count is not.
package struct ControlContradictions: Sendable {
    /// One contradicted finding.
    package struct Entry: Sendable {
        /// `F0013:GOV`.
        package var findingID: String
        /// The withheld measures.
        package var measures: [String]
        /// Status of the decision (`open`, `in_progress`).
        package var status: DecisionStatus
        /// The flow's row in flows.csv.
        package var flowLocation: SourceLocation
        /// The decision's row in decisions.csv.
        package var decisionLocation: SourceLocation
    }

    /// Warnings listed one by one before the rest are summed up.
    package static let listed = 200

    /// The first `listed` entries, in flow order.
    package private(set) var entries: [Entry] = []
    /// Every contradicted finding.
    package private(set) var count = 0

    /// An empty collection.
    package init() {}

    /// Records `finding` when it has withheld controls.
    package mutating func add(_ finding: Finding, flow: Flow) {
        guard !finding.withheld.isEmpty, let state = finding.decision else { return }
        count += 1
        if entries.count < Self.listed {
            entries.append(
                Entry(
                    findingID: finding.id, measures: finding.withheld, status: state.status, flowLocation: flow.location,
                    decisionLocation: state.decision.location))
        }
    }

    /// Appends a later chunk's entries.
    package mutating func merge(_ other: ControlContradictions) {
        count += other.count
        entries += other.entries.prefix(Self.listed - entries.count)
    }

    /// One warning per listed finding, located at the flow's row, and one for the rest.
    package func report(into log: inout DiagnosticLog) {
        for entry in entries {
            let measures = entry.measures.joined(separator: ", ")
            let one = entry.measures.count == 1
            var diagnostic = Diagnostic(
                .warning, code: "assessment.control-contradiction",
                "\(entry.findingID): controls list \(measures) as in place, but decisions.csv (line \(entry.decisionLocation.line)) still has \(one ? "it" : "them") \(entry.status.rawValue); \(measures) \(one ? "earns" : "earn") no credit until the two agree",
                at: entry.flowLocation)
            diagnostic.arguments = [
                "finding": entry.findingID, "measures": measures, "status": "@" + entry.status.catalogueKey,
                "decision": String(entry.decisionLocation.line),
            ]
            log.emit(diagnostic)
        }
        if count > entries.count, let last = entries.last {
            log.warning(
                "assessment.control-contradiction",
                "\(count - entries.count) more findings list controls that their decisions still have open or in progress; none of them earns credit",
                at: SourceLocation(file: last.flowLocation.file))
        }
    }
}

extension ControlContradictions: FindingSink {
    /// Records the flow's findings that have withheld controls.
    package mutating func add(_ flow: Flow, findings: [Finding]) {
        for i in findings.indices { add(findings[i], flow: flow) }  // by index: no copy of each finding
    }
}
