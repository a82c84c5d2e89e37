import Testing

@testable import XMLValidation

/// A DTD loaded ahead (`XMLValidator.preloadDTD`) gives exactly the issues of a validation that
/// reads the DTD itself, and is only taken by a DOCTYPE with the same identifiers.
@Suite(.serialized)
struct PreloadedDTDTests {
    init() { XMLValidator.initialize() }

    /// An XHTML document like `Fixtures.xhtml` whose root declares no SVG namespace, so the
    /// `svg:` prefix is bound only by the DTD's defaulted `xmlns:svg`.
    static func xhtmlWithoutSVGNamespace(body: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "\(Fixtures.xhtmlMathSVGPublicID)" "\(Fixtures.xhtmlMathSVGSystemID)">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
            <head><title>Report</title></head>
            <body>
            \(body)
            </body>
            </html>

            """.utf8)
    }

    static let documents: [(String, [UInt8])] = [
        ("valid", Fixtures.xhtml(body: Fixtures.validXHTMLBody)),
        ("undeclared element", Fixtures.xhtml(body: "<p>ok</p>\n<div><foo/></div>")),
        ("unprefixed svg", Fixtures.xhtml(body: "<div>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>\n</div>")),
        ("aria on svg", Fixtures.xhtml(body: "<div><svg:svg role=\"img\" width=\"1\" height=\"1\"><svg:title>t</svg:title></svg:svg></div>")),
        ("duplicate id", Fixtures.xhtml(body: "<p id=\"a\">x</p>\n<p id=\"a\">y</p>\n<p><a href=\"#nowhere\">z</a></p>")),
        ("id with spaces", Fixtures.xhtml(body: "<p id=\" b \">x</p><p id=\"b\">y</p>")),
        ("entities", Fixtures.xhtml(body: "<p>a&nbsp;b &eacute; &bogus;</p>")),
        ("missing required attribute", Fixtures.xhtml(body: "<p><img src=\"#x\"/></p>")),
        ("defaulted svg namespace", xhtmlWithoutSVGNamespace(body: "<div><svg:svg width=\"1\" height=\"1\"><svg:title>t</svg:title></svg:svg></div>")),
        ("not well-formed", Fixtures.xhtml(body: "<p><b>x</p>")),
    ]

    @Test("a preloaded DTD gives the issues of reading the DTD", arguments: [false, true])
    func sameIssues(checkingStructure: Bool) throws {
        for (name, document) in Self.documents {
            let read = XMLValidator.validateReadingDTD(
                document, expectedPublicID: Fixtures.xhtmlMathSVGPublicID, checkingStructure: checkingStructure)
            let preloaded = try #require(
                XMLValidator.validateWithLoadedDTD(
                    document, publicID: Fixtures.xhtmlMathSVGPublicID, systemID: Fixtures.xhtmlMathSVGSystemID,
                    checkingStructure: checkingStructure))
            #expect(preloaded.used, "\(name): the preloaded DTD was not taken")
            #expect(preloaded.issues == read, "\(name)")
        }
        // The cases above are not all valid: the comparison covers issues, not only silence.
        let invalid = Self.documents.filter {
            !XMLValidator.validateReadingDTD($0.1, expectedPublicID: Fixtures.xhtmlMathSVGPublicID).isEmpty
        }
        #expect(invalid.count >= 7)
    }

    @Test("a DOCTYPE with another system id or public id does not take the preloaded DTD")
    func otherIdentifiers() throws {
        let otherSystem = Array(
            String(decoding: Fixtures.xhtml(body: "<p>x</p>"), as: UTF8.self)
                .replacing(Fixtures.xhtmlMathSVGSystemID, with: "xhtml-math-svg.dtd").utf8)
        let result = try #require(
            XMLValidator.validateWithLoadedDTD(
                otherSystem, publicID: Fixtures.xhtmlMathSVGPublicID, systemID: Fixtures.xhtmlMathSVGSystemID))
        #expect(!result.used)
        #expect(result.issues == XMLValidator.validateReadingDTD(otherSystem, expectedPublicID: Fixtures.xhtmlMathSVGPublicID))

        let otherPublic = Fixtures.xhtml(body: "<p>x</p>", publicID: "-//W3C//DTD XHTML 1.1//EN")
        let refused = try #require(
            XMLValidator.validateWithLoadedDTD(
                otherPublic, publicID: Fixtures.xhtmlMathSVGPublicID, systemID: Fixtures.xhtmlMathSVGSystemID))
        #expect(!refused.used)
        #expect(refused.issues.map(\.code) == ["xml.unexpected-doctype"])
    }

    @Test("preloadDTD keeps one DTD for the next validation, which takes it")
    func preloadThenValidate() {
        XMLValidator.preloadDTD(publicID: Fixtures.xhtmlMathSVGPublicID, systemID: Fixtures.xhtmlMathSVGSystemID)
        let document = Fixtures.xhtml(body: "<p>ok</p>\n<div><foo/></div>")
        let issues = XMLValidator.validateAgainstDTD(document, expectedPublicID: Fixtures.xhtmlMathSVGPublicID)
        #expect(issues == XMLValidator.validateReadingDTD(document, expectedPublicID: Fixtures.xhtmlMathSVGPublicID))
        #expect(issues.contains { $0.message == "no declaration for element 'foo'" })
        // Later validations read the DTD again and still validate.
        #expect(XMLValidator.validateAgainstDTD(Fixtures.xhtml(body: Fixtures.validXHTMLBody), expectedPublicID: Fixtures.xhtmlMathSVGPublicID) == [])
    }
}
