import ArgumentParser
import Foundation
import XBorderCore

/// `xborder run [PERIOD_DIR]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read, check, assess, render, validate and archive one period.",
        discussion: """
            With no PERIOD_DIR, takes the latest period folder under Inputs/ and writes under Output/.

            Example: xborder run Inputs/2026-Q3 --locale ja
            """)

    @Argument(help: "Period folder with flows.csv (and optional decisions.csv, columns.csv).")
    var periodDirectory: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        let config = try options.config(period: periodDirectory)
        let outcome = ReportPipeline.run(config)
        Console.print(outcome.diagnostics, format: options.diagnostics)
        if ProcessInfo.processInfo.environment["XBORDER_TIMINGS"] == "1" {
            for (stage, seconds) in outcome.timings { Console.error("timing: \(stage) \(seconds)") }
        }
        if !options.quiet {
            Console.out(Console.rows(outcome))
            let bands = [Band.critical, .high, .medium, .low].map { "\($0.rawValue) \(outcome.bands[$0, default: 0])" }
            Console.out("findings \(outcome.findings): \(bands.joined(separator: ", "))")
            if let path = outcome.archivePath { Console.out("archived \(path)") }
        }
        if outcome.archivePath == nil { Console.error("error: nothing was archived") }
        if outcome.failed(strict: config.strict) || outcome.archivePath == nil { throw ExitCode(1) }
    }
}

/// `xborder check [PERIOD_DIR]`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and check the inputs only: print every diagnostic, write nothing.",
        discussion: "Example: xborder check Inputs/2026-Q3 --diagnostics json")

    @Argument(help: "Period folder (default: the latest under Inputs/).")
    var periodDirectory: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        let config = try options.config(period: periodDirectory)
        let outcome = ReportPipeline.check(config)
        Console.print(outcome.diagnostics, format: options.diagnostics)
        if !options.quiet {
            Console.out(Console.rows(outcome))
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            let warnings = outcome.diagnostics.filter { $0.severity == .warning }.count
            Console.out("\(errors) errors, \(warnings) warnings, \(outcome.findings) findings")
        }
        if outcome.failed(strict: config.strict) { throw ExitCode(1) }
    }
}

/// `xborder verify [ARCHIVE_DIR]`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash an archived period against its manifest and re-validate its reports.",
        discussion: "Example: xborder verify Output/2026-Q3")

    @Argument(help: "Archived period folder (default: the latest under Output/).")
    var archiveDirectory: String?

    @Option(help: "Archive folder searched when ARCHIVE_DIR is omitted.")
    var output = "Output"

    @Option(help: "Diagnostics format on stderr: text or json.")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let path: String
        if let archiveDirectory {
            path = archiveDirectory
        } else {
            guard let latest = ArchiveHistory.latestRevisions(in: output).last else {
                throw ValidationError("no archived period under \(output)/; give ARCHIVE_DIR")
            }
            path = FileSystem.join(output, latest.folder)
        }
        let report = ArchiveVerifier.verify(path)
        Console.print(report.diagnostics, format: diagnostics)
        if report.diagnostics.contains(where: { $0.severity == .error }) {
            Console.out("\(path): NOT intact (\(report.diagnostics.count) problems, \(report.filesChecked) files in manifest)")
            throw ExitCode(1)
        }
        Console.out("\(path): intact (\(report.filesChecked) files match manifest.json; reports valid)")
    }
}
