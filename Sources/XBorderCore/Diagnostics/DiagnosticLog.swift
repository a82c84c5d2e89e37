/// Collects diagnostics while a stage runs; stages emit and continue so one run reports every
/// problem. A value type: each stage (or each parallel chunk) owns one and they are merged.
///
/// Memory stays bounded on hostile input (ten million garbage rows): the first `storageLimit`
/// diagnostics are kept, later ones are only counted, and `sorted` ends with a note saying how
/// many were not kept. Counts by severity are always exact, so exit codes stay right.
package struct DiagnosticLog: Sendable {
    /// How many diagnostics are kept in memory.
    package static let storageLimit = 10_000

    /// The kept diagnostics, in emission order.
    package private(set) var all: [Diagnostic] = []
    /// Diagnostics counted but not kept.
    package private(set) var suppressed = 0
    private var counts: [Diagnostic.Severity: Int] = [:]

    /// Creates an empty log.
    package init() {}

    /// Records one diagnostic.
    package mutating func emit(_ diagnostic: Diagnostic) {
        counts[diagnostic.severity, default: 0] += 1
        if all.count < Self.storageLimit {
            all.append(diagnostic)
        } else {
            suppressed += 1
        }
    }

    /// Records an error.
    package mutating func error(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        emit(Diagnostic(.error, code: code, message, at: location))
    }

    /// Records a warning.
    package mutating func warning(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        emit(Diagnostic(.warning, code: code, message, at: location))
    }

    /// Appends another log's diagnostics.
    package mutating func merge(_ other: DiagnosticLog) {
        let room = max(0, Self.storageLimit - all.count)
        all.append(contentsOf: other.all.prefix(room))
        suppressed += other.suppressed + max(0, other.all.count - room)
        for (severity, n) in other.counts { counts[severity, default: 0] += n }
    }

    /// Number of errors (exact, kept or not).
    package var errorCount: Int { counts[.error, default: 0] }
    /// Number of warnings (exact).
    package var warningCount: Int { counts[.warning, default: 0] }
    /// True when any error was emitted.
    package var hasErrors: Bool { errorCount > 0 }

    /// Kept diagnostics in a stable order (file, line, column, then emission), followed by a
    /// note when some were not kept.
    package var sorted: [Diagnostic] {
        var result = all.enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(file: "")
            let lb = b.element.location ?? SourceLocation(file: "")
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
        if suppressed > 0 {
            result.append(
                Diagnostic(
                    .note, code: "run.diagnostics-limit",
                    "\(suppressed) more diagnostics were counted but not listed (limit \(Self.storageLimit)); every rejected row is still in rejected.csv"))
        }
        return result
    }
}
