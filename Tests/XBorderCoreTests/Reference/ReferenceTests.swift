import Foundation
import Testing
import XBorderCore
import TestSupport

/// Golden whole-pipeline cases: each folder under `Cases/` holds `input/` (a period's files) and
/// `expected/` (every companion and both reports). They run against their own reference data
/// (`GoldenReference/`), so an analyst's edit to `Inputs/reference` does not change them. The
/// expected XHTML is itself validated against the DTD; a mismatch shows a unified diff. A case
/// whose `expected/` holds only diagnostics.txt must archive nothing. `RECORD_GOLDEN=1 swift
/// test` rewrites the expected files and still fails, so re-recording is always deliberate.
@Suite(.serialized) struct ReferenceTests {
    static let casesFolder = Paths.repo("Tests/XBorderCoreTests/Reference/Cases")
    static let cases = FileSystem.list(casesFolder).filter { FileSystem.isDirectory(casesFolder + "/" + $0) }
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    static let compared = [
        "findings.csv", "findings.json", "diagnostics.txt", "report.xhtml", "report.html", "manifest.json",
    ]

    @Test("golden case", arguments: cases)
    func golden(_ name: String) throws {
        let folder = Self.casesFolder + "/" + name
        let work = Paths.temporaryDirectory()
        let period = work + "/2026-Q3"
        try FileManager.default.copyItem(atPath: folder + "/input", toPath: period)
        var config = Config(periodDirectory: period)
        config.outputDirectory = work + "/Output"
        config.referenceDirectory = Paths.repo("Tests/XBorderCoreTests/Reference/GoldenReference")
        config.templatesDirectory = Paths.repo("Templates")
        let outcome = ReportPipeline.run(config)
        defer { try? FileManager.default.removeItem(atPath: work) }
        if !FileSystem.exists(folder + "/expected/report.xhtml") {
            #expect(outcome.archivePath == nil)
            let actual = outcome.diagnostics.map { config.layout.display($0).description }.joined(separator: "\n") + "\n"
            let relative = actual.replacingOccurrences(of: FileSystem.baseName(work) + "/", with: "")
            let expectedPath = folder + "/expected/diagnostics.txt"
            if Self.recording { try FileSystem.write(expectedPath, Array(relative.utf8)) }
            #expect(relative == String(decoding: try FileSystem.read(expectedPath), as: UTF8.self))
            return
        }
        let archived = try #require(outcome.archivePath, "\(outcome.diagnostics)")
        #expect(outcome.rowsRead == outcome.rowsAssessed + outcome.rowsRejected)
        let validator = ReportValidator(templates: nil)
        for file in Self.compared {
            // Paths inside outputs differ per run: make them relative to the case.
            var actual = String(decoding: try FileSystem.read(archived + "/" + file), as: UTF8.self)
                .replacingOccurrences(of: work + "/", with: "")
                .replacingOccurrences(of: FileSystem.baseName(work) + "/", with: "")
                .replacingOccurrences(of: Paths.root + "/", with: "")
            if file == "manifest.json" { actual = Self.maskingPathDependentHashes(actual) }
            let expectedPath = folder + "/expected/" + file
            if Self.recording {
                try FileManager.default.createDirectory(atPath: folder + "/expected", withIntermediateDirectories: true)
                try FileSystem.write(expectedPath, Array(actual.utf8))
                Issue.record("recorded \(name)/expected/\(file); run again without RECORD_GOLDEN")
                continue
            }
            let expected = String(decoding: try FileSystem.read(expectedPath), as: UTF8.self)
            if actual != expected {
                let diff = Self.unifiedDiff(expected: expected, actual: actual, name: "\(name)/expected/\(file)")
                Issue.record(Comment(rawValue: "\(name)/\(file) differs (RECORD_GOLDEN=1 re-records):\n\(diff)"))
            }
            if file == "report.xhtml" {
                #expect(validator.validateXHTML(Array(expected.utf8), path: expectedPath).map(\.description) == [])
            }
        }
    }

    /// manifest.json with the hash and size of the generated files that quote the run's
    /// (temporary) paths masked; the hashes of inputs, reference files and templates stay.
    static func maskingPathDependentHashes(_ manifest: String) -> String {
        var lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let generated = ["diagnostics.txt", "report.html", "report.xhtml", "findings.json", "findings.csv", "rejected.csv"]
        for i in lines.indices where generated.contains(where: { lines[i].hasSuffix("\"path\": \"\($0)\",") }) {
            for j in (i + 1)..<min(i + 3, lines.count) {
                if lines[j].contains("\"sha256\"") { lines[j] = "      \"sha256\": \"(depends on the run's paths)\"," }
                if lines[j].contains("\"size\"") { lines[j] = "      \"size\": 0" }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A unified diff of the differing region: the lines between the common prefix and the common
    /// suffix, with three lines of context, at most 40 lines shown.
    static func unifiedDiff(expected: String, actual: String, name: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < min(e.count, a.count) && e[prefix] == a[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(e.count, a.count) - prefix && e[e.count - 1 - suffix] == a[a.count - 1 - suffix] { suffix += 1 }
        let start = max(0, prefix - 3)
        let eEnd = min(e.count, e.count - suffix + 3)
        let aEnd = min(a.count, a.count - suffix + 3)
        var lines = ["--- \(name)", "+++ actual", "@@ -\(start + 1),\(eEnd - start) +\(start + 1),\(aEnd - start) @@"]
        for i in start..<prefix { lines.append(" \(e[i])") }
        for i in prefix..<(e.count - suffix) { lines.append("-\(e[i])") }
        for i in prefix..<(a.count - suffix) { lines.append("+\(a[i])") }
        for i in (e.count - suffix)..<eEnd { lines.append(" \(e[i])") }
        let shown = lines.prefix(43)
        return shown.joined(separator: "\n") + (lines.count > shown.count ? "\n… \(lines.count - shown.count) more lines" : "")
    }
}
