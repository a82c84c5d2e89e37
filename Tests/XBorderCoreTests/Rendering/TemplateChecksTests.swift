import Foundation
import Mustache
import TestSupport
import Testing

@testable import XBorderCore

/// The raw-output and partial checks of `TemplateLibrary` scan ASCII templates as bytes and any
/// other text as a `String`; both must find the same tags at the same lines and columns.
@Suite struct TemplateChecksTests {
    static let text = """
        <p>{{name}} {{{raw}}} {{&amp}}</p>
        {{=<% %>=}} {{% CONTENT_TYPE: TEXT}} {{{{double}}}}
        {{> partials/cover}}{{>partials/summary }} {{{>partials/odd}}
        {{> unclosed
        {{#list}}{{> partials/finding}}{{/list}}

        """

    /// The same text with a last line that is not ASCII, so the `String` scan runs.
    static let nonASCII = text + "{{! é }}\r\n"

    @Test("raw-output tags: the byte scan and the String scan agree")
    func rawOutput() {
        let found = TemplateLibrary.rawOutputTags(in: Self.text)
        #expect(TemplateLibrary.asciiLines(Self.text) != nil)
        #expect(TemplateLibrary.asciiLines(Self.nonASCII) == nil)
        #expect(
            found.map { "\($0.line):\($0.column):\($0.tag)" }
                == TemplateLibrary.rawOutputTags(in: Self.nonASCII).map { "\($0.line):\($0.column):\($0.tag)" })
        #expect(
            found.map { "\($0.line):\($0.column):\($0.tag)" } == [
                "1:13:{{{", "1:23:{{&", "2:1:{{=", "2:13:{{%", "2:38:{{{", "3:44:{{{",
            ])
    }

    @Test("partial references: the byte scan and the String scan agree")
    func partials() {
        let found = TemplateLibrary.partialReferences(in: Self.text)
        #expect(
            found.map { "\($0.0):\($0.1)" }
                == TemplateLibrary.partialReferences(in: Self.nonASCII).map { "\($0.0):\($0.1)" })
        #expect(
            found.map { "\($0.0):\($0.1)" }
                == ["3:partials/cover", "3:partials/summary", "3:partials/odd", "5:partials/finding"])
    }

    @Test("the shipped templates give the same results both ways")
    func shipped() throws {
        for name in ["report", "partials/step1", "partials/style", "partials/appendix"] {
            let text = String(decoding: try FileSystem.read(Paths.repo("Templates/\(name).mustache")), as: UTF8.self)
            let slow = text + "{{! é }}"
            #expect(
                TemplateLibrary.partialReferences(in: text).map(\.1)
                    == TemplateLibrary.partialReferences(in: slow).map(\.1))
            #expect(TemplateLibrary.rawOutputTags(in: text).count == TemplateLibrary.rawOutputTags(in: slow).count)
        }
    }
}

/// Values are escaped by `HTMLEscaping`, selected by a pragma line put before each template.
@Suite struct HTMLEscapingTests {
    /// swift-mustache's own escaping, per `Character`.
    static func libraryEscape(_ text: String) -> String {
        let table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var escaped = ""
        for c in text { if let r = table[c] { escaped += r } else { escaped.append(c) } }
        return escaped
    }

    @Test("the same bytes as swift-mustache's escaping, ASCII or not, with or without special characters")
    func sameBytes() {
        let samples = [
            "", "plain text", "a < b && c > \"d\" 'e'", "R&D → 研究開発 <中国>", "<\u{301}combining", "e\u{301} & ü",
            "CR\r\nLF & \"quotes\"", "😀 <emoji> & 'x'", "&amp; already", "'", "\u{0}<\u{7F}",
        ]
        for text in samples {
            #expect(Array(HTMLEscaping().escapeText(text).utf8) == Array(Self.libraryEscape(text).utf8), "\(text)")
        }
    }

    @Test("a rendered value is escaped in the main template, in partials and in sections")
    func rendered() throws {
        let dir = Paths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/partials", withIntermediateDirectories: true)
        try FileSystem.write(dir + "/partials/p.mustache", Array("{{#list}}[{{.}}]{{/list}}{{v}}\n".utf8))
        try FileSystem.write(
            dir + "/report.mustache", Array("{{#show}}\n<p>{{v}}</p>\n{{/show}}\n{{> partials/p}}".utf8))
        var log = DiagnosticLog()
        let library = try #require(TemplateLibrary(directory: dir, diagnostics: &log))
        let model: ViewNode = ["show": true, "v": "a<b & 'c'", "list": ["x>y", "\"z\""]]
        #expect(
            library.render(model)
                == "<p>a&lt;b &amp; &#39;c&#39;</p>\n[x&gt;y][&quot;z&quot;]a&lt;b &amp; &#39;c&#39;\n")
    }

    @Test("syntax errors are located in the template file, not after the pragma line")
    func syntaxErrorLines() {
        let first = TemplateLibrary.parse("<b>{{#a}}x{{/b}}</b>\n", path: "t.mustache").problems.first
        #expect(first?.code == "template.syntax")
        #expect(first?.location?.line == 1)
        let later = TemplateLibrary.parse("\n\n<b>{{#a}}x{{/b}}</b>\n", path: "t.mustache").problems.first
        #expect(later?.location?.line == 3)
        #expect(later?.location?.column == first?.location?.column)
    }
}

/// The view model is handed to swift-mustache as `MustacheValue` (texts and objects as the
/// library's protocol types); it must render as the plain `ViewNode.mustacheValue` does.
@Suite struct MustacheValueTests {
    @Test("sections, inverted sections, dotted names, the stack, transforms and missing names render the same")
    func sameAsPlainValues() throws {
        let dir = Paths.temporaryDirectory()
        let template = """
            {{#obj}}{{name}}/{{outer}}/{{missing}}{{/obj}}|{{obj.name}}|{{^obj.none}}no{{/obj.none}}
            {{#list}}<{{.}}>{{/list}}{{^empty}}E{{/empty}}{{#text}}[{{.}}|{{outer}}]{{/text}}
            {{uppercased(text)}} {{count(obj)}} {{#first(list)}}{{.}}{{/first(list)}} {{#empty(list)}}none{{/empty(list)}}
            {{#flag}}T{{/flag}}{{^flag}}F{{/flag}}{{#off}}T{{/off}}{{^off}}F{{/off}} {{text.count}} {{obj.name.x}}
            {{#rows}}{{k}}={{v}};{{/rows}} {{#enumerated(big)}}{{/enumerated(big)}}{{big.k30}}
            """
        try FileSystem.write(dir + "/report.mustache", Array(template.utf8))
        var log = DiagnosticLog()
        let library = try #require(TemplateLibrary(directory: dir, diagnostics: &log))
        var big: [String: ViewNode] = [:]
        for i in 0..<40 { big["k\(i)"] = .text("v\(i)") }
        let model: ViewNode = [
            "outer": "O", "obj": ["name": "n<1>"], "list": ["a", "b&c"], "empty": .list([]), "text": "t'x",
            "flag": true, "off": false, "rows": [["k": "1", "v": "x"], ["k": "2", "v": ""]], "big": .object(big),
        ]
        let plain = library.library.render(model.mustacheValue, withTemplate: TemplateLibrary.mainTemplate)
        #expect(library.render(model) == plain)
        #expect(library.render(model).contains("n&lt;1&gt;/O/|n&lt;1&gt;|no"))
    }
}
