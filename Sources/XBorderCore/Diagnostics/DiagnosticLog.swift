/// Collects diagnostics while a stage runs; stages emit and continue so one run reports every
/// problem. A value type: each stage (or each parallel chunk) owns one and they are merged.
package struct DiagnosticLog: Sendable {
    /// Everything emitted, in emission order.
    package private(set) var all: [Diagnostic] = []

    /// Creates an empty log.
    package init() {}

    /// Records one diagnostic.
    package mutating func emit(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
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
        all.append(contentsOf: other.all)
    }

    /// Number of errors.
    package var errorCount: Int { all.lazy.filter { $0.severity == .error }.count }
    /// Number of warnings.
    package var warningCount: Int { all.lazy.filter { $0.severity == .warning }.count }
    /// True when any error was emitted.
    package var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics in a stable order: by file, line, column, then code and message.
    package var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(file: "")
            let lb = b.element.location ?? SourceLocation(file: "")
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
