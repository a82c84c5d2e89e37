import Testing

@testable import XMLValidation

/// `XMLValidator.validateAgainstDTD` against the XHTML 1.1 + MathML 2.0 + SVG 1.1 DTD from the
/// repository's catalogue (`Sources/XMLValidation/DTD`; no system package needed).
@Suite(.serialized)
struct DTDValidationTests {
    /// Initializes libxml2 (idempotent) before the suite's tests.
    init() { XMLValidator.initialize() }

    private func validate(_ document: [UInt8], publicID: String = Fixtures.xhtmlMathSVGPublicID) -> [XMLIssue] {
        XMLValidator.validateAgainstDTD(document, expectedPublicID: publicID)
    }

    /// Valid document with prefixed SVG has no issues.
    @Test func validDocumentWithPrefixedSVGHasNoIssues() {
        let issues = validate(Fixtures.xhtml(body: Fixtures.validXHTMLBody))
        #expect(issues == [], "\(issues)")
    }

    /// Initialize is idempotent.
    @Test func initializeIsIdempotent() {
        XMLValidator.initialize()
        XMLValidator.initialize()
        #expect(validate(Fixtures.xhtml(body: Fixtures.validXHTMLBody)) == [])
    }

    /// Undeclared element is DTD invalid on its line.
    @Test func undeclaredElementIsDTDInvalidOnItsLine() throws {
        let issues = validate(Fixtures.xhtml(body: "<p>ok</p>\n<div><foo/></div>"))
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.code == "xml.dtd-invalid" }, "\(issues)")
        let foo = try #require(issues.first { $0.message == "no declaration for element 'foo'" }, "\(issues)")
        #expect(foo.line == 8)
        #expect(foo.severity == .error)
    }

    /// Unprefixed SVG is DTD invalid.
    @Test func unprefixedSVGIsDTDInvalid() {
        let body = """
            <div>
            <svg xmlns="http://www.w3.org/2000/svg"><title>t</title></svg>
            </div>
            """
        let issues = validate(Fixtures.xhtml(body: body))
        #expect(
            issues.contains { $0.code == "xml.dtd-invalid" && $0.line == 8 && $0.message.contains("'svg'") },
            "\(issues)"
        )
    }

    /// ARIA attributes on SVG are DTD invalid.
    @Test func ariaAttributesOnSVGAreDTDInvalid() {
        let body = """
            <div><svg:svg role="img" width="1" height="1"><svg:title>t</svg:title></svg:svg></div>
            """
        let issues = validate(Fixtures.xhtml(body: body))
        #expect(issues.map(\.message) == ["no declaration for attribute 'role' of element 'svg'"], "\(issues)")
        #expect(issues.first?.line == 7)
    }

    /// Wrong public ID is unexpected doctype.
    @Test func wrongPublicIDIsUnexpectedDoctype() {
        let document = Fixtures.xhtml(body: "<p>x</p>", publicID: "-//W3C//DTD XHTML 1.1//EN")
        let issues = validate(document)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.code == "xml.unexpected-doctype")
        #expect(issues.first?.line == 2)
        #expect(issues.first?.message.contains("'-//W3C//DTD XHTML 1.1//EN'") == true)
    }

    /// Missing doctype is unexpected doctype.
    @Test func missingDoctypeIsUnexpectedDoctype() {
        let document = Array(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body/></html>".utf8
        )
        let issues = validate(document)
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
    }

    /// Internal subset entity is refused and never read.
    @Test func internalSubsetEntityIsRefusedAndNeverRead() {
        let document = Fixtures.xhtml(
            body: "<p>&x;</p>",
            subset: " [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]"
        )
        let issues = validate(document)
        #expect(issues.map(\.code) == ["xml.entity-declaration"], "\(issues)")
        #expect(issues.first?.line == 3)
        #expect(issues.first?.message == "entity declaration 'x' is not allowed")
        #expect(!issues.contains { $0.message.contains("root:") || $0.message.contains("passwd") })
    }

    /// Parameter entity in internal subset is refused.
    @Test func parameterEntityInInternalSubsetIsRefused() {
        let document = Fixtures.xhtml(
            body: "<p>x</p>",
            subset: " [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]"
        )
        let issues = validate(document)
        #expect(issues.map(\.code) == ["xml.entity-declaration"], "\(issues)")
        #expect(issues.first?.message == "entity declaration '%p' is not allowed")
        #expect(!issues.contains { $0.message.contains("root:") })
    }

    /// Not well formed is reported with line and column.
    @Test func notWellFormedIsReportedWithLineAndColumn() throws {
        let issues = validate(Fixtures.xhtml(body: "<p><b>x</p>"))
        let first = try #require(issues.first)
        #expect(first.code == "xml.not-well-formed")
        #expect(first.line == 7)
        #expect(first.column > 0)
    }

    /// Undeclared DTD is unavailable naming the package.
    @Test func undeclaredDTDIsUnavailableNamingThePackage() {
        let publicID = "-//XBORDER//DTD Not In Any Catalogue//EN"
        let document = Array(
            """
            <?xml version="1.0"?>
            <!DOCTYPE html PUBLIC "\(publicID)" "http://example.invalid/none.dtd">
            <html><body/></html>
            """.utf8
        )
        let issues = validate(document, publicID: publicID)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.code == "xml.dtd-unavailable")
        #expect(issues.first?.message.contains("'w3c-sgml-lib'") == true)
    }

    /// Local system ID outside the catalogue is refused.
    @Test func localSystemIDOutsideTheCatalogueIsRefused() {
        let publicID = "-//XBORDER//DTD Local//EN"
        let document = Array(
            """
            <?xml version="1.0"?>
            <!DOCTYPE html PUBLIC "\(publicID)" "file:///etc/passwd">
            <html><body/></html>
            """.utf8
        )
        let issues = validate(document, publicID: publicID)
        #expect(issues.map(\.code) == ["xml.dtd-unavailable"], "\(issues)")
        #expect(!issues.contains { $0.message.contains("root:") })
    }

    /// Issues are capped with a final note.
    @Test func issuesAreCappedWithAFinalNote() throws {
        let body = String(repeating: "<div><foo/></div>\n", count: 250)
        let issues = validate(Fixtures.xhtml(body: body))
        #expect(issues.count == 201)
        let last = try #require(issues.last)
        #expect(last.message.hasSuffix("more issues not shown"), "\(last)")
    }

    /// Markup the XHTML 1.1 plus MathML 2.0 plus SVG 1.1 DTD accepts (for the template author).
    @Test(arguments: [
        ##"<div><svg:svg width="1" height="1" class="chart" style="color:red" id="c1"><svg:title>t</svg:title></svg:svg></div>"##,
        ##"<div><svg:svg version="1.1" baseProfile="full" preserveAspectRatio="none" xml:lang="en"><svg:title>t</svg:title></svg:svg></div>"##,
        ##"<div><svg:svg><svg:desc>d</svg:desc><svg:title>t</svg:title><svg:g class="bar"><svg:rect class="r" width="1" height="1"/></svg:g></svg:svg></div>"##,
        ##"<div><svg:svg><svg:title>t</svg:title><svg:text x="1" y="1" text-anchor="end" font-size="10">a<svg:tspan dy="1">b</svg:tspan></svg:text></svg:svg></div>"##,
        ##"<div><svg:svg xmlns:xlink="http://www.w3.org/1999/xlink"><svg:title>t</svg:title><svg:a xlink:href="#top"><svg:text>a</svg:text></svg:a></svg:svg></div>"##,
        ##"<p><svg:svg><svg:title>t</svg:title></svg:svg></p>"##,
        ##"<p lang="en" xml:lang="en" class="a b" title="t" dir="ltr">x</p>"##,
        ##"<table summary="s"><caption>c</caption><thead><tr><th id="h" scope="col" abbr="a">h</th></tr></thead><tbody><tr><td headers="h">d</td></tr></tbody></table>"##,
    ])
    func acceptedMarkup(_ body: String) {
        let issues = validate(Fixtures.xhtml(body: body))
        #expect(issues == [], "\(issues)")
    }

    /// Markup the DTD rejects, with the attribute or element it names (for the template author).
    @Test(arguments: [
        (##"<div><svg:svg role="img"><svg:title>t</svg:title></svg:svg></div>"##, "'role'"),
        (##"<div><svg:svg aria-label="x"><svg:title>t</svg:title></svg:svg></div>"##, "'aria-label'"),
        (##"<div><svg:svg aria-hidden="true"><svg:title>t</svg:title></svg:svg></div>"##, "'aria-hidden'"),
        (##"<div><svg:svg focusable="false"><svg:title>t</svg:title></svg:svg></div>"##, "'focusable'"),
        (##"<div><svg:svg data-x="1"><svg:title>t</svg:title></svg:svg></div>"##, "'data-x'"),
        (##"<div><svg:svg version="1.0"><svg:title>t</svg:title></svg:svg></div>"##, "version"),
        (##"<p role="note">x</p>"##, "'role'"),
        (##"<p aria-label="x">x</p>"##, "'aria-label'"),
        (##"<p><a href="#top" target="_blank">x</a></p>"##, "'target'"),
        (##"<p><a name="x" href="#top">x</a></p>"##, "'name'"),
        ("<section><p>x</p></section>", "'section'"),
    ])
    func rejectedMarkup(_ body: String, named: String) {
        let issues = validate(Fixtures.xhtml(body: body))
        #expect(
            issues.contains { $0.code == "xml.dtd-invalid" && $0.line == 7 && $0.message.contains(named) },
            "\(issues)"
        )
    }

    /// Concurrent callers on several threads are serialized and all get the same answers.
    @Test func concurrentCallsAgree() async {
        let invalid = Fixtures.xhtml(body: "<div><foo/></div>")
        let expected = validate(invalid)
        #expect(!expected.isEmpty)
        let results = await withTaskGroup(of: [XMLIssue].self) { group in
            for index in 0..<16 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        return XMLValidator.validateAgainstDTD(invalid, expectedPublicID: Fixtures.xhtmlMathSVGPublicID)
                    }
                    return XMLValidator.checkStructure(Fixtures.html(body: "<p id=\"a\">x</p><p id=\"a\">y</p>"))
                }
            }
            var all: [[XMLIssue]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.filter { $0 == expected }.count == 8)
        #expect(results.filter { $0.map(\.code) == ["xml.duplicate-id"] }.count == 8)
    }

    /// An internal subset that loosens the DTD is not accepted.
    @Test func internalSubsetWithoutEntitiesIsUnexpectedDoctype() {
        let document = Fixtures.xhtml(
            body: ##"<div><svg:svg role="img"><svg:title>t</svg:title></svg:svg></div>"##,
            subset: " [\n<!ATTLIST svg:svg role CDATA #IMPLIED>\n]"
        )
        let issues = validate(document)
        #expect(issues.map(\.code) == ["xml.unexpected-doctype"], "\(issues)")
        #expect(issues.first?.line == 2)
    }
}
