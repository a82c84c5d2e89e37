import Foundation
import Testing

/// `xborder verify` on hostile archives, as an auditor runs it: message, code and exit status.
@Suite(.serialized) struct VerifyCommandTests {
    /// A period folder whose manifest lists one file under `path` (a JSON string literal).
    static func archive(listing pathJSON: String) throws -> String {
        let period = CLITests.temporaryDirectory() + "/2026-Q3"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        let manifest = """
            {
              "tool": "xborder",
              "files": [
                {"path": \(pathJSON), "sha256": "\(String(repeating: "0", count: 64))", "size": 1}
              ]
            }

            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: period + "/manifest.json"))
        return period
    }

    @Test("a path out of the archive, an absolute path and a NUL are refused at their position", arguments: [
        (#""../../../../dev/zero""#, "'../../../../dev/zero' contains a '..' component"),
        (#""/etc/hostname""#, "'/etc/hostname' is an absolute path"),
        (#""a\u0000b""#, "'a\\u{0}b' contains a NUL character"),
    ])
    func unsafePath(_ pathJSON: String, _ message: String) throws {
        let period = try Self.archive(listing: pathJSON)
        let result = try CLITests.run(["verify", period])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(period)/manifest.json:4:14: error: manifest entry \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("[archive.unsafe-path]"))
        #expect(result.stdout.contains("NOT intact"))
    }

    @Test("a FIFO in place of manifest.json and a symlinked file are refused without blocking")
    func fifoAndSymlink() throws {
        let period = try Self.archive(listing: #""inputs/flows.csv""#)
        try FileManager.default.createDirectory(atPath: period + "/inputs", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: period + "/inputs/flows.csv", withDestinationPath: "/etc/hostname")
        let link = try CLITests.run(["verify", period])
        #expect(link.status == 1)
        #expect(link.stderr.contains("'inputs/flows.csv' is a symbolic link; verify never follows links inside an archive"))
        try FileManager.default.removeItem(atPath: period + "/manifest.json")
        #expect(mkfifo(period + "/manifest.json", 0o600) == 0)
        let fifo = try CLITests.run(["verify", period])
        #expect(fifo.status == 1)
        #expect(fifo.stderr.contains("\(period)/manifest.json: error: 'manifest.json' is a FIFO, not a regular file; nothing was read [archive.unsafe-file]"))
    }

    @Test("a missing folder says so")
    func missingFolder() throws {
        let result = try CLITests.run(["verify", "/nonexistent/2026-Q3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/2026-Q3: error: no such folder; give an archived period folder such as Output/2026-Q3 [archive.not-found]"))
    }
}
