import Testing

@testable import XMLValidation

/// `RepositoryCatalogue`: where the shipped W3C DTDs are looked for, and that they are used
/// before the system catalogue (run with `XML_CATALOG_FILES=/nonexistent` to hide the latter).
@Suite(.serialized)
struct RepositoryCatalogueTests {
    init() { XMLValidator.initialize() }

    /// Candidates climb from the executable's folder to the root, then the compiled source's.
    @Test func candidatesClimbFromTheExecutableThenTheSource() {
        let candidates = RepositoryCatalogue.candidates(
            executable: "/src/x/.build/debug/xborder", compiledSource: "/src/x/Sources/XMLValidation/A.swift")
        #expect(
            candidates == [
                "/src/x/.build/debug/Sources/XMLValidation/DTD/catalog.xml",
                "/src/x/.build/Sources/XMLValidation/DTD/catalog.xml",
                "/src/x/Sources/XMLValidation/DTD/catalog.xml",
                "/src/Sources/XMLValidation/DTD/catalog.xml",
                "/Sources/XMLValidation/DTD/catalog.xml",
                "/src/x/Sources/XMLValidation/DTD/catalog.xml",
            ])
    }

    /// A relative executable path adds no candidates of its own.
    @Test func relativeExecutableAddsNoCandidates() {
        #expect(
            RepositoryCatalogue.candidates(executable: "xborder", compiledSource: "/r/Sources/XMLValidation/A.swift")
                == ["/r/Sources/XMLValidation/DTD/catalog.xml"])
    }

    /// The test run finds the checkout's catalogue.
    @Test func theCheckoutsCatalogueIsLoaded() throws {
        let path = try #require(RepositoryCatalogue.path)
        #expect(path.hasSuffix("/Sources/XMLValidation/DTD/catalog.xml"))
    }

    /// The report's DTD resolves to the repository's copy, not the system's.
    @Test func theReportDTDResolvesToTheRepositoryCopy() throws {
        let resolved = try #require(
            OfflineEntityLoader.catalogueResolution(
                publicID: Fixtures.xhtmlMathSVGPublicID, systemID: Fixtures.xhtmlMathSVGSystemID))
        #expect(resolved.contains("/Sources/XMLValidation/DTD/WD-XHTMLplusMathMLplusSVG-20020809/xhtml-math-svg.dtd"))
    }
}
