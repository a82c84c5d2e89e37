import Foundation
import Testing
import XBorderCore

/// Golden whole-pipeline cases: each folder under `Cases/` holds `input/` (a period's files) and
/// `expected/` (findings.csv, diagnostics.txt, report.xhtml). The expected XHTML is itself
/// validated against the DTD. A case whose `expected/` holds only diagnostics.txt must archive
/// nothing. `RECORD_GOLDEN=1 swift test` rewrites the expected files and still fails, so
/// re-recording is always deliberate.
@Suite(.serialized) struct ReferenceTests {
    static let casesFolder = Paths.repo("Tests/XBorderCoreTests/Reference/Cases")
    static let cases = FileSystem.list(casesFolder).filter { FileSystem.isDirectory(casesFolder + "/" + $0) }
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    static let compared = ["findings.csv", "diagnostics.txt", "report.xhtml"]

    @Test("golden case", arguments: cases)
    func golden(_ name: String) throws {
        let folder = Self.casesFolder + "/" + name
        let work = Paths.temporaryDirectory()
        let period = work + "/2026-Q3"
        try FileManager.default.copyItem(atPath: folder + "/input", toPath: period)
        var config = Config(periodDirectory: period)
        config.outputDirectory = work + "/Output"
        config.referenceDirectory = Paths.repo("Inputs/reference")
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
            let actual = String(decoding: try FileSystem.read(archived + "/" + file), as: UTF8.self)
                .replacingOccurrences(of: work + "/", with: "")
                .replacingOccurrences(of: FileSystem.baseName(work) + "/", with: "")
                .replacingOccurrences(of: Paths.root + "/", with: "")
            let expectedPath = folder + "/expected/" + file
            if Self.recording {
                try FileManager.default.createDirectory(atPath: folder + "/expected", withIntermediateDirectories: true)
                try FileSystem.write(expectedPath, Array(actual.utf8))
                Issue.record("recorded \(name)/expected/\(file); run again without RECORD_GOLDEN")
                continue
            }
            let expected = String(decoding: try FileSystem.read(expectedPath), as: UTF8.self)
            if actual != expected {
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
                Issue.record(
                    """
                    \(name)/\(file) differs at line \(first + 1):
                    - expected: \(first < e.count ? String(e[first]) : "<end>")
                    + actual:   \(first < a.count ? String(a[first]) : "<end>")
                    (RECORD_GOLDEN=1 re-records)
                    """)
            }
            if file == "report.xhtml" {
                #expect(validator.validateXHTML(Array(expected.utf8), path: expectedPath).map(\.description) == [])
            }
        }
    }
}
