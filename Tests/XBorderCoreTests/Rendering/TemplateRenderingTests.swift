import Foundation
import Testing
import XBorderCore
import TestSupport

/// Renders the shipped templates with the documented view-model fixtures and validates the
/// output with libxml2: the templates and the view-model contract stay in step.
@Suite(.serialized) struct TemplateRenderingTests {
    static func fixture(_ name: String) throws -> ViewNode {
        try ViewNode.fromJSON(Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/XBorderCoreTests/Rendering/Fixtures/\(name)"))))
    }

    static func library() throws -> TemplateLibrary {
        var log = DiagnosticLog()
        let library = TemplateLibrary(directory: Paths.repo("Templates"), diagnostics: &log)
        #expect(log.all.isEmpty, "\(log.all)")
        return try #require(library)
    }

    static func catalogue(_ locale: String) -> MessageCatalog {
        var log = DiagnosticLog()
        let path = Paths.repo("Templates/messages/\(locale).csv")
        let file = InputFile(path: path, bytes: try! FileSystem.read(path))
        return MessageCatalog(locale: locale, file: file, diagnostics: &log)
    }

    static func render(_ model: ViewNode, locale: String, xhtml: Bool) throws -> [UInt8] {
        let t = catalogue(locale)
        let full = model.setting("xhtml", .flag(xhtml)).setting("svgPrefix", .text(xhtml ? "svg:" : ""))
            .setting("lang", .text(locale)).setting("t", .object(t.messages.mapValues { .text($0) }))
        return Array(try library().render(full).utf8)
    }

    @Test("both fixtures render valid XHTML and well-formed, structurally sound HTML in both languages",
          arguments: ["view-model.full.json", "view-model.empty.json"], ["en", "ja"])
    func validDocuments(_ fixture: String, _ locale: String) throws {
        let model = try Self.fixture(fixture)
        let validator = ReportValidator(templates: try Self.library())
        let xhtml = try Self.render(model, locale: locale, xhtml: true)
        let html = try Self.render(model, locale: locale, xhtml: false)
        #expect(validator.validateXHTML(xhtml, path: "report.xhtml").map(\.description) == [])
        #expect(validator.validateHTML(html, path: "report.html").map(\.description) == [])
    }

    @Test("untrusted text is escaped, never interpreted")
    func escaping() throws {
        let html = String(decoding: try Self.render(try Self.fixture("view-model.full.json"), locale: "en", xhtml: false), as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test("every message key used by a template exists in every catalogue")
    func catalogueKeys() throws {
        let en = Set(Self.catalogue("en").messages.keys)
        let ja = Set(Self.catalogue("ja").messages.keys)
        #expect(en == ja, "keys only in one catalogue: \(en.symmetricDifference(ja).sorted())")
        let library = try Self.library()
        var used: Set<String> = []
        for file in library.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            var rest = Substring(text)
            while let r = rest.range(of: "{{t.") {
                let after = rest[r.upperBound...]
                let key = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                used.insert(String(key))
                rest = after
            }
        }
        #expect(!used.isEmpty)
        #expect(used.subtracting(en).sorted() == [])
    }

    @Test("a missing partial and a partial outside the folder are refused with located errors")
    func partialChecks() throws {
        let dir = Paths.temporaryDirectory()
        try FileSystem.write(dir + "/report.mustache", Array("<p>{{> partials/nope}}</p>\n{{> ../../etc/passwd}}\n".utf8))
        var log = DiagnosticLog()
        #expect(TemplateLibrary(directory: dir, diagnostics: &log) == nil)
        #expect(log.all.map(\.code).sorted() == ["template.missing-partial", "template.partial-outside"])
        #expect(log.all.allSatisfy { $0.location?.line != 0 })
    }

    @Test("a template syntax error is located")
    func syntaxError() throws {
        let dir = Paths.temporaryDirectory()
        try FileSystem.write(dir + "/report.mustache", Array("<p>\n{{#open}}\n</p>\n".utf8))
        var log = DiagnosticLog()
        #expect(TemplateLibrary(directory: dir, diagnostics: &log) == nil)
        let d = try #require(log.all.first)
        #expect(d.code == "template.syntax")
        #expect(d.location?.file.hasSuffix("report.mustache") == true)
    }

    @Test("raw output ({{{, {{&, set delimiters, pragmas) is refused at load with located errors")
    func rawOutputRefused() throws {
        let dir = Paths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/partials", withIntermediateDirectories: true)
        try FileSystem.write(dir + "/partials/x.mustache", Array("<p>ok {{name}}</p>\n  <i>{{&name}}</i>\n".utf8))
        try FileSystem.write(
            dir + "/report.mustache", Array("{{> partials/x}}\n<p>{{{name}}}</p>\n{{=<% %>=}}\n{{% CONTENT_TYPE: TEXT}}\n".utf8))
        var log = DiagnosticLog()
        #expect(TemplateLibrary(directory: dir, diagnostics: &log) == nil)
        let raw = log.all.filter { $0.code == "template.raw-output" }.map(\.description).sorted()
        #expect(
            raw == [
                "\(dir)/partials/x.mustache:2:6: error: '{{&' is refused: templates print every value escaped ({{name}}), never raw [template.raw-output]",
                "\(dir)/report.mustache:2:4: error: '{{{' is refused: templates print every value escaped ({{name}}), never raw [template.raw-output]",
                "\(dir)/report.mustache:3:1: error: '{{=' is refused: templates print every value escaped ({{name}}), never raw [template.raw-output]",
                "\(dir)/report.mustache:4:1: error: '{{%' is refused: templates print every value escaped ({{name}}), never raw [template.raw-output]",
            ])
    }
}
