import Foundation
import Testing
import XBorderCore
import TestSupport

/// `--locale en,ja`: both editions in one archived period, each valid, listed in the manifest and
/// re-validated by `verify`.
@Suite struct EditionsTests {
    @Test("two editions are archived side by side as report.html and report.ja.html, and verify checks both")
    func englishAndJapanese() throws {
        let output = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var config = ReportPipelineTests.config("2026-Q3", output: output)
        config.extraLocales = ["ja"]
        let outcome = ReportPipeline.run(config)
        let folder = try #require(outcome.archivePath, "\(outcome.diagnostics)")
        for name in ["report.html", "report.xhtml", "report.ja.html", "report.ja.xhtml"] {
            #expect(FileSystem.exists(folder + "/" + name), "\(name)")
        }
        let english = try ReportPipelineTests.text(folder + "/report.html")
        let japanese = try ReportPipelineTests.text(folder + "/report.ja.html")
        #expect(english.contains("lang=\"en\"") && english.contains("Board brief"))
        #expect(japanese.contains("lang=\"ja\"") && japanese.contains("取締役会向け要旨"))
        let manifest = try ReportPipelineTests.text(folder + "/manifest.json")
        #expect(manifest.contains("\"report.ja.xhtml\"") && manifest.contains("\"locale\": \"en,ja\""))
        let report = ArchiveVerifier.verify(folder, limits: .init())
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        // A changed Japanese edition is caught (and it is re-validated, not only hashed).
        var bytes = try FileSystem.read(folder + "/report.ja.xhtml")
        bytes[bytes.count / 2] = UInt8(ascii: "<")
        try FileSystem.write(folder + "/report.ja.xhtml", bytes)
        let tampered = ArchiveVerifier.verify(folder, limits: .init())
        #expect(tampered.diagnostics.contains { $0.code == "verify.changed" && $0.description.contains("report.ja.xhtml") })
    }
}
