import Foundation
import Testing
import XBorderCore
import TestSupport

/// `verify` on hostile archives: every case is refused with its stable code, quickly, and
/// nothing outside the period folder is read.
@Suite struct ArchiveVerifierTests {
    @Test("a hostile archive is rejected within a second with its code", arguments: HostileArchive.all)
    func hostile(_ archive: HostileArchive) throws {
        let period = try archive.build(Paths.temporaryDirectory())
        let start = ContinuousClock.now
        let report = ArchiveVerifier.verify(period)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.code == archive.expectedCode }, "\(report.diagnostics.map(\.description))")
        // Unsafe archives are refused before any listed file is read, so nothing is "changed".
        if archive.expectedCode.hasPrefix("archive.") {
            #expect(!errors.contains { $0.code == "verify.changed" }, "\(report.diagnostics.map(\.description))")
        }
    }

    @Test("an unsafe path is reported at its line and column in manifest.json, naming the entry")
    func located() throws {
        let period = try HostileArchive.all[0].build(Paths.temporaryDirectory())
        let report = ArchiveVerifier.verify(period)
        #expect(report.diagnostics.map(\.description) == [
            "\(period)/manifest.json:18:15: error: manifest entry '../../../../etc/hostname' contains a '..' component; it must be a plain relative path inside the period folder [archive.unsafe-path]"
        ])
        #expect(report.filesChecked == 0)
    }

    @Test("a symbolic link is named, and no file at all is read")
    func symlinkNamed() throws {
        let dir = Paths.temporaryDirectory()
        let period = try HostileArchive.write(in: dir, files: [("report.html", Array("changed".utf8))], entries: [
            .file("report.html", HostileArchive.text), .file("inputs/hostname", HostileArchive.text),
        ])
        try FileManager.default.createSymbolicLink(atPath: period + "/inputs", withDestinationPath: "/etc")
        let messages = ArchiveVerifier.verify(period).diagnostics.map(\.description)
        #expect(messages == [
            "\(period)/manifest.json:18:15: error: manifest entry 'inputs/hostname' is not verified: 'inputs' is a symbolic link; verify never follows links inside an archive; nothing was read [archive.unsafe-file]"
        ])
    }

    @Test("a malformed manifest gets a located, specific message", arguments: [
        ("{\"files\": [", "manifest.json:1:12: error: manifest.json is not valid JSON: unexpected end of data (truncated?) [archive.manifest-syntax]"),
        ("{\"tool\": \"xborder\", \"files\": {}}", "manifest.json:1:30: error: 'files' must be an array, found an object [archive.manifest-type]"),
        ("{\"tool\": \"xborder\", \"format\": 3, \"files\": []}",
         "manifest.json:1:31: error: manifest format 3 is unknown: this xborder (\(XBorder.version)) reads formats 1–\(Manifest.currentFormat); verify it with the xborder that wrote it or a later one [archive.manifest-format]"),
        ("{\"tool\": \"xborder\",\n \"files\": [{\"path\": \"a\", \"sha256\": \"x\", \"size\": 1}]}",
         "manifest.json:2:36: error: 'files[0].sha256' must be 64 lower-case hex digits, found 'x' [archive.manifest-type]"),
        ("{\"tool\": \"xborder\", \"files\": [{\"path\": \"a\", \"sha256\": \"\(String(repeating: "0", count: 64))\", \"size\": -1}]}",
         "manifest.json:1:131: error: 'files[0].size' must be a whole number of at least 0, found a number [archive.manifest-type]"),
        ("{\"tool\": \"xborder\", \"files\": [], \"files\": []}", "manifest.json:1:34: error: manifest.json is not valid JSON: duplicate key 'files' [archive.manifest-syntax]"),
        ("[]", "manifest.json:1:1: error: 'manifest' must be an object, found an array [archive.manifest-type]"),
        ("{\"tool\": \"other\", \"files\": []}", "manifest.json:1:10: error: 'tool' must be \"xborder\": this is not an xborder manifest [archive.manifest-type]"),
        ("{\"tool\": \"xborder\"}", "manifest.json:1:1: error: manifest.json has no 'files' list [archive.manifest-type]"),
    ])
    func malformed(_ json: String, _ expected: String) {
        var log = DiagnosticLog()
        #expect(ManifestReader.read(Array(json.utf8), path: "manifest.json", diagnostics: &log) == nil)
        #expect(log.sorted.map(\.description) == [expected])
    }

    @Test("limits on the manifest's size and entry count")
    func limits() throws {
        var limits = ManifestReader.Limits()
        limits.maxEntries = 2
        let entries = (0..<3).map { HostileArchive.Entry.file("f\($0)", HostileArchive.text) }
        var log = DiagnosticLog()
        let json = Array(HostileArchive.manifestJSON(entries).utf8)
        #expect(ManifestReader.read(json, path: "m", limits: limits, diagnostics: &log) == nil)
        #expect(log.sorted.map(\.code) == ["archive.too-many-entries"])
        limits.maxBytes = 100
        let period = try HostileArchive.write(in: Paths.temporaryDirectory(), files: [("f0", HostileArchive.text)])
        let size = try FileSystem.read(period + "/manifest.json").count
        let report = ArchiveVerifier.verify(period, limits: limits)
        #expect(report.diagnostics.map(\.description) == [
            "\(period)/manifest.json: error: manifest.json is \(size) bytes, more than the limit of 100 [archive.manifest-too-large]"
        ])
    }

    @Test("a hand-built archive that is intact verifies, and a missing file is still reported")
    func intactAndMissing() throws {
        let dir = Paths.temporaryDirectory()
        let period = try HostileArchive.write(in: dir, files: [("inputs/flows.csv", HostileArchive.text), ("a.txt", [])])
        #expect(ArchiveVerifier.verify(period).diagnostics.map(\.description) == [])
        try FileManager.default.removeItem(atPath: period + "/a.txt")
        #expect(ArchiveVerifier.verify(period).diagnostics.map(\.code) == ["verify.missing"])
    }
}
