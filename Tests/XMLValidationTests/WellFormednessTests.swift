import Testing

@testable import XMLValidation

/// `XMLValidator.checkWellFormed` on polyglot HTML5 documents.
@Suite(.serialized)
struct WellFormednessTests {
    /// Initializes libxml2 (idempotent) before the suite's tests.
    init() { XMLValidator.initialize() }

    /// Clean polyglot HTML passes.
    @Test func cleanPolyglotHTMLPasses() {
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: Fixtures.cleanHTMLBody))
        #expect(issues == [], "\(issues)")
    }

    /// Mismatched tag has line and column.
    @Test func mismatchedTagHasLineAndColumn() throws {
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<p>one</p>\n<p><b>two</p>"))
        let first = try #require(issues.first)
        #expect(first.code == "xml.not-well-formed")
        #expect(first.severity == .error)
        #expect(first.line == 9)
        #expect(first.column > 0)
        #expect(first.description.hasPrefix("9:\(first.column): error: "))
    }

    /// Named entity is not well formed.
    @Test func namedEntityIsNotWellFormed() {
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<p>a&nbsp;b</p>"))
        #expect(issues.contains { $0.code == "xml.not-well-formed" && $0.line == 8 }, "\(issues)")
    }

    /// Undeclared prefix is not well formed.
    @Test func undeclaredPrefixIsNotWellFormed() {
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<svg:svg><svg:title>t</svg:title></svg:svg>"))
        #expect(issues.contains { $0.code == "xml.not-well-formed" && $0.line == 8 }, "\(issues)")
    }

    /// Public doctype is unexpected.
    @Test func publicDoctypeIsUnexpected() {
        let doctype =
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">"
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<p>x</p>", doctype: doctype))
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
    }

    /// System doctype is unexpected.
    @Test func systemDoctypeIsUnexpected() {
        let issues = XMLValidator.checkWellFormed(
            Fixtures.html(body: "<p>x</p>", doctype: "<!DOCTYPE html SYSTEM \"about:legacy-compat\">")
        )
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
    }

    /// Missing doctype is unexpected.
    @Test func missingDoctypeIsUnexpected() {
        let issues = XMLValidator.checkWellFormed(Array("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".utf8))
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
    }

    /// Entity declaration is refused and never expanded.
    @Test func entityDeclarationIsRefusedAndNeverExpanded() {
        let doctype = "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY y \"yy\">]>"
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<p>&x;&y;</p>", doctype: doctype))
        #expect(issues.map(\.code) == ["xml.entity-declaration", "xml.entity-declaration"], "\(issues)")
        #expect(
            issues.map(\.message) == ["entity declaration 'x' is not allowed", "entity declaration 'y' is not allowed"]
        )
        #expect(!issues.contains { $0.message.contains("root:") })
    }

    /// Other internal subset is unexpected.
    @Test func otherInternalSubsetIsUnexpected() {
        let doctype = "<!DOCTYPE html [<!ELEMENT html ANY>]>"
        let issues = XMLValidator.checkWellFormed(Fixtures.html(body: "<p>x</p>", doctype: doctype))
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
    }

    /// Empty document is not well formed.
    @Test func emptyDocumentIsNotWellFormed() {
        #expect(XMLValidator.checkWellFormed([]).map(\.code).contains("xml.not-well-formed"))
    }
}
