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
        for file in ["report.html", "report.xhtml", "manifest.json", "diagnostics.txt", "rejected.csv"] {
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
