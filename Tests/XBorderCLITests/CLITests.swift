import Foundation
import TestSupport
import Testing

/// Runs the built `xborder` binary as a user would: exit codes, stdout/stderr, help.
@Suite(.serialized) struct CLITests {
    /// The package root (TestSupport's ``Paths``).
    static var root: String { Paths.root }

    /// The built binary beside the test bundle (SwiftPM builds it because the tests depend on it).
    static let binary: String = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("xborder").path,
            Bundle.main.bundleURL.appendingPathComponent("xborder").path,
            root + "/.build/debug/xborder",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `directory` with English messages unless `environment` says otherwise.
    static func run(_ arguments: [String], in directory: String = root, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] { inherited[name] = nil }
        process.environment = inherited.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A new empty temporary directory (TestSupport's ``Paths``, removed when the process exits).
    static func temporaryDirectory() -> String { Paths.temporaryDirectory() }

    /// A new period folder `name` holding `files` (name → text), in a temporary directory.
    static func periodFolder(_ name: String, files: [String: String]) throws -> String {
        let dir = temporaryDirectory() + "/" + name
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + file)) }
        return dir
    }

    /// Runs `command` on `folder` with the repository's reference data and templates.
    static func runWithShippedData(_ command: String, _ folder: String) throws -> Result {
        try run([command, folder, "--reference", root + "/Inputs/reference", "--templates", root + "/Templates"])
    }

    @Test("run on the sample exits 0, prints the row balance and archives the period")
    func runSample() throws {
        let output = Self.temporaryDirectory()
        let result = try Self.run(["run", "Inputs/2026-Q3", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rows read 120 = assessed 120 + rejected 0"))
        #expect(result.stdout.contains("archived \(output)/2026-Q3"))
        let verify = try Self.run(["verify", output + "/2026-Q3"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test("check on a broken inventory exits 1 and prints every problem with file:line:column")
    func checkBroken() throws {
        let csv = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\n"
            + "F1,CAD,technikal,secret,JP,US\nF2,Logs,security_logs,internal,Germny,IN\n"
        let dir = try Self.periodFolder("2026-Q4", files: ["flows.csv": csv])
        let result = try Self.runWithShippedData("check", dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(dir)/flows.csv:2:3: error: unknown data_category 'technikal'"))
        #expect(result.stderr.contains("\(dir)/flows.csv:3:5: error: unknown country 'Germny'; did you mean 'Germany' (DE)? [input.country]"))
        #expect(result.stdout.contains("rows read 2 = assessed 0 + rejected 2"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/../Output"))
    }

    @Test("diagnostics as JSON")
    func jsonDiagnostics() throws {
        let dir = Self.temporaryDirectory() + "/2026-Q4"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("flow_id,data_asset\nF1,x\n".utf8).write(to: URL(fileURLWithPath: dir + "/flows.csv"))
        let result = try Self.run(["check", dir, "--diagnostics", "json", "--reference", Self.root + "/Inputs/reference"])
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [[String: Any]]
        #expect(parsed?.contains { $0["code"] as? String == "input.missing-column" } == true)
    }

    @Test(
        "usage errors exit 64 and every command's help shows an example",
        arguments: ["run", "check", "whatif", "verify", "keygen", "normalize"])
    func help(_ command: String) throws {
        let help = try Self.run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Example"))
        #expect(help.stdout.contains("  xborder \(command) ") || help.stdout.contains("Example: xborder \(command) "))
        let bad = try Self.run([command, "--no-such-option"])
        #expect(bad.status == 64)
    }

    @Test("whatif on the sample prints each scenario as a table, exits 0 and writes nothing")
    func whatifSample() throws {
        let output = Self.temporaryDirectory() + "/never"
        let result = try Self.run(["whatif", "Inputs/2026-Q3", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        for id in ["S1", "S2", "S3", "S4"] {
            #expect(result.stdout.contains("\n\(id)  "), "\(id)")
        }
        #expect(result.stdout.contains("    residual band  before  after  change"))
        #expect(result.stdout.contains("    cost              JPY 18M/yr"))
        #expect(result.stdout.contains("F0016:LOC  Critical 25"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let ja = try Self.run(["whatif", "Inputs/2026-Q3", "--locale", "ja"])
        #expect(ja.stdout.contains("S1  米国クラウド上の極秘・秘データへの顧客管理鍵の導入"))
    }

    @Test("whatif exits 1 with located scenario errors")
    func whatifErrors() throws {
        let scenarios = "scenario_id,title,measures,flows,owner,cost\nS1,Keys,M06,destination_country=US,IT,JPY 1M\n"
            + "S2,Typo,M60,destination_country=Germny,IT,\n"
        let flows = try String(contentsOfFile: Self.root + "/Inputs/2026-Q3/flows.csv", encoding: .utf8)
        let dir = try Self.periodFolder("2026-Q3", files: ["flows.csv": flows, "scenarios.csv": scenarios])
        let result = try Self.runWithShippedData("whatif", dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(dir)/scenarios.csv:3:3: error: unknown measure 'M60'; it is not in measures.csv [scenario.unknown-measure]"))
        #expect(result.stderr.contains("\(dir)/scenarios.csv:3:4: error: unknown country 'Germny' for destination_country; did you mean 'Germany' (DE)? [scenario.value]"))
        #expect(result.stdout.contains("\nS1  Keys"), "the valid scenario is still compared")
        #expect(!result.stdout.contains("S2  "))
    }

    @Test("whatif without scenarios.csv says so and exits 0")
    func whatifWithoutScenarios() throws {
        let result = try Self.run(["whatif", "Inputs/2026-Q2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no scenarios to compare (Inputs/2026-Q2/scenarios.csv)"))
    }

    @Test("normalize prints the records as JSON and the detected format on stderr")
    func normalize() throws {
        let file = Self.temporaryDirectory() + "/x.csv"
        try Data([0xEF, 0xBB, 0xBF] + Array("sep=;\r\na;b\r\n\"x;1\";2\r\n".utf8)).write(to: URL(fileURLWithPath: file))
        let result = try Self.run(["normalize", file, "--json"])
        #expect(result.status == 0)
        #expect(result.stdout == "[[\"a\",\"b\"],[\"x;1\",\"2\"]]\n")
        #expect(result.stderr.contains("encoding: UTF-8"))
        #expect(result.stderr.contains("delimiter: ';'"))
    }

    @Test("normalize reports an unreadable file as a located diagnostic with a registered code")
    func normalizeUnreadable() throws {
        let file = Self.temporaryDirectory() + "/absent.csv"
        let result = try Self.run(["normalize", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file): error: "))
        #expect(result.stderr.hasSuffix(" [input.unreadable]\n"))
    }

    @Test("verify catches a flipped byte, a deleted file and an added file")
    func verifyTamper() throws {
        let output = Self.temporaryDirectory()
        #expect(try Self.run(["run", "Inputs/2026-Q2", "--output", output, "--quiet"]).status == 0)
        let folder = output + "/2026-Q2"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/findings.csv"))
        bytes[100] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: folder + "/findings.csv"))
        try FileManager.default.removeItem(atPath: folder + "/rejected.csv")
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/extra.txt"))
        let result = try Self.run(["verify", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("findings.csv: error: file changed"))
        #expect(result.stderr.contains("rejected.csv: error: file listed in the manifest is missing"))
        #expect(result.stderr.contains("extra.txt: error: file is not listed in the manifest"))
    }

    @Test("limit options refuse zero, negative and garbage values with a usage error", arguments: [
        ("--max-input-bytes", "0"), ("--max-cell-bytes", "-5"), ("--max-columns", "lots"), ("--max-cell-bytes", "1.5M"),
    ])
    func badLimits(_ option: String, _ value: String) throws {
        for command in ["run", "check", "normalize"] {
            let target = command == "normalize" ? "Inputs/2026-Q3/flows.csv" : "Inputs/2026-Q3"
            let result = try Self.run([command, target, "\(option)=\(value)"])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("The value '\(value)' is invalid for '\(option)"), "\(result.stderr)")
            #expect(result.stderr.contains("expected a whole number from 1 to 1024G"))
        }
    }

    @Test("a lowered cell, column or input limit changes the outcome of check and normalize")
    func limits() throws {
        let dir = Self.temporaryDirectory() + "/2026-Q4"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,notes\n"
            + "F1,CAD,technical,secret,JP,US,\(String(repeating: "n", count: 2048))\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/flows.csv"))
        let common = ["--reference", Self.root + "/Inputs/reference", "--templates", Self.root + "/Templates"]
        let standard = try Self.run(["check", dir] + common)
        #expect(standard.status == 0, "\(standard.stderr)")
        #expect(standard.stdout.contains("rows read 1 = assessed 1 + rejected 0"))

        let cell = try Self.run(["check", dir, "--max-cell-bytes", "1K"] + common)
        #expect(cell.status == 1)
        #expect(cell.stderr.contains(
            "\(dir)/flows.csv:2:7: error: cell is longer than 1024 bytes (raise the limit with --max-cell-bytes) [csv.field-too-long]"))
        #expect(cell.stdout.contains("rows read 1 = assessed 0 + rejected 1"))

        let columns = try Self.run(["check", dir, "--max-columns", "6"] + common)
        #expect(columns.status == 1)
        #expect(columns.stderr.contains("record has more than 6 fields; the rest are ignored (raise the limit with --max-columns) [csv.too-many-fields]"))

        let input = try Self.run(["check", dir, "--max-input-bytes", "2K"] + common)
        #expect(input.status == 1)
        #expect(input.stderr.contains("\(dir)/flows.csv: error: file is \(csv.utf8.count) bytes, larger than the limit of 2048 bytes"))
        #expect(input.stderr.contains("[input.too-large]"))

        let normalize = try Self.run(["normalize", dir + "/flows.csv", "--max-cell-bytes", "2K", "--json"])
        #expect(normalize.status == 0)
        let normalizeLimited = try Self.run(["normalize", dir + "/flows.csv", "--max-cell-bytes", "2047"])
        #expect(normalizeLimited.status == 1)
        #expect(normalizeLimited.stderr.contains("[csv.field-too-long]"))
        let normalizeInput = try Self.run(["normalize", dir + "/flows.csv", "--max-input-bytes", "1K"])
        #expect(normalizeInput.status == 1)
        #expect(normalizeInput.stderr.contains("larger than the limit of 1024 bytes (raise the limit with --max-input-bytes) [input.too-large]"))
    }
}
