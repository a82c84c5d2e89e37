import Foundation
import Testing
import XBorderCore
import TestSupport

/// Keeps ``DiagnosticCode/all``, the code strings in Sources/ and docs/DIAGNOSTICS.md in step.
///
/// A code is any string literal shaped `stage.name` (`"input.country"`, `"run.strict"`) in a
/// Swift file under Sources/ (the registry's own file aside), outside comments, whose part after
/// the dot is not a file extension (`"report.html"` is a file). `xml.*` literals are XMLValidation's issue codes, which reach
/// users as the `report.<issue>` family. An interpolated code (`"input.\(…)"`) must be one of
/// ``DiagnosticCode/Family``; its members are derived from the code that builds them.
@Suite struct DiagnosticCodeRegistryTests {
    /// The registered codes.
    static let registered = Set(DiagnosticCode.all.map(\.code))

    /// What the scan of Sources/ found.
    let scan = SourceScan(root: Paths.repo("Sources"))

    @Test("every code string in Sources/ is registered")
    func everyEmittedCodeIsRegistered() {
        let missing = scan.codes.keys.filter { !Self.registered.contains($0) }.sorted()
        #expect(missing.isEmpty, "add to DiagnosticCode.all: \(missing.map { "\($0) (\(scan.codes[$0]![0].place))" })")
    }

    @Test("every registered code is still emitted")
    func everyRegisteredCodeIsEmitted() {
        let emitted = Set(scan.codes.keys).union(DiagnosticCode.Family.allCases.flatMap(\.members))
        let unused = Self.registered.subtracting(emitted).sorted()
        #expect(unused.isEmpty, "no longer emitted; remove from DiagnosticCode.all: \(unused)")
    }

    @Test("each code is registered once, grouped by stage in pipeline order, alphabetical within")
    func registryIsOrdered() {
        #expect(DiagnosticCode.all.count == Self.registered.count, "a code is registered twice")
        let stages = DiagnosticCode.all.map(\.stage)
        let order = DiagnosticCode.Stage.allCases
        #expect(stages == stages.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
        for stage in order {
            let codes = DiagnosticCode.all.filter { $0.stage == stage }.map(\.code)
            #expect(codes == codes.sorted(), "\(stage) is not alphabetical")
            #expect(!codes.isEmpty, "\(stage) has no codes")
        }
        for entry in DiagnosticCode.all {
            #expect(!entry.severities.isEmpty && !entry.meaning.isEmpty, "\(entry.code)")
            #expect(entry.code.wholeMatch(of: #/[a-z]+\.[a-z][a-z0-9_-]*/#) != nil, "\(entry.code) is not stage.name")
            #expect(DiagnosticCode.named(entry.code) == entry)
        }
    }

    @Test("a severity written at the call site is one the registry gives the code")
    func severitiesMatch() {
        for (code, uses) in scan.codes {
            guard let entry = DiagnosticCode.named(code) else { continue }
            for use in uses {
                if let severity = use.severity {
                    #expect(entry.severities.contains(severity), "\(code) is emitted as \(severity) at \(use.place)")
                }
            }
        }
    }

    @Test("the families' members are the codes their call sites build")
    func familiesMatchTheirCallSites() throws {
        #expect(scan.unknownInterpolations.isEmpty, "interpolated codes that are no DiagnosticCode.Family: \(scan.unknownInterpolations)")
        for family in DiagnosticCode.Family.allCases {
            let members = family.members
            for member in members { #expect(Self.registered.contains(member), "\(family.rawValue): \(member)") }
            let file = try #require(scan.families[family], "\(family.rawValue) is no longer built")
            #expect(Set(members) == (try derivedMembers(family, in: file)), "\(family.rawValue) in \(file)")
        }
    }

    @Test("every translated diagnostic wording in Templates/messages belongs to a registered code")
    func catalogueKeysAreRegistered() throws {
        let keys = Set(DiagnosticCode.all.map { Diagnostic(.error, code: $0.code, "").catalogueKey })
        for name in ["en.csv", "ja.csv"] {
            let text = try String(contentsOfFile: Paths.repo("Templates/messages/" + name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("diag_") {
                let key = String(line.prefix { $0 != "," })
                #expect(keys.contains(key), "\(name): \(key) names no registered code")
            }
        }
    }

    @Test("docs/DIAGNOSTICS.md is the registry's table (RECORD_DIAGNOSTICS=1 rewrites it)")
    func documentationMatches() throws {
        let path = Paths.repo("docs/DIAGNOSTICS.md")
        let expected = Self.markdown()
        let actual = try? String(contentsOfFile: path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_DIAGNOSTICS"] != nil, actual != expected {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("rewrote docs/DIAGNOSTICS.md from DiagnosticCode.all; run again without RECORD_DIAGNOSTICS")
            return
        }
        #expect(actual == expected, "docs/DIAGNOSTICS.md differs from DiagnosticCode.all; RECORD_DIAGNOSTICS=1 rewrites it")
    }

    /// The family's members as built by the code in `file`.
    private func derivedMembers(_ family: DiagnosticCode.Family, in file: String) throws -> Set<String> {
        switch family {
        case .inputColumn:
            // The columns decoded through `enumeration(.column, …)` and `flag(.column, …)`, in the
            // file that builds the code and its sibling `InventoryDecoder+…` files.
            let folder = (file as NSString).deletingLastPathComponent
            let siblings = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasPrefix("InventoryDecoder") && $0.hasSuffix(".swift") }
            let text = try siblings.sorted().map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
                .joined(separator: "\n")
            let names = text.matches(of: #/(?:enumeration\(\.|flag\(\.)([a-zA-Z]+)[,)]/#).map { String($0.output.1) }
            return Set(
                names.map { name in
                    "input." + (FlowColumn.allCases.first { "\($0)" == name }?.rawValue ?? "?\(name)")
                })
        case .reportIssue:
            return Set(scan.xmlIssueCodes.map { "report." + $0.dropFirst("xml.".count) })
        }
    }

    /// docs/DIAGNOSTICS.md as generated from the registry.
    static func markdown() -> String {
        var lines = [
            "# Diagnostic codes",
            "",
            "<!-- Generated from Sources/XBorderCore/Diagnostics/DiagnosticCode.swift; do not edit by hand.",
            "     RECORD_DIAGNOSTICS=1 swift test --filter DiagnosticCodeRegistryTests rewrites this file. -->",
            "",
            "Every problem xborder reports is a diagnostic with a severity, a stable code, a message and,",
            "when known, where it is: `Inputs/2026-Q3/flows.csv:12:9: error: unknown country 'Germny'; did",
            "you mean 'Germany' (DE)? [input.country]`. `--diagnostics json` prints the same fields as JSON,",
            "and every archive keeps them in `diagnostics.txt`. Scripts may match the codes: a code keeps its",
            "meaning from version to version. Errors reject a row or stop the run before anything is archived;",
            "warnings and notes are reported and the run goes on (`--strict` turns warnings into a refusal).",
            "",
            "The list is `DiagnosticCode.all` in Sources/XBorderCore/Diagnostics/DiagnosticCode.swift, grouped",
            "by the stage that emits the code. `DiagnosticCodeRegistryTests` fails when a code in Sources/ is",
            "not in it, when it lists a code that is no longer emitted, or when this file differs from it.",
            "",
            "\(DiagnosticCode.all.count) codes.",
        ]
        for stage in DiagnosticCode.Stage.allCases {
            lines += ["", "## \(stage.title)", "", "| code | severity | meaning |", "| --- | --- | --- |"]
            for entry in DiagnosticCode.all where entry.stage == stage {
                let severity = entry.severities.map(\.rawValue).joined(separator: " or ")
                lines.append("| `\(entry.code)` | \(severity) | \(entry.meaning) |")
            }
        }
        lines += [
            "", "## Families", "",
            "Some codes are built from a value; each member is also listed above.", "",
        ]
        for family in DiagnosticCode.Family.allCases {
            lines.append(
                "- `\(family.rawValue)`: \(family.summary). Members: \(family.members.map { "`\($0)`" }.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Diagnostic code strings found in the Swift files below a folder.
struct SourceScan {
    /// One place a code string is written.
    struct Use {
        /// `Module/Folder/File.swift:line`.
        var place: String
        /// The severity written just before it (`.error("…"`, `Diagnostic(.note, code: "…"`,
        /// also across a line break), if any.
        var severity: Diagnostic.Severity?
    }

    /// File extensions: a literal `name.ext` with one of these after the dot is a file, not a code.
    static let fileExtensions: Set<String> = [
        "csv", "html", "json", "md", "mustache", "pem", "rels", "sig", "swift", "txt", "xhtml", "xlsx", "xml",
    ]

    /// Code → where it is written (without `xml.*`).
    var codes: [String: [Use]] = [:]
    /// XMLValidation's issue codes (`xml.*`), surfaced as `report.*`.
    var xmlIssueCodes: Set<String> = []
    /// Interpolated code families → the file that builds each.
    var families: [DiagnosticCode.Family: String] = [:]
    /// Interpolated codes that are no family (`file:line`).
    var unknownInterpolations: [String] = []

    init(root: String) {
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("/DiagnosticCode.swift") }.sorted()
        for relative in files {
            guard let original = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) else { continue }
            // Comment lines are blanked (line numbers stay): codes quoted in documentation are not uses.
            let text = original.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.drop { $0 == " " }.hasPrefix("//") ? $0.prefix(0) : $0 }.joined(separator: "\n")
            func place(_ index: String.Index) -> String {
                "\(relative):\(text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 })"
            }
            for match in text.matches(of: #/"([a-z]+)\.([a-z][a-z0-9_-]*)"/#) {
                let (stage, name) = (String(match.output.1), String(match.output.2))
                if Self.fileExtensions.contains(name) { continue }
                let code = stage + "." + name
                if stage == "xml" {
                    xmlIssueCodes.insert(code)
                    continue
                }
                let before = text[..<match.range.lowerBound].suffix(120)
                codes[code, default: []].append(Use(place: place(match.range.lowerBound), severity: Self.severity(before: before)))
            }
            for match in text.matches(of: #/"([a-z]+)\.\\\(/#) {
                switch match.output.1 {
                case "input": families[.inputColumn] = root + "/" + relative
                case "report": families[.reportIssue] = root + "/" + relative
                default: unknownInterpolations.append(place(match.range.lowerBound))
                }
            }
        }
    }

    /// The severity written directly before a code: `.error(`, `.warning(`, `.note(` or
    /// `Diagnostic(.x, code:`, whitespace and line breaks allowed.
    private static func severity(before: Substring) -> Diagnostic.Severity? {
        let match =
            before.firstMatch(of: #/\.(error|warning|note)\(\s*$/#)?.output.1
            ?? before.firstMatch(of: #/Diagnostic\(\s*\.(error|warning|note),\s*code:\s*$/#)?.output.1
        return match.flatMap { Diagnostic.Severity(rawValue: String($0)) }
    }
}
