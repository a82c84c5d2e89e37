/// One report document after stages 5 and 6: which document it is, its bytes and what
/// validation found in them. The run renders both kinds side by side and archives neither unless
/// both are free of errors.
struct RenderedReport: Sendable {
    /// The two documents every run renders, in the order they are archived.
    enum Kind: Int, Sendable, CaseIterable {
        /// report.html: HTML5 that is also well-formed XML, checked for well-formedness and structure.
        case html
        /// report.xhtml: XHTML 1.1 plus MathML 2.0 plus SVG 1.1, validated against its DTD.
        case xhtml

        /// The file name in the archive.
        var fileName: String {
            switch self {
            case .html: "report.html"
            case .xhtml: "report.xhtml"
            }
        }
    }

    /// Which document it is.
    var kind: Kind
    /// The rendered bytes, archived as they are.
    var bytes: [UInt8]
    /// What validation found, located in the file as it will be archived in `folder`.
    var problems: [Diagnostic]

    /// Renders `kind` from `builder`'s view model with `templates` and validates it, naming it as
    /// the file it becomes in `folder`.
    static func render(
        _ kind: Kind, builder: ReportViewModelBuilder, templates: TemplateLibrary, validator: ReportValidator,
        folder: String
    ) -> RenderedReport {
        let bytes = Array(templates.render(builder.build(xhtml: kind == .xhtml)).utf8)
        let path = FileSystem.join(folder, kind.fileName)
        let problems =
            switch kind {
            case .html: validator.validateHTML(bytes, path: path)
            case .xhtml: validator.validateXHTML(bytes, path: path)
            }
        return RenderedReport(kind: kind, bytes: bytes, problems: problems)
    }
}
