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
