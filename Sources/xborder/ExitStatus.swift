import ArgumentParser
import XBorderCore

/// What `run` tells a script (README, "Exit status"): whether a record was made, and whether it is clean.
enum ExitStatus: Int32, Comparable {
    /// Archived; warnings allowed.
    case archived = 0
    /// Nothing archived (errors, all reported).
    case nothingArchived = 1
    /// Archived, but rows were rejected or other errors were found (all reported; the rejected
    /// rows are in the archive).
    case archivedWithErrors = 2
    /// Usage error (ArgumentParser's own validation errors exit with it too).
    case usage = 64

    /// The status of one run's outcome.
    init(_ outcome: ReportPipeline.Outcome) {
        if outcome.archivePath == nil {
            self = .nothingArchived
        } else if outcome.rowsRejected > 0 || outcome.diagnostics.contains(where: { $0.severity == .error }) {
            self = .archivedWithErrors
        } else {
            self = .archived
        }
    }

    /// The status of several runs: nothing archived wins, then archived with errors.
    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.severity < rhs.severity }

    private var severity: Int {
        switch self {
        case .archived: 0
        case .archivedWithErrors: 1
        case .nothingArchived: 2
        case .usage: 3
        }
    }

    /// Ends the command with this status (returns normally for 0).
    func exit() throws {
        if self != .archived { throw ExitCode(rawValue) }
    }
}
