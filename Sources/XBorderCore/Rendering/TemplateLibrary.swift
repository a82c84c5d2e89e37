import Dispatch
import Foundation
import Mustache
import Synchronization

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
        // Parsing is the slow part (swift-mustache measures the rest of the text at every tag),
        // so the files are parsed side by side; diagnostics are emitted in name order.
        let entries = texts.sorted(by: { $0.key < $1.key })
        let parsed = Mutex([ParsedTemplate?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { k in
            let result = Self.parse(entries[k].value.text, path: entries[k].value.path)
            parsed.withLock { $0[k] = result }
        }
        for (k, (name, entry)) in entries.enumerated() {
            guard let result = parsed.withLock({ $0[k] }) else { continue }
            if let template = result.template { library.register(template, named: name) }
            for problem in result.problems { diagnostics.emit(problem) }
            for (line, partial) in result.partials {
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
        if !FileSystem.isDirectory(directory) {
            diagnostics.error(
                "template.missing", "templates folder does not exist; give it with --templates DIR",
                at: SourceLocation(file: directory))
        } else if texts[Self.mainTemplate] == nil {
            diagnostics.error(
                "template.missing", "main template 'report.mustache' is missing; give the templates folder with --templates DIR",
                at: SourceLocation(file: directory))
        }
        guard diagnostics.errorCount == before else { return nil }
        self.library = library
        self.files = files.sorted { $0.0 < $1.0 }.map { (name: $0.0, bytes: $0.1) }
    }

    /// One template file parsed and checked, before its diagnostics are emitted.
    struct ParsedTemplate: Sendable {
        var template: MustacheTemplate?
        var problems: [Diagnostic] = []
        var partials: [(Int, String)] = []
    }

    static func parse(_ text: String, path: String) -> ParsedTemplate {
        var result = ParsedTemplate()
        do {
            // Values are escaped by `HTMLEscaping` (the same bytes, faster), selected by a line of
            // its own before the text: the parser drops it as a standalone tag.
            precondition(HTMLEscaping.registered)
            result.template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            result.problems.append(
                Diagnostic(
                    .error, code: "template.syntax", "template syntax error: \(error.error)",
                    at: SourceLocation(
                        file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
        } catch {
            result.problems.append(
                Diagnostic(.error, code: "template.syntax", "template syntax error: \(error)", at: SourceLocation(file: path)))
        }
        for (line, problem) in forbiddenMarkup(in: text) {
            result.problems.append(Diagnostic(.error, code: "template.forbidden-markup", problem, at: SourceLocation(file: path, line: line)))
        }
        for (line, column, tag) in rawOutputTags(in: text) {
            result.problems.append(
                Diagnostic(
                    .error, code: "template.raw-output",
                    "'\(tag)' is refused: templates print every value escaped ({{name}}), never raw",
                    at: SourceLocation(file: path, line: line, column: column)))
        }
        result.partials = partialReferences(in: text)
        return result
    }

    /// Tags that would print a value unescaped: `{{{name}}}` and `{{&name}}`, and the two that can
    /// turn escaping off without them — a set-delimiter tag `{{=<% %>=}}` (after which `<%&name%>`
    /// is raw) and a pragma `{{% CONTENT_TYPE: TEXT}}`. The Mustache parser reads the sigil right
    /// after `{{`, so matching the three bytes is exact. 1-based line and column (in characters).
    static func rawOutputTags(in text: String) -> [(line: Int, column: Int, tag: String)] {
        if let lines = asciiLines(text) {
            // ASCII without CR: a byte is a character, so byte offsets are columns.
            var found: [(line: Int, column: Int, tag: String)] = []
            for (index, line) in lines.enumerated() {
                var i = line.startIndex
                while let open = doubled("{", in: line, from: i) {
                    let sigil = open + 2 < line.endIndex ? line[open + 2] : 0
                    if sigil == UInt8(ascii: "{") || sigil == UInt8(ascii: "&") || sigil == UInt8(ascii: "=")
                        || sigil == UInt8(ascii: "%")
                    {
                        found.append((index + 1, open - line.startIndex + 1, "{{" + String(UnicodeScalar(sigil))))
                    }
                    i = open + 2
                }
            }
            return found
        }
        var found: [(line: Int, column: Int, tag: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                if let sigil = after.first, "{&=%".contains(sigil) {
                    found.append((index + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1, "{{" + String(sigil)))
                }
                rest = after
            }
        }
        return found
    }

    /// The lines of an ASCII text without carriage returns, as byte slices; nil for any other
    /// text (there `Character`s and bytes differ: `"\r\n"` is one `Character`), which the
    /// checks scan as a `String`.
    static func asciiLines(_ text: String) -> [ArraySlice<UInt8>]? {
        let bytes = Array(text.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    /// The index of the next `{{` (or `}}`: `brace` twice) in `line` at or after `from`.
    static func doubled(_ brace: Character, in line: ArraySlice<UInt8>, from: Int) -> Int? {
        let brace = brace.asciiValue!
        var i = from
        while i + 1 < line.endIndex {
            if line[i] == brace && line[i + 1] == brace { return i }
            i += 1
        }
        return nil
    }

    /// The only document type declarations a template may contain.
    static let allowedDoctypes = [
        "<!DOCTYPE html>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN\" \"http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd\">",
    ]

    /// Markup that would make libxml2 read something other than the catalogued DTD: entity
    /// declarations, internal subsets, other external subsets, XInclude. Refused before
    /// rendering, so nothing is ever resolved (libxml2 refuses them again on validation).
    /// Matched on ASCII-lowercased bytes, line by line (markup names are ASCII).
    static func forbiddenMarkup(in text: String) -> [(Int, String)] {
        typealias Scan = MarkupBytes
        var problems: [(Int, String)] = []
        let bytes = Array(text.utf8)
        var start = 0
        var number = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            let lower = line.map(Scan.asciiLower)
            // Reports are self-contained and passive: no scripts, no handlers, no fetching.
            // Messages do not quote the line, so nothing from it ends up in diagnostics.
            for (needle, problem) in Self.activeContent where Scan.contains(lower, needle) {
                problems.append((number, problem))
            }
            // url(#id) points inside the document (SVG markers); anything else fetches.
            var rest = lower[...]
            while let after = Scan.firstRange(of: "url(", in: rest) {
                if rest[after...].first != UInt8(ascii: "#") {
                    problems.append((number, "templates may not load resources with url() (only url(#id) inside the document)"))
                    break
                }
                rest = rest[after...]
            }
            if Scan.hasEventHandler(lower) { problems.append((number, "templates may not contain event-handler attributes")) }
            if Scan.contains(lower, "<!entity") {
                problems.append((number, "templates may not declare entities"))
            }
            if Scan.contains(lower, "xinclude") || Scan.contains(line, "xi:include") {
                problems.append((number, "templates may not use XInclude"))
            }
            if let after = Scan.firstRange(of: "<!doctype", in: lower) {
                let from = line.startIndex + after - 9
                let declaration = String(decoding: line[from...].prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self) + ">"
                if !allowedDoctypes.contains(declaration) {
                    problems.append(
                        (number, "document type declaration \(Diagnostic.quoted(declaration, limit: 160)) is not one of the two xborder validates against"))
                }
            }
            start = end + 1
            number += 1
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
        if let lines = asciiLines(text) {
            for (i, line) in lines.enumerated() {
                var from = line.startIndex
                while let open = doubled("{", in: line, from: from) {
                    guard open + 2 < line.endIndex, line[open + 2] == UInt8(ascii: ">") else {
                        from = open + 1
                        continue
                    }
                    let after = open + 3
                    guard let close = doubled("}", in: line, from: after) else { break }
                    result.append((i + 1, String(decoding: line[after..<close], as: UTF8.self).trimmingWhitespace()))
                    from = close + 2
                }
            }
            return result
        }
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
        library.render(MustacheValue.of(model), withTemplate: Self.mainTemplate) ?? ""
    }
}
