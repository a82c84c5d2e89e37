import Foundation
import Testing
import XBorderCore
import TestSupport

/// The `scenarios` node of the view model (docs/VIEW_MODEL.md) built from the sample's run.
@Suite(.serialized) struct ScenariosViewModelTests {
    static func model(locale: String, topN: Int = 25) throws -> ViewNode {
        let output = Paths.temporaryDirectory()
        var config = ReportPipelineTests.config("2026-Q3", output: output)
        config.locale = locale
        config.topN = topN
        config.topNExplicit = true
        config.viewModelDump = output + "/view-model.json"
        let outcome = ReportPipeline.run(config)
        #expect(outcome.archivePath != nil, "\(outcome.diagnostics.filter { $0.severity == .error })")
        return try ViewNode.fromJSON(Data(contentsOf: URL(fileURLWithPath: output + "/view-model.json")))
    }

    static func items(_ model: ViewNode) throws -> [ViewNode] {
        guard case .list(let items)? = model["scenarios.items"] else { throw CancellationError() }
        return items
    }

    @Test("each scenario has its measures, owner, cost, band counts before and after and its changed findings")
    func english() throws {
        let model = try Self.model(locale: "en", topN: 5)
        #expect(model["scenarios.hasScenarios"] == .flag(true))
        let items = try Self.items(model)
        #expect(items.map { $0["id"] } == ["S1", "S2", "S3", "S4"].map { .text($0) })
        let s1 = try #require(items.first)
        #expect(s1["cost"] == .text("JPY 18M/yr"))
        #expect(s1["owner"] == .text("IT Infrastructure (CIO)"))
        #expect(s1["flowsSelected"] == .text("14"))
        guard case .list(let bands)? = s1["bands"], case .list(let changes)? = s1["changes"] else {
            Issue.record("bands and changes are lists")
            return
        }
        #expect(bands.map { $0["key"] } == ["Critical", "High", "Medium", "Low"].map { .text($0) })
        #expect(changes.count == 5, "cut to top-N")
        #expect(s1["changesTruncated"] == .flag(true))
        #expect(changes.first?["findingId"] == .text("F0004:GOV"))
        #expect(changes.first?["beforeClass"] == .text("band-high"))
        #expect(changes.first?["afterClass"] == .text("band-medium"))
        #expect(items[3]["changesTruncated"] == .flag(false))
        #expect(items[3]["changesNote"] == .text(""))
    }

    @Test("the Japanese report takes title_ja and notes_ja, and Japanese band labels")
    func japanese() throws {
        let items = try Self.items(try Self.model(locale: "ja"))
        #expect(items.first?["title"] == .text("米国クラウド上の極秘・秘データへの顧客管理鍵の導入"))
        #expect(items.first?["measures"] == .list([["id": "M06", "title": "顧客管理鍵による暗号化"]]))
        guard case .text(let label)? = items.first?["bands"].flatMap({ node -> ViewNode? in
            if case .list(let l) = node { return l.first?["band"] }
            return nil
        }) else {
            Issue.record("band label")
            return
        }
        #expect(label != "Critical")
    }
}
