import Foundation
import Testing
import XBorderCore
import TestSupport

/// The risk type × jurisdiction chart (`step2.riskChart`) built by the pipeline from an inventory
/// that touches more jurisdictions than the chart may show.
@Suite(.serialized) struct RiskMatrixChartTests {
    /// JP sends secret design data to 18 partners; the n-th destination gets 19 − n flows, so the
    /// jurisdictions have clearly different numbers of findings.
    static let destinations = "US CN DE FR GB IN SG VN TH KR TW MX BR AU CA ID MY PH".split(separator: " ")

    /// Runs the pipeline on that inventory; returns the view model and the findings.csv rows.
    static func run(topN: Int? = nil, locale: String = "en") throws -> (model: ViewNode, findings: [KeyedTable.Row]) {
        let work = Paths.temporaryDirectory()
        let period = work + "/2026-Q3"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        var csv = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,recipient_type\n"
        var n = 0
        for (i, destination) in destinations.enumerated() {
            for _ in 0..<(destinations.count - i) {
                n += 1
                csv += "F\(n),Design data \(n),technical,secret,JP,\(destination),partner\n"
            }
        }
        try FileSystem.write(period + "/flows.csv", Array(csv.utf8))
        var config = Config(periodDirectory: period)
        config.outputDirectory = work + "/Output"
        // The frozen reference data of the golden cases: the counts below must not move when an
        // analyst edits Inputs/reference.
        config.referenceDirectory = Paths.repo("Tests/XBorderCoreTests/Reference/GoldenReference")
        config.templatesDirectory = Paths.repo("Templates")
        config.viewModelDump = work + "/view-model.json"
        config.locale = locale
        if let topN {
            config.topN = topN
            config.topNExplicit = true
        }
        let outcome = ReportPipeline.run(config)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let archive = try #require(outcome.archivePath, "the report with the chart validates and is archived")
        let model = try ViewNode.fromJSON(Data(contentsOf: URL(fileURLWithPath: config.viewModelDump!)))
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "findings.csv", bytes: try FileSystem.read(archive + "/findings.csv")), diagnostics: &log)
        let table = KeyedTable(sheet.readTable(diagnostics: &log), required: ["risk", "jurisdictions"], diagnostics: &log)
        return (model, table.rows)
    }

    static func list(_ node: ViewNode?) -> [ViewNode] {
        if case .list(let items)? = node { return items }
        return []
    }

    static func text(_ node: ViewNode?) -> String {
        if case .text(let value)? = node { return value }
        return ""
    }

    static func number(_ node: ViewNode?) -> Double { Double(text(node)) ?? .nan }

    /// Findings per jurisdiction as the report counts them: the jurisdictions whose law drove a
    /// LOC, GOV or DIS finding; the destination for the others.
    static func findingsPerJurisdiction(_ rows: [KeyedTable.Row]) -> [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for row in rows {
            let codes = ["LOC", "GOV", "DIS"].contains(row["risk"])
                ? row["jurisdictions"].split(separator: ";").map(String.init) : [row["destination_country"]]
            for code in codes { counts[code, default: 0] += 1 }
        }
        return counts.map { (code: $0.key, count: $0.value) }.sorted { ($0.count, $1.code) > ($1.count, $0.code) }
    }

    @Test("the chart shows the 12 jurisdictions with the most findings, most first, and says how many it left out")
    func busiestColumns() throws {
        let (model, findings) = try Self.run()
        let expected = Self.findingsPerJurisdiction(findings)
        #expect(expected.count == Self.destinations.count + 1)
        let chart = try #require(model["step2.riskChart"])
        let codes = Self.list(chart["columns"]).map { Self.text($0["code"]) }
        #expect(codes == expected.prefix(12).map(\.code))
        #expect(Self.list(model["step2.riskMatrix.columns"]).map { Self.text($0["code"]) } == codes, "the table has the chart's columns")
        #expect(chart["truncated"] == .flag(true))
        #expect(Self.text(chart["note"]) == "\(expected.count - 12) more jurisdictions with fewer findings are not shown (12 of \(expected.count) shown); findings.csv lists every finding.")
        let rows = Self.list(chart["rows"])
        #expect(rows.map { Self.text($0["riskId"]) } == ["LOC", "GOV", "DIS", "PRV", "AVL", "TRU"])
        for (c, code) in codes.enumerated() {
            let inChart = rows.reduce(0) { $0 + (Int(Self.text(Self.list($1["cells"])[c]["count"])) ?? 0) }
            #expect(inChart == expected.first { $0.code == code }?.count, "\(code)")
        }
    }

    @Test("every cell, label and legend entry lies inside the chart's viewBox")
    func geometryInsideViewBox() throws {
        for locale in ["en", "ja"] {
            let chart = try #require(try Self.run(locale: locale).model["step2.riskChart"])
            let width = Self.number(chart["width"]), height = Self.number(chart["height"])
            #expect(Self.text(chart["viewBox"]) == "0 0 \(Self.text(chart["width"])) \(Self.text(chart["height"]))")
            for row in Self.list(chart["rows"]) {
                let labelWidth = ReportViewModelBuilder.textWidth(Self.text(row["riskShort"]), size: 12, bold: true)
                #expect(Self.number(row["labelX"]) - labelWidth >= 0, "\(locale) row label \(Self.text(row["riskShort"]))")
                for cell in Self.list(row["cells"]) {
                    #expect(Self.number(cell["x"]) + Self.number(cell["width"]) <= width)
                    #expect(Self.number(cell["y"]) + Self.number(cell["height"]) <= height)
                }
            }
            for column in Self.list(chart["columns"]) {
                // Drawn at -45°: it rises and runs right by its width × cos 45°.
                let run = ReportViewModelBuilder.textWidth(Self.text(column["label"]), size: 11) * 0.7072
                #expect(Self.number(column["labelX"]) + run <= width, "\(locale) \(Self.text(column["code"]))")
                #expect(Self.number(column["labelY"]) - run >= 0, "\(locale) \(Self.text(column["code"]))")
            }
            for entry in Self.list(chart["legend"]) {
                let right = Self.number(entry["textX"]) + ReportViewModelBuilder.textWidth(Self.text(entry["label"]), size: 11)
                #expect(right <= width, "\(locale) legend \(Self.text(entry["label"]))")
                #expect(Self.number(entry["textY"]) <= height)
            }
        }
    }

    @Test("a smaller top-N lowers the number of columns")
    func topNBoundsColumns() throws {
        let chart = try #require(try Self.run(topN: 5).model["step2.riskChart"])
        #expect(Self.list(chart["columns"]).count == 5)
        #expect(Self.text(chart["note"]).hasPrefix("14 more jurisdictions"))
    }

    @Test("long names are cut with an ellipsis to the label width; short ones are kept")
    func abbreviation() {
        let long = ReportViewModelBuilder.abbreviated("United Kingdom of Great Britain and Northern Ireland", size: 11, maxWidth: 130)
        #expect(long.hasSuffix("…") && long.hasPrefix("United Kingdom"))
        #expect(ReportViewModelBuilder.textWidth(long, size: 11) <= 130)
        let japanese = ReportViewModelBuilder.abbreviated("グレートブリテン及び北アイルランド連合王国", size: 11, maxWidth: 130)
        #expect(japanese.hasSuffix("…") && ReportViewModelBuilder.textWidth(japanese, size: 11) <= 130)
        #expect(ReportViewModelBuilder.abbreviated("Viet Nam", size: 11, maxWidth: 130) == "Viet Nam")
        #expect(ReportViewModelBuilder.textWidth("日本", size: 10) == 20)
    }
}
