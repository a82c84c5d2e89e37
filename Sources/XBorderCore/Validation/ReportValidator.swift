import Foundation
import XMLValidation

/// Stage 6: checks both rendered documents with libxml2 before anything is archived. The XHTML
/// must be valid against the XHTML 1.1 + MathML 2.0 + SVG 1.1 DTD (offline, through the system
/// catalogue); the HTML must be well-formed XML (polyglot markup); both pass the structural
/// checks (unique ids, internal links resolve, text alternatives, no external resources).
/// Every problem points at the rendered file's line, with a note naming the template line that
/// most likely produced it.
package struct ReportValidator: Sendable {
    /// The public identifier the XHTML must declare.
    package static let xhtmlPublicID = "-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN"
    /// The system identifier the shipped templates give with it.
    package static let xhtmlSystemID = "http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd"

    /// Loads the XHTML DTD ahead of `validateXHTML` (call it on another thread while the run
    /// reads and assesses; validation reads the DTD itself if this has not run or failed).
    package static func preloadDTD() {
        XMLValidator.preloadDTD(publicID: xhtmlPublicID, systemID: xhtmlSystemID)
    }

    /// The template files problems are traced back to.
    private let files: [(name: String, bytes: [UInt8])]
    /// Their lines, split when a document first has a problem (most runs have none).
    private let templateLines = Memo<[(name: String, lines: [String])]>()

    /// Creates a validator that traces problems back to `templates`.
    package init(templates: TemplateLibrary?) {
        XMLValidator.initialize()
        files = (templates?.files ?? []).map { (FileSystem.join(templates!.directory, $0.name), $0.bytes) }
    }

    /// The template files' lines.
    var templates: [(name: String, lines: [String])] {
        templateLines.value {
            files.map { file in
                let text = String(decoding: file.bytes, as: UTF8.self)
                return (file.name, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            }
        }
    }

    /// Validates `report.xhtml`; `path` names it in diagnostics.
    package func validateXHTML(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        let issues = XMLValidator.validateAgainstDTD(bytes, expectedPublicID: Self.xhtmlPublicID, checkingStructure: true)
        return diagnostics(issues, bytes: bytes, path: path)
    }

    /// Validates `report.html`.
    package func validateHTML(_ bytes: [UInt8], path: String) -> [Diagnostic] {
        diagnostics(XMLValidator.checkWellFormed(bytes, checkingStructure: true), bytes: bytes, path: path)
    }

    private func diagnostics(_ issues: [XMLIssue], bytes: [UInt8], path: String) -> [Diagnostic] {
        let issues = issues + ActiveContentScanner.scan(bytes).map {
            XMLIssue(severity: .error, code: "xml.active-content", line: $0.line, column: 0, message: $0.message)
        }
        guard !issues.isEmpty else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return issues.map { issue in
            var notes: [String] = []
            if issue.line > 0, issue.line <= lines.count, let origin = templateLine(for: String(lines[issue.line - 1])) {
                notes.append("rendered from \(origin)")
            }
            return Diagnostic(
                issue.severity == .error ? .error : .warning, code: "report.\(issue.code.replacingPrefix("xml."))",
                issue.message, at: SourceLocation(file: path, line: issue.line, column: issue.column), notes: notes)
        }
    }

    /// The template line whose literal text best matches a rendered line (`file:line`).
    func templateLine(for rendered: String) -> String? {
        var best: (score: Int, place: String)?
        for template in templates {
            for (i, line) in template.lines.enumerated() {
                let fragments = Self.staticFragments(line)
                let score = fragments.reduce(0) { $0 + $1.count }
                guard score >= 6, score > (best?.score ?? 0) else { continue }
                var rest = Substring(rendered)
                var matched = true
                for fragment in fragments {
                    guard let r = rest.range(of: fragment) else {
                        matched = false
                        break
                    }
                    rest = rest[r.upperBound...]
                }
                if matched { best = (score, "\(template.name):\(i + 1)") }
            }
        }
        return best?.place
    }

    /// The literal text of a template line: what lies outside `{{…}}` tags, trimmed.
    static func staticFragments(_ line: String) -> [String] {
        var fragments: [String] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            let text = rest[..<open.lowerBound].trimmingWhitespace()
            if !text.isEmpty { fragments.append(text) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return fragments }
            rest = rest[close.upperBound...]
        }
        let tail = rest.trimmingWhitespace()
        if !tail.isEmpty { fragments.append(tail) }
        return fragments
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
