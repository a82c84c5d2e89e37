import ArgumentParser
import Foundation
import XBorderCore

/// `xborder run [PERIOD_DIR]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read, check, assess, render, validate and archive one period.",
        discussion: """
            With no PERIOD_DIR, archives every period folder under Inputs/ that is not archived \
            yet, oldest first (so the quarter-over-quarter comparison shows), and says so when all \
            are archived. Reference data and templates default to those beside the period's \
            Inputs folder, so the command works from any directory. A re-run of an archived \
            period writes a new revision (Output/2026-Q3-r2) that supersedes the old one.

            Exit status: 0 archived (warnings allowed); 2 archived, but rows were rejected or \
            other errors were found; 1 nothing archived; 64 usage error. The archive path is \
            printed on every run that archives, also with --quiet.

            Examples:
              xborder run                             every period not archived yet
              xborder run Inputs/2026-Q3 --locale ja  one period, Japanese report
              xborder run ~/data/Inputs/2026-Q3 --output ~/archive
              xborder run Inputs/2026-Q3 --strict -q  warnings fail; prints the path
            """)

    @Argument(help: "Period folder with flows.csv or flows.xlsx (and optional decisions.csv, columns.csv).")
    var periodDirectory: String?

    @OptionGroup var options: CommonOptions

    @Option(name: .customLong("sign-key"), help: "Sign manifest.json with this Ed25519 private key (PEM, mode 0600; see keygen).")
    var signKey: String?

    func run() throws {
        try UsageFailure.exiting {
            let text = options.text(period: periodDirectory)
            if let periodDirectory {
                try runPeriod(periodDirectory, text: text).exit()
                return
            }
            let all = PeriodFinder.periods(in: CommonOptions.inputsFolder)
            guard !all.isEmpty else { throw options.noPeriods() }
            let archived = Set(ArchiveHistory.latestRevisions(in: options.output).map(\.period.name))
            let pending = all.filter { !archived.contains($0.name) }
            if pending.isEmpty {
                Console.out(
                    text("cli_all_archived", ["inputs": CommonOptions.inputsFolder + "/", "periods": all.map(\.name).joined(separator: ", ")]))
                return
            }
            if pending.count > 1, !options.quiet {
                Console.out(text("cli_pending", ["count": String(pending.count), "periods": pending.map(\.name).joined(separator: ", ")]))
            }
            var worst = ExitStatus.archived
            for period in pending {
                if pending.count > 1, !options.quiet { Console.out(text("cli_period_heading", ["period": period.name])) }
                worst = max(worst, runPeriod(FileSystem.join(CommonOptions.inputsFolder, period.name), text: text))
            }
            try worst.exit()
        }
    }

    /// Runs one period and prints its outcome; returns its exit status.
    private func runPeriod(_ folder: String, text: CLIText) -> ExitStatus {
        var config = options.config(period: folder)
        config.signingKeyPath = signKey
        ProgressMeter.shared.reset()
        let progress = options.quiet ? nil : ProgressDisplay.start()
        let outcome = ReportPipeline.run(config)
        progress?.stop()
        // Said once the inputs were read and a revision was started, archived or not.
        if let revision = outcome.revision, let supersedes = outcome.supersedes, !options.quiet {
            Console.out(
                text("cli_revision", ["period": config.periodName, "revision": String(revision), "supersedes": supersedes]))
        }
        Console.print(outcome.diagnostics, format: options.diagnostics, text: text)
        Console.printTimings(outcome)
        if !options.quiet {
            if outcome.inventoryRead { Console.out(Console.rows(outcome, text: text)) }
            if outcome.assessed {
                Console.out(text("cli_findings", ["count": String(outcome.findings), "bands": text.bands(outcome.bands)]))
            }
        }
        if let path = outcome.archivePath {
            Console.out(text("cli_archived", ["path": path]))
        } else {
            Console.error(text("cli_nothing_archived", ["period": config.periodName]))
        }
        return ExitStatus(outcome)
    }
}

/// `xborder check [PERIOD_DIR]`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and check the inputs only: print every diagnostic, write nothing.",
        discussion: """
            With no PERIOD_DIR, checks the latest period folder under Inputs/. Exit status: 0 no \
            errors (warnings allowed); 1 errors found (or warnings, with --strict); 64 usage error.

            Examples:
              xborder check Inputs/2026-Q3
              xborder check Inputs/2026-Q3 --diagnostics json 2> diagnostics.json
            """)

    @Argument(help: "Period folder (default: the latest under Inputs/).")
    var periodDirectory: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        try UsageFailure.exiting {
            let folder = try periodDirectory ?? options.latestPeriod()
            let text = options.text(period: folder)
            let config = options.config(period: folder)
            let outcome = ReportPipeline.check(config)
            Console.print(outcome.diagnostics, format: options.diagnostics, text: text)
            Console.printTimings(outcome)
            if !options.quiet {
                if outcome.inventoryRead { Console.out(Console.rows(outcome, text: text)) }
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                let warnings = outcome.diagnostics.filter { $0.severity == .warning }.count
                let values = ["errors": String(errors), "warnings": String(warnings), "findings": String(outcome.findings)]
                Console.out(text(outcome.assessed ? "cli_check_summary" : "cli_check_summary_unread", values))
            }
            if outcome.failed(strict: config.strict) { throw ExitCode(1) }
        }
    }
}

/// `xborder verify [ARCHIVE_DIR]`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash an archived period against its manifest and re-validate its reports.",
        discussion: """
            With --key, manifest.sig must be that key's signature of manifest.json, checked before the hashes.

            Example: xborder verify Output/2026-Q3 --key keys/public.pem
            """)

    @Argument(help: "Archived period folder (default: the latest under Output/).")
    var archiveDirectory: String?

    @Option(help: "Archive folder searched when ARCHIVE_DIR is omitted.")
    var output = "Output"

    @Option(help: "Diagnostics format on stderr: text or json.")
    var diagnostics: DiagnosticFormat = .text

    @Option(help: "The organization's Ed25519 public key (PEM): the archive must be signed with it.")
    var key: String?

    @Flag(name: .customLong("require-signature"), help: "Fail unsigned archives (give --key to check who signed).")
    var requireSignature = false

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
        var options = ArchiveVerifier.Options(requireSignature: requireSignature)
        if let key {
            do {
                options.publicKey = try ArchivePublicKey(contentsOf: key)
            } catch {
                Console.print([error.diagnostic], format: diagnostics)
                throw ExitCode(1)
            }
        }
        let report = ArchiveVerifier.verify(path, options: options)
        Console.print(report.diagnostics, format: diagnostics)
        if report.diagnostics.contains(where: { $0.severity == .error }) {
            Console.out("\(path): NOT intact (\(report.diagnostics.count) problems, \(report.filesChecked) files in manifest)")
            throw ExitCode(1)
        }
        let signature = report.verifiedKey.map { "; signature valid, key \($0)" }
            ?? report.signingKey.map { "; signed by key \($0), not checked (give --key)" } ?? "; unsigned"
        Console.out("\(path): intact (\(report.filesChecked) files match manifest.json; reports valid\(signature))")
    }
}
