import Foundation
import Testing
import XBorderCore
import TestSupport

/// The whole pipeline on the shipped sample and on small inventories: archive contents,
/// determinism, rejection without loss, write-once revisions, the view-model contract.
@Suite(.serialized) struct ReportPipelineTests {
    static func config(_ period: String, output: String) -> Config {
        var config = Config(periodDirectory: Paths.repo("Inputs/\(period)"))
        config.outputDirectory = output
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        return config
    }

    static func file(_ path: String) throws -> [UInt8] { try FileSystem.read(path) }
    static func text(_ path: String) throws -> String { String(decoding: try file(path), as: UTF8.self) }

    @Test("the sample quarters archive every file, cover all six risk types and cite a law and URL")
    func sampleRun() throws {
        let output = Paths.temporaryDirectory()
        let q2 = ReportPipeline.run(Self.config("2026-Q2", output: output))
        #expect(q2.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let outcome = ReportPipeline.run(Self.config("2026-Q3", output: output))
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let folder = try #require(outcome.archivePath)
        for name in ["report.html", "report.xhtml", "findings.csv", "findings.json", "manifest.json", "diagnostics.txt",
                     "rejected.csv", "inputs/flows.csv", "inputs/decisions.csv", "reference/exposures.csv"] {
            #expect(FileSystem.exists(folder + "/" + name), "\(name)")
        }
        #expect(outcome.rowsRead == outcome.rowsAssessed + outcome.rowsRejected)
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "findings.csv", bytes: try Self.file(folder + "/findings.csv")), diagnostics: &log)
        let table = KeyedTable(sheet.readTable(diagnostics: &log), required: ["risk", "laws", "sources"], diagnostics: &log)
        #expect(Set(table.rows.map { $0["risk"] }) == Set(RiskType.allCases.map(\.rawValue)))
        for row in table.rows where ["LOC", "GOV", "DIS"].contains(row["risk"]) {
            #expect(!row["laws"].isEmpty && row["sources"].hasPrefix("http"), "\(row["finding_id"])")
        }
        let xhtml = try Self.text(folder + "/report.xhtml")
        #expect(xhtml.contains("2026-Q2"), "the Q3 report compares with Q2")
        #expect(ArchiveVerifier.verify(folder).diagnostics.map(\.description) == [])
    }

    @Test("two runs of the same period give byte-identical reports and companions")
    func deterministic() throws {
        let a = Paths.temporaryDirectory(), b = Paths.temporaryDirectory()
        let first = try #require(ReportPipeline.run(Self.config("2026-Q3", output: a)).archivePath)
        let second = try #require(ReportPipeline.run(Self.config("2026-Q3", output: b)).archivePath)
        for name in ["report.html", "report.xhtml", "findings.csv", "findings.json", "manifest.json"] {
            #expect(try Self.file(first + "/" + name) == (try Self.file(second + "/" + name)), "\(name)")
        }
    }

    @Test("the number of threads never changes a byte: 10,000 flows (three chunks) on 1, 2 and 3 threads")
    func threadsDoNotChangeOutput() throws {
        let input = Paths.temporaryDirectory() + "/2030-Q1"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let countries = ["JP", "CN", "US", "DE", "VN", "IN", "SG", "KR", "Germny", "GB"]
        let categories = ["technical", "operational", "supply_chain", "personal", "security_logs", "bogus"]
        let levels = ["public", "internal", "confidential", "secret"]
        let controls = ["", "M04", "M06;M11", "M02;M05;M14", "M99"]
        var csv = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,"
            + "storage_countries,controls,recipient_type,owner\n"
        var state: UInt64 = 42
        func pick(_ values: [String]) -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return values[Int((state >> 33) % UInt64(values.count))]
        }
        for i in 0..<10_000 {
            csv += "F\(i % 9_990),\"Asset, \(i)\",\(pick(categories)),\(pick(levels)),\(pick(countries)),"
                + "\(pick(countries)),\"\(pick(countries));\(pick(countries))\",\(pick(controls)),"
                + "\(pick(["group_company", "cloud_provider", "partner", ""])),Owner \(i % 7)\n"
        }
        try FileSystem.write(input + "/flows.csv", Array(csv.utf8))
        var archives: [String] = []
        for threads in [1, 2, 3] {
            var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
            config.periodDirectory = input
            config.parallelism = threads
            let outcome = ReportPipeline.run(config)
            archives.append(try #require(outcome.archivePath))
        }
        for name in ["report.html", "report.xhtml", "findings.csv", "findings.json", "rejected.csv", "diagnostics.txt"] {
            let first = try Self.file(archives[0] + "/" + name)
            #expect(first.count > 0 || name == "diagnostics.txt", "\(name)")
            for other in archives.dropFirst() {
                #expect(try Self.file(other + "/" + name) == first, "\(name)")
            }
        }
    }

    @Test("a re-run never overwrites: it archives revision 2, which names what it supersedes")
    func revisions() throws {
        let output = Paths.temporaryDirectory()
        let first = try #require(ReportPipeline.run(Self.config("2026-Q2", output: output)).archivePath)
        let before = try Self.file(first + "/manifest.json")
        let second = try #require(ReportPipeline.run(Self.config("2026-Q2", output: output)).archivePath)
        #expect(second.hasSuffix("2026-Q2-r2"))
        #expect(try Self.file(first + "/manifest.json") == before)
        let manifest = try Self.text(second + "/manifest.json")
        #expect(manifest.contains("\"supersedes\": \"2026-Q2\""))
        #expect(manifest.contains("\"revision\": 2"))
    }

    @Test("bad rows are rejected, listed and counted; the run still archives the record")
    func rejectedRows() throws {
        let input = Paths.temporaryDirectory() + "/2026-Q1"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileSystem.write(
            input + "/flows.csv",
            Array(("flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,owner\n"
                + "F1,CAD,technical,secret,JP,CN,Legal\nF2,Logs,security_logs,internal,Germny,IN,IT\n"
                + "F3,Tooling,technical,internal,JP,US,=HYPERLINK(\"x\")\n").utf8))
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.periodDirectory = input
        let outcome = ReportPipeline.run(config)
        #expect(outcome.rowsRead == 3 && outcome.rowsAssessed == 2 && outcome.rowsRejected == 1)
        #expect(outcome.failed(strict: false))
        let folder = try #require(outcome.archivePath)
        let rejected = try Self.text(folder + "/rejected.csv")
        #expect(rejected.contains("flows.csv:3,3,F2,input.country"))
        let findings = try Self.text(folder + "/findings.csv")
        #expect(findings.contains("'=HYPERLINK"))
        let html = try Self.text(folder + "/report.html")
        #expect(html.contains("Germny"))
    }

    @Test("--strict refuses to archive when there are warnings")
    func strict() throws {
        let input = Paths.temporaryDirectory() + "/2026-Q1"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileSystem.write(
            input + "/flows.csv",
            Array("flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,controls\nF1,CAD,technical,secret,JP,CN,M99\n".utf8))
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.periodDirectory = input
        config.strict = true
        let outcome = ReportPipeline.run(config)
        #expect(outcome.archivePath == nil)
        #expect(FileSystem.list(config.outputDirectory).filter { !$0.hasPrefix(".") }.isEmpty)
    }

    @Test("a missing flows.csv is an error and archives nothing")
    func missingInput() throws {
        let input = Paths.temporaryDirectory() + "/2026-Q1"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.periodDirectory = input
        let outcome = ReportPipeline.run(config)
        #expect(outcome.archivePath == nil)
        #expect(outcome.diagnostics.contains { $0.code == "input.missing-file" && $0.location?.file.hasSuffix("flows.csv") == true })
    }

    @Test("the view model built from the sample has every field of the documented fixture")
    func viewModelContract() throws {
        let output = Paths.temporaryDirectory()
        _ = ReportPipeline.run(Self.config("2026-Q2", output: output))
        var config = Self.config("2026-Q3", output: output)
        config.viewModelDump = output + "/view-model.json"
        _ = ReportPipeline.run(config)
        let built = try ViewNode.fromJSON(Data(contentsOf: URL(fileURLWithPath: output + "/view-model.json")))
        let fixture = try ViewNode.fromJSON(
            Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/XBorderCoreTests/Rendering/Fixtures/view-model.full.json"))))
        // Fields inside lists the sample leaves empty (it has no diagnostics) cannot be compared.
        let empty = built.emptyListPaths()
        let missing = fixture.keyPaths().subtracting(built.keyPaths()).filter { path in
            !empty.contains { path.hasPrefix($0) }
        }.sorted()
        #expect(missing == [], "fields the templates expect but the pipeline does not produce")
    }

    @Test("Q3 names what changed since Q2: new, resolved and changed findings with reasons, and the trend")
    func changesSinceLastQuarter() throws {
        let output = Paths.temporaryDirectory()
        _ = ReportPipeline.run(Self.config("2026-Q2", output: output))
        var config = Self.config("2026-Q3", output: output)
        config.viewModelDump = output + "/vm.json"
        _ = try #require(ReportPipeline.run(config).archivePath)
        let model = try ViewNode.fromJSON(Data(contentsOf: URL(fileURLWithPath: output + "/vm.json")))
        #expect(model["summary.hasChanges"] == .flag(true))
        #expect(model["changes.previousPeriod"] == .text("2026-Q2"))
        guard case .list(let resolved)? = model["changes.resolved"], case .list(let new)? = model["changes.new"] else {
            Issue.record("changes lists missing")
            return
        }
        // Q3 winds down the Russian distributor (flows removed) and adds new flows.
        #expect(resolved.contains { $0["reason"] == .text("flow removed from the inventory") })
        #expect(new.contains { $0["reason"] == .text("flow added to the inventory") })
        guard case .list(let trend)? = model["changes.trend"] else { return }
        #expect(trend.count == 2)
        #expect(model["changes.trendChart.bars"] != nil)
    }

    @Test("a second run on the same archive is refused while the first holds the lock")
    func locked() throws {
        let output = Paths.temporaryDirectory()
        let first = try ArchiveWriter(outputDirectory: output, period: "2026-Q2")
        let outcome = ReportPipeline.run(Self.config("2026-Q2", output: output))
        #expect(outcome.archivePath == nil)
        #expect(outcome.diagnostics.contains { $0.code == "archive.unavailable" && $0.message.contains("another xborder run") })
        _ = first
    }

    @Test("the Japanese report has no English headings and uses the METI terms")
    func japanese() throws {
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.locale = "ja"
        let folder = try #require(ReportPipeline.run(config).archivePath)
        let html = try Self.text(folder + "/report.xhtml")
        for term in ["リスクの可視化", "リスクの評価", "打ち手の実施", "データローカライゼーション", "ガバメントアクセス", "強制的なデータ共有・開示"] {
            #expect(html.contains(term), "\(term)")
        }
        var english: [String] = []
        for match in html.matches(of: /<h([1-6])[^>]*>(.*?)<\/h\1>/.dotMatchesNewlines()) {
            let text = String(match.output.2)
                .replacing(/<[^>]+>/, with: "")
                .replacing(/F[0-9A-Za-z_-]+:[A-Z]{3}/, with: "")
            if text.contains(/[A-Za-z]{3,}/) { english.append(text) }
        }
        #expect(english == [], "headings with English words")
        #expect(html.contains("xml:lang=\"ja\""))
        #expect(html.contains("2026年9月30日"), "dates in Japanese convention")
    }

    @Test("settings.csv names the organization, sets top-N and hides optional sections")
    func settings() throws {
        let input = Paths.temporaryDirectory() + "/2026-Q3"
        try FileManager.default.copyItem(atPath: Paths.repo("Inputs/2026-Q3"), toPath: input)
        try FileSystem.write(
            input + "/settings.csv",
            Array("key,value\norganization,Example KK\ntop_n,7\nhide_sections,appendix;quality\nbogus,1\n".utf8))
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.periodDirectory = input
        let outcome = ReportPipeline.run(config)
        let folder = try #require(outcome.archivePath)
        let html = try Self.text(folder + "/report.html")
        #expect(html.contains("Example KK"))
        #expect(!html.contains("id=\"appendix\"") && !html.contains("id=\"quality\""))
        #expect(html.contains("id=\"step1\""))
        #expect(html.matches(of: /class="finding-row"/).count == 7)
        #expect(outcome.diagnostics.contains { $0.code == "settings.unknown-key" })
    }

    /// A period folder holding `flows` as flows.csv, and a configuration for it.
    static func period(_ flows: String) throws -> Config {
        let input = Paths.temporaryDirectory() + "/2026-Q1"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileSystem.write(input + "/flows.csv", Array(flows.utf8))
        var config = Self.config("2026-Q3", output: Paths.temporaryDirectory())
        config.periodDirectory = input
        return config
    }

    @Test("a lowered cell limit rejects a 2 KiB cell that the default accepts, and the manifest records the limits")
    func cellLimit() throws {
        let header = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,notes\n"
        var config = try Self.period(header + "F1,CAD,technical,secret,JP,CN,\(String(repeating: "n", count: 2048))\nF2,X,other,public,JP,US,\n")
        let standard = ReportPipeline.run(config)
        #expect(standard.rowsAssessed == 2 && standard.rowsRejected == 0)
        #expect(!standard.failed(strict: false))
        let standardManifest = try Self.text(try #require(standard.archivePath) + "/manifest.json")
        #expect(standardManifest.contains("\"max_input_bytes\": \"1073741824\""))
        #expect(standardManifest.contains("\"max_cell_bytes\": \"1048576\""))
        #expect(standardManifest.contains("\"max_columns\": \"4096\""))

        config.csvLimits.maxFieldBytes = 1024
        config.outputDirectory = Paths.temporaryDirectory()
        let limited = ReportPipeline.run(config)
        #expect(limited.rowsRead == 2 && limited.rowsAssessed == 1 && limited.rowsRejected == 1)
        #expect(limited.diagnostics.contains { $0.code == "csv.field-too-long" && $0.location?.line == 2 && $0.location?.column == 7 })
        let folder = try #require(limited.archivePath)
        let rejected = try Self.text(folder + "/rejected.csv")
        #expect(rejected.contains("flows.csv:2,2,F1,csv.field-too-long,cell is longer than 1024 bytes (raise the limit with --max-cell-bytes)"))
        let manifest = try Self.text(folder + "/manifest.json")
        #expect(manifest.contains("\"max_cell_bytes\": \"1024\""))
    }

    @Test("an input over the size limit is refused before it is read, and nothing is archived")
    func inputLimit() throws {
        var config = try Self.period("flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\nF1,CAD,technical,secret,JP,CN\n")
        config.maxInputBytes = 50
        let outcome = ReportPipeline.run(config)
        #expect(outcome.archivePath == nil)
        let d = try #require(outcome.diagnostics.first { $0.location?.file == config.periodDirectory + "/flows.csv" })
        #expect(d.description.hasSuffix(
            "flows.csv: error: file is 114 bytes, larger than the limit of 50 bytes (raise the limit with --max-input-bytes) [input.too-large]"))
    }

    @Test("rejected.csv lists every rejected row, also beyond those kept in memory, in file order")
    func manyRejected() throws {
        var flows = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\n"
        let count = RejectedRows.keptLimit + 50
        for i in 0..<count { flows += i == 5_000 ? "OK,A,other,public,JP,US\n" : "R\(i),A,other,public,JP,\n" }
        let config = try Self.period(flows)
        let outcome = ReportPipeline.run(config)
        #expect(outcome.rowsRead == count && outcome.rowsAssessed == 1 && outcome.rowsRejected == count - 1)
        let folder = try #require(outcome.archivePath)
        let lines = try Self.text(folder + "/rejected.csv")
            .split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == count, "header + every rejected row")
        let ids = lines.dropFirst().map { $0.split(separator: ",")[2] }
        #expect(ids == (0..<count).filter { $0 != 5_000 }.map { "R\($0)"[...] })
        #expect(ArchiveVerifier.verify(folder).diagnostics.map(\.description) == [])
    }
}
