import Foundation
import Testing
import XBorderCore
import TestSupport

/// An expert panel: scenario flows (`Panel/flows.csv`, with `Panel/decisions.csv`) and the
/// residual band a practitioner would give each finding, with a one-line rationale
/// (`Panel/expected.csv`; `none` where no finding should exist; `not_citing`, a law that must
/// not drive the finding). They run through the real pipeline — decoder, shipped reference
/// data (`Inputs/reference`), rules, decisions, templates and archive — as of 2026-09-30, so a
/// change to the reference data that a lawyer would not sign fails here.
@Suite("Expert panel")
struct ExpertPanelTests {
    struct Expectation {
        var findingID: String
        var band: String
        var notCiting: String
        var rationale: String
    }

    static let folder = Paths.repo("Tests/XBorderCoreTests/Assessment/Panel")

    static func expectations() throws -> [Expectation] {
        var log = DiagnosticLog()
        let bytes = try FileSystem.read(folder + "/expected.csv")
        let table = makeKeyedTable(
            String(decoding: bytes, as: UTF8.self), path: "expected.csv", required: ["finding_id", "band", "rationale"],
            diagnostics: &log)
        return table.rows.map {
            Expectation(findingID: $0["finding_id"], band: $0["band"], notCiting: $0["not_citing"], rationale: $0["rationale"])
        }
    }

    @Test("every scenario gets the band a practitioner gives it")
    func panel() throws {
        let work = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let period = work + "/2026-Q3"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        for name in ["flows.csv", "decisions.csv"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: period + "/" + name)
        }
        var config = Config(periodDirectory: period)
        config.outputDirectory = work + "/Output"
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        let outcome = ReportPipeline.run(config)
        let archive = try #require(outcome.archivePath, "\(outcome.diagnostics)")
        var log = DiagnosticLog()
        let findings = makeKeyedTable(
            String(decoding: try FileSystem.read(archive + "/findings.csv"), as: UTF8.self), path: "findings.csv",
            required: ["finding_id", "residual_band", "laws", "decision"], diagnostics: &log)
        var byID: [String: KeyedTable.Row] = [:]
        for row in findings.rows { byID[row["finding_id"]] = row }

        let expectations = try Self.expectations()
        #expect(expectations.count >= 40)
        for e in expectations {
            let row = byID[e.findingID]
            let actual = row?["residual_band"] ?? "none"
            #expect(actual == e.band, "\(e.findingID): \(actual) (\(row?["explanation"] ?? "no finding")); the panel says \(e.band): \(e.rationale)")
            if !e.notCiting.isEmpty, let row {
                #expect(!row["laws"].contains(e.notCiting), "\(e.findingID) cites \(e.notCiting), not in force on the as-of date")
            }
        }
        // The jurisdiction without rows is named, with its flow, never silently treated as safe.
        let notAssessed = outcome.diagnostics.filter { $0.code == "reference.not-assessed" }.map(\.message)
        #expect(notAssessed.contains { $0.contains("Kenya (KE)") && $0.contains("P18") }, "\(notAssessed)")
        // The contradicted control is reported, and the expired acceptance re-opens its finding.
        #expect(outcome.diagnostics.contains { $0.code == "assessment.control-contradiction" && $0.message.hasPrefix("P24:GOV") })
        #expect(byID["P25:GOV"]?["decision"] == "open")
    }
}
