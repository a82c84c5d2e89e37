import Foundation
import Testing
import TestSupport

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
        #expect(found.map { "\($0.line):\($0.column):\($0.tag)" } == TemplateLibrary.rawOutputTags(in: Self.nonASCII).map { "\($0.line):\($0.column):\($0.tag)" })
        #expect(found.map { "\($0.line):\($0.column):\($0.tag)" } == ["1:13:{{{", "1:23:{{&", "2:1:{{=", "2:13:{{%", "2:38:{{{", "3:44:{{{"])
    }

    @Test("partial references: the byte scan and the String scan agree")
    func partials() {
        let found = TemplateLibrary.partialReferences(in: Self.text)
        #expect(found.map { "\($0.0):\($0.1)" } == TemplateLibrary.partialReferences(in: Self.nonASCII).map { "\($0.0):\($0.1)" })
        #expect(
            found.map { "\($0.0):\($0.1)" }
                == ["3:partials/cover", "3:partials/summary", "3:partials/odd", "5:partials/finding"])
    }

    @Test("the shipped templates give the same results both ways")
    func shipped() throws {
        for name in ["report", "partials/step1", "partials/style", "partials/appendix"] {
            let text = String(decoding: try FileSystem.read(Paths.repo("Templates/\(name).mustache")), as: UTF8.self)
            let slow = text + "{{! é }}"
            #expect(TemplateLibrary.partialReferences(in: text).map(\.1) == TemplateLibrary.partialReferences(in: slow).map(\.1))
            #expect(TemplateLibrary.rawOutputTags(in: text).count == TemplateLibrary.rawOutputTags(in: slow).count)
        }
    }
}
