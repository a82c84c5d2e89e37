import Foundation
import Mustache

/// The report templates of one folder (`Templates/` or `--templates DIR`), loaded once before
/// rendering: `report.mustache`, partials under `partials/`, message catalogues under
/// `messages/`. Swift-mustache renders a missing partial as empty text, so every `{{> name}}`
/// is checked here; names with `..`, absolute names and symbolic links are refused so a
/// template cannot pull files from outside its folder.
package struct TemplateLibrary: Sendable {
    /// The template rendered for both documents.
    package static let mainTemplate = "report"

    /// The folder.
    package let directory: String
    /// The loaded templates.
    let library: MustacheLibrary
    /// name → (relative path, SHA-256 hex) of every template file, for the manifest.
    package let files: [(name: String, bytes: [UInt8])]

    /// Loads the folder. Returns nil when the main template is missing or any template fails
    /// to parse (each problem located in `diagnostics`).
    package init?(directory: String, diagnostics: inout DiagnosticLog) {
        self.directory = directory
        var library = MustacheLibrary()
        var files: [(String, [UInt8])] = []
        var texts: [String: (path: String, text: String)] = [:]
        let before = diagnostics.errorCount
        func load(_ relative: String) {
            let path = FileSystem.join(directory, relative)
            if FileSystem.isSymbolicLink(path) {
                diagnostics.error(
                    "template.symlink", "template is a symbolic link and is not loaded", at: SourceLocation(file: path))
                return
            }
            if FileSystem.isDirectory(path) {
                for entry in FileSystem.list(path) where !entry.hasPrefix(".") {
                    load(relative.isEmpty ? entry : "\(relative)/\(entry)")
                }
                return
            }
            guard relative.hasSuffix(".mustache") else { return }
            do {
                let bytes = try FileSystem.read(path)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.error("template.encoding", "template is not valid UTF-8", at: SourceLocation(file: path))
                    return
                }
                let name = String(relative.dropLast(".mustache".count))
                files.append((relative, bytes))
                texts[name] = (path, text)
            } catch {
                diagnostics.error("template.read", "template cannot be read: \(error.reason)", at: SourceLocation(file: path))
            }
        }
        load("")
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(MustacheTemplate(string: entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    "template.syntax", "template syntax error: \(error.error)",
                    at: SourceLocation(file: entry.path, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.error("template.syntax", "template syntax error: \(error)", at: SourceLocation(file: entry.path))
            }
            for (line, problem) in Self.forbiddenMarkup(in: entry.text) {
                diagnostics.error("template.forbidden-markup", problem, at: SourceLocation(file: entry.path, line: line))
            }
            for (line, partial) in Self.partialReferences(in: entry.text) {
                let location = SourceLocation(file: entry.path, line: line)
                if partial.hasPrefix("/") || partial.split(separator: "/").contains("..") {
                    diagnostics.error(
                        "template.partial-outside",
                        "partial \(Diagnostic.quoted(partial)) points outside the templates folder", at: location)
                } else if texts[partial] == nil {
                    diagnostics.error(
                        "template.missing-partial", "partial \(Diagnostic.quoted(partial)) does not exist", at: location)
                }
            }
        }
        if texts[Self.mainTemplate] == nil {
            diagnostics.error(
                "template.missing", "main template 'report.mustache' is missing", at: SourceLocation(file: directory))
        }
        guard diagnostics.errorCount == before else { return nil }
        self.library = library
        self.files = files.sorted { $0.0 < $1.0 }.map { (name: $0.0, bytes: $0.1) }
    }

    /// The only document type declarations a template may contain.
    static let allowedDoctypes = [
        "<!DOCTYPE html>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN\" \"http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd\">",
    ]

    /// Markup that would make libxml2 read something other than the catalogued DTD: entity
    /// declarations, internal subsets, other external subsets, XInclude. Refused before
    /// rendering, so nothing is ever resolved (libxml2 refuses them again on validation).
    static func forbiddenMarkup(in text: String) -> [(Int, String)] {
        var problems: [(Int, String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let upper = line.uppercased()
            let lower = line.lowercased()
            // Reports are self-contained and passive: no scripts, no handlers, no fetching.
            // Messages do not quote the line, so nothing from it ends up in diagnostics.
            for (needle, problem) in Self.activeContent where lower.contains(needle) {
                problems.append((i + 1, problem))
            }
            // url(#id) points inside the document (SVG markers); anything else fetches.
            if lower.ranges(of: "url(").contains(where: { !lower[$0.upperBound...].hasPrefix("#") }) {
                problems.append((i + 1, "templates may not load resources with url() (only url(#id) inside the document)"))
            }
            if ActiveContentScanner.hasEventHandler(Array(lower.utf8)) { problems.append((i + 1, "templates may not contain event-handler attributes")) }
            if upper.contains("<!ENTITY") {
                problems.append((i + 1, "templates may not declare entities"))
            }
            if upper.contains("XINCLUDE") || line.contains("xi:include") {
                problems.append((i + 1, "templates may not use XInclude"))
            }
            if let start = line.range(of: "<!DOCTYPE", options: .caseInsensitive) {
                let declaration = line[start.lowerBound...].prefix { $0 != ">" } + ">"
                if !allowedDoctypes.contains(String(declaration)) {
                    problems.append(
                        (i + 1, "document type declaration \(Diagnostic.quoted(String(declaration), limit: 160)) is not one of the two xborder validates against"))
                }
            }
        }
        return problems
    }

    /// Markup that makes a report active or makes it fetch something, and why it is refused.
    static let activeContent: [(String, String)] = [
        ("<script", "templates may not contain scripts"),
        ("javascript:", "templates may not contain javascript: URLs"),
        ("@import", "templates may not import style sheets"),
        ("<object", "templates may not embed objects"),
        ("<embed", "templates may not embed objects"),
        ("<iframe", "templates may not embed frames"),
        ("<frame", "templates may not embed frames"),
        ("<link", "templates may not link external resources"),
        ("<base", "templates may not change the base URL"),
        ("<form", "templates may not contain forms"),
        ("http-equiv=\"refresh\"", "templates may not redirect (meta refresh)"),
    ]

    /// `{{> name}}` references with their 1-based lines.
    static func partialReferences(in text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{>") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                result.append((i + 1, after[..<close.lowerBound].trimmingWhitespace()))
                rest = after[close.upperBound...]
            }
        }
        return result
    }

    /// Renders the main template.
    package func render(_ model: ViewNode) -> String {
        library.render(model.mustacheValue, withTemplate: Self.mainTemplate) ?? ""
    }
}
