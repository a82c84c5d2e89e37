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

    @Option(name: .customLong("sign-key"), help: "Sign manifest.json with this Ed25519 private key (PEM, mode 0600; see keygen).")
    var signKey: String?

    func run() throws {
        var config = try options.config(period: periodDirectory)
        config.signingKeyPath = signKey
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
