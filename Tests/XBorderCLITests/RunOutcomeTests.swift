import Foundation
import Testing

/// `xborder run` as a script sees it: exit statuses, the archive path under `--quiet`, no counts
/// for what was never read, revisions announced, every period archived when none is given, and
/// runs from another working directory without absolute paths in the archive.
@Suite(.serialized) struct RunOutcomeTests {
    typealias CLI = CLITests

    /// A throw-away copy of the project's `Inputs/` and `Templates/` (removed by `remove()`).
    struct Project {
        let root: String

        init(periods: [String] = ["2026-Q2", "2026-Q3"]) throws {
            root = CLI.temporaryDirectory()
            let files = FileManager.default
            try files.createDirectory(atPath: root + "/Inputs", withIntermediateDirectories: true)
            for name in ["reference", "settings.csv"] + periods {
                try files.copyItem(atPath: CLI.root + "/Inputs/" + name, toPath: root + "/Inputs/" + name)
            }
            try files.copyItem(atPath: CLI.root + "/Templates", toPath: root + "/Templates")
        }

        /// Writes `text` to a file below the project.
        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static let header = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\n"

    @Test("with no argument, every period not archived yet is archived oldest first, then all are archived")
    func runAll() throws {
        let project = try Project()
        defer { project.remove() }
        let first = try CLI.run(["run"], in: project.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("archiving 2 periods not yet archived, oldest first: 2026-Q2, 2026-Q3"))
        #expect(first.stdout.contains("archived Output/2026-Q2\n"))
        #expect(first.stdout.contains("archived Output/2026-Q3\n"))
        let q3 = try String(contentsOfFile: project.root + "/Output/2026-Q3/report.html", encoding: .utf8)
        #expect(q3.contains("2026-Q2"), "the Q3 report compares with Q2")
        let again = try CLI.run(["run"], in: project.root)
        #expect(again.status == 0)
        #expect(again.stdout == "every period under Inputs/ is archived (2026-Q2, 2026-Q3); give PERIOD_DIR to write a new revision\n")
    }

    @Test("a re-run says which revision it writes and what it supersedes; --quiet still prints the path")
    func revisionAndQuiet() throws {
        let project = try Project(periods: ["2026-Q3"])
        defer { project.remove() }
        #expect(try CLI.run(["run", "Inputs/2026-Q3", "--quiet"], in: project.root).stdout == "archived Output/2026-Q3\n")
        let second = try CLI.run(["run", "Inputs/2026-Q3"], in: project.root)
        #expect(second.stdout.hasPrefix("2026-Q3 is archived; writing revision 2 (supersedes 2026-Q3)\n"))
        #expect(second.stdout.hasSuffix("archived Output/2026-Q3-r2\n"))
    }

    @Test("rejected rows archive and exit 2; nothing archived exits 1 without counts of what was never read")
    func exitStatuses() throws {
        let project = try Project(periods: [])
        defer { project.remove() }
        try project.write("Inputs/2026-Q1/flows.csv", Self.header + "F1,CAD,technical,secret,JP,US\nF2,Logs,technical,internal,Germny,IN\n")
        let rejected = try CLI.run(["run", "Inputs/2026-Q1"], in: project.root)
        #expect(rejected.status == 2, "\(rejected.stderr)")
        #expect(rejected.stdout.contains("rows read 2 = assessed 1 + rejected 1"))
        #expect(rejected.stdout.contains("archived Output/2026-Q1"))

        let strict = try CLI.run(["run", "Inputs/2026-Q1", "--strict"], in: project.root)
        #expect(strict.status == 1)
        #expect(!strict.stdout.contains("findings"), "\(strict.stdout)")
        #expect(strict.stderr.contains("error: nothing was archived for 2026-Q1"))

        let missing = try CLI.run(["run", "Inputs/2026-Q1", "--reference", "nowhere"], in: project.root)
        #expect(missing.status == 1)
        #expect(!missing.stdout.contains("rows read") && !missing.stdout.contains("findings"), "\(missing.stdout)")
        #expect(missing.stderr.contains("nowhere: error: reference folder does not exist; give it with --reference DIR"))
    }

    @Test("from another directory, reference data and templates come from beside the period's Inputs folder")
    func fromAnywhere() throws {
        let project = try Project(periods: ["2026-Q3"])
        defer { project.remove() }
        let elsewhere = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let result = try CLI.run(["run", project.root + "/Inputs/2026-Q3", "--output", elsewhere + "/Output"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["report.html", "report.xhtml", "manifest.json", "diagnostics.txt", "rejected.csv", "findings.csv", "findings.json"] {
            let text = try String(contentsOfFile: elsewhere + "/Output/2026-Q3/" + file, encoding: .utf8)
            #expect(!text.contains(project.root), "\(file) holds an absolute path")
        }
        let report = try String(contentsOfFile: elsewhere + "/Output/2026-Q3/report.html", encoding: .utf8)
        #expect(report.contains("Inputs/2026-Q3/flows.csv"))

        let noTemplates = try CLI.run(["run", project.root + "/Inputs/2026-Q3", "--templates", "none"], in: elsewhere)
        #expect(noTemplates.status == 1)
        #expect(noTemplates.stderr.contains("none: error: templates folder does not exist; give it with --templates DIR"))
        let noPeriods = try CLI.run(["run"], in: elsewhere)
        #expect(noPeriods.status == 64)
        #expect(noPeriods.stderr.hasPrefix("error: no period folder (YYYY-Qn, YYYY-MM or YYYY-Hn) under Inputs/; give PERIOD_DIR"))
        #expect(!noPeriods.stderr.contains("USAGE"))
    }
}

/// Helpful errors and the CLI in Japanese.
@Suite(.serialized) struct HelpfulCLITests {
    typealias CLI = CLITests
    typealias Project = RunOutcomeTests.Project

    @Test("a missing period lists those that exist and suggests the closest")
    func missingPeriod() throws {
        let project = try Project()
        defer { project.remove() }
        let result = try CLI.run(["run", "Inputs/2026-Q4"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "Inputs/2026-Q4: error: period folder does not exist; did you mean '2026-Q3'? periods in Inputs: 2026-Q2, 2026-Q3 [input.period-missing]"))
    }

    @Test("a header-only inventory is an error and archives nothing")
    func headerOnly() throws {
        let project = try Project(periods: [])
        defer { project.remove() }
        try project.write("Inputs/2026-Q1/flows.csv", RunOutcomeTests.header)
        let result = try CLI.run(["run", "Inputs/2026-Q1"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: the flow inventory has a header row but no data rows"))
        #expect(!FileManager.default.fileExists(atPath: project.root + "/Output/2026-Q1"))
    }

    @Test("--locale ja or a Japanese LANG gives the summary and the common errors in Japanese", arguments: [true, false])
    func japanese(_ byOption: Bool) throws {
        let project = try Project(periods: [])
        defer { project.remove() }
        try project.write(
            "Inputs/2026-Q1/flows.csv", RunOutcomeTests.header + "F1,CAD,技術データ,極秘,JP,US\nF2,Logs,technical,secret,Germny,US\n")
        let arguments = ["run", "Inputs/2026-Q1"] + (byOption ? ["--locale", "ja"] : [])
        let result = try CLI.run(arguments, in: project.root, environment: byOption ? [:] : ["LANG": "ja_JP.UTF-8"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("読込 2 行 = 評価 1 行 + 除外 1 行"))
        #expect(result.stdout.contains("保管しました Output/2026-Q1"))
        #expect(result.stderr.contains("error: 国名 'Germny' を認識できません。'Germany' (DE) の誤りではありませんか？ [input.country]"))
    }
}
