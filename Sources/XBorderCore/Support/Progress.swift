import Synchronization

/// How far a run has got, for the progress display on a terminal: the stage, the
/// flow rows read and the findings written so far. The pipeline updates it as it goes (a few
/// atomic stores per chunk); the command-line tool shows it on stderr only when stderr is a
/// terminal. Never written into a file or a report.
package final class ProgressMeter: Sendable {
    /// The stages shown.
    package enum Stage: Int, Sendable, CaseIterable {
        case starting, reading, assessing, rendering, archiving, done

        /// The word shown for the stage.
        package var label: String {
            switch self {
            case .starting: "starting"
            case .reading: "reading"
            case .assessing: "assessing"
            case .rendering: "rendering and validating"
            case .archiving: "archiving"
            case .done: "done"
            }
        }
    }

    /// The meter every run of this process updates (runs in one process are sequential in the
    /// tool; concurrent runs in tests only mix their counts, which nobody shows).
    package static let shared = ProgressMeter()

    private let stageValue = Atomic<Int>(0)
    private let rowsValue = Atomic<Int>(0)
    private let findingsValue = Atomic<Int>(0)

    package init() {}

    /// Starts a new run: stage `starting`, counts zero.
    package func reset() {
        stageValue.store(Stage.starting.rawValue, ordering: .relaxed)
        rowsValue.store(0, ordering: .relaxed)
        findingsValue.store(0, ordering: .relaxed)
    }

    /// Enters `stage`.
    package func enter(_ stage: Stage) { stageValue.store(stage.rawValue, ordering: .relaxed) }

    /// Counts `n` more rows read.
    package func addRows(_ n: Int) { rowsValue.add(n, ordering: .relaxed) }

    /// Counts `n` more findings.
    package func addFindings(_ n: Int) { findingsValue.add(n, ordering: .relaxed) }

    /// The current values.
    package var snapshot: (stage: Stage, rows: Int, findings: Int) {
        (
            Stage(rawValue: stageValue.load(ordering: .relaxed)) ?? .starting, rowsValue.load(ordering: .relaxed),
            findingsValue.load(ordering: .relaxed)
        )
    }

    /// One progress line: `assessing · 120,000 rows read · 483,112 findings · 3.2 s`.
    package static func line(stage: Stage, rows: Int, findings: Int, seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded(.down))
        return "\(stage.label) · \(grouped(rows)) rows read · \(grouped(findings)) findings · \(tenths / 10).\(tenths % 10) s"
    }

    /// `1234567` → `1,234,567`, as the report groups numbers.
    static func grouped(_ n: Int) -> String { groupedDigits(n) }
}
