/// One rendered report document: which edition and kind it is, its bytes and what validation
/// found. The run renders every (edition × kind) side by side and archives them only when all
/// are valid.
struct RenderedReport: Sendable {
    /// The two documents of an edition.
    enum Kind: CaseIterable, Sendable {
        /// HTML5, `report.html`.
        case html
        /// XHTML 1.1 plus MathML 2.0 plus SVG 1.1, `report.xhtml`.
        case xhtml
    }

    /// Report language.
    var locale: String
    /// HTML or XHTML.
    var kind: Kind
    /// True for the main edition (`report.html`); other editions are `report.<locale>.html`.
    var main: Bool
    /// The document.
    var bytes: [UInt8] = []
    /// Validation problems.
    var problems: [Diagnostic] = []

    /// `report.html`, `report.ja.xhtml`.
    var fileName: String {
        let suffix = kind == .xhtml ? "xhtml" : "html"
        return main ? "report.\(suffix)" : "report.\(locale).\(suffix)"
    }
}
