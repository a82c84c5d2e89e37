import Testing

@testable import XMLValidation

/// `XMLValidator.checkStructure` on HTML5 and XHTML documents.
@Suite(.serialized)
struct StructureCheckTests {
    /// Initializes libxml2 (idempotent) before the suite's tests.
    init() { XMLValidator.initialize() }

    private func check(_ body: String) -> [XMLIssue] {
        XMLValidator.checkStructure(Fixtures.html(body: body))
    }

    /// Clean polyglot HTML passes.
    @Test func cleanPolyglotHTMLPasses() {
        let issues = check(Fixtures.cleanHTMLBody)
        #expect(issues == [], "\(issues)")
    }

    /// Valid XHTML with prefixed SVG passes.
    @Test func validXHTMLWithPrefixedSVGPasses() {
        let issues = XMLValidator.checkStructure(Fixtures.xhtml(body: Fixtures.validXHTMLBody))
        #expect(issues == [], "\(issues)")
    }

    /// Duplicate ID is reported at the second occurrence.
    @Test func duplicateIDIsReportedAtTheSecondOccurrence() {
        let issues = check("<p id=\"f-F0001-GOV\">a</p>\n<p id=\"f-F0001-GOV\">b</p>")
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.code == "xml.duplicate-id")
        #expect(issues.first?.line == 9)
        #expect(issues.first?.message == "duplicate id 'f-F0001-GOV'")
    }

    /// Broken internal link.
    @Test func brokenInternalLink() {
        let issues = check("<p id=\"a\"><a href=\"#a\">ok</a></p>\n<p><a href=\"#missing\">bad</a></p>")
        #expect(issues.map(\.code) == ["xml.broken-link"], "\(issues)")
        #expect(issues.first?.line == 9)
        #expect(issues.first?.message == "broken internal link '#missing'")
    }

    /// Link to an ID defined later resolves.
    @Test func linkToAnIDDefinedLaterResolves() {
        #expect(check("<a href=\"#later\">x</a>\n<p id=\"later\">y</p>") == [])
    }

    /// SVG without title.
    @Test func svgWithoutTitle() {
        let issues = check("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"c1\"><rect width=\"1\" height=\"1\"/></svg>")
        #expect(issues.map(\.code) == ["xml.missing-text-alternative"], "\(issues)")
        #expect(issues.first?.message == "svg 'c1' has no title child")
        #expect(issues.first?.line == 8)
    }

    /// Prefixed SVG without title.
    @Test func prefixedSVGWithoutTitle() {
        let body = """
            <div><svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:desc>d</svg:desc></svg:svg></div>
            """
        let issues = check(body)
        #expect(issues.map(\.code) == ["xml.missing-text-alternative"], "\(issues)")
    }

    /// Img without alt.
    @Test func imgWithoutAlt() {
        let issues = check("<p>\n<img src=\"data:image/png;base64,AAAA\"/></p>")
        #expect(issues.map(\.code) == ["xml.missing-text-alternative"], "\(issues)")
        #expect(issues.first?.line == 9)
        #expect(issues.first?.message.hasPrefix("img 'data:image/png") == true)
    }

    /// External links and resources are errors.
    @Test func externalLinksAndResourcesAreErrors() {
        let body = """
            <p><a href="http://example.com/">a</a></p>
            <p><a href=" HTTPS://example.com/">b</a></p>
            <p><img src="//cdn.example.com/x.png" alt="x"/></p>
            <p><a href="java&#9;script:alert(1)">c</a></p>
            <p><a href="file:///etc/passwd">d</a></p>
            <p><a href="data:text/html,hi">e</a></p>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><title>t</title><image xlink:href="https://example.com/i.png"/></svg>
            """
        let issues = check(body)
        #expect(issues.map(\.code) == Array(repeating: "xml.external-resource", count: 7), "\(issues)")
        #expect(issues.map(\.line) == Array(8...14))
        #expect(issues.allSatisfy { $0.severity == .error })
        #expect(issues.first?.message == "attribute 'href' references external resource 'http://example.com/'")
        #expect(issues.last?.message.hasPrefix("attribute 'xlink:href'") == true)
    }

    /// Data images and relative links are allowed.
    @Test func dataImagesAndRelativeLinksAreAllowed() {
        let body = """
            <p id="x"><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="logo"/> <a href="appendix.html">appendix</a> <a href="#x">x</a></p>
            """
        #expect(check(body) == [])
    }

    /// Not well formed document yields parse errors.
    @Test func notWellFormedDocumentYieldsParseErrors() {
        let issues = check("<p><b>x</p>")
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.code == "xml.not-well-formed" }, "\(issues)")
    }
}
