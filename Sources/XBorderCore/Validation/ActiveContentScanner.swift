import Foundation

/// Finds active content and network fetches in a rendered report: script elements, event-handler
/// attributes, embedded objects and frames, meta refresh, and CSS that loads anything
/// (`url()` other than `url(#id)`, `@import`, CSS escapes that could spell either). The reports
/// are passive, self-contained documents; a user template that adds any of these is refused
/// even when the template-text checks were sidestepped (a handler at the start of a line, a tag
/// name assembled from a message).
///
/// Escaped input text can never form a tag (`<` is always `&lt;` in rendered text), so every
/// raw `<` starts markup written by a template.
package enum ActiveContentScanner {
    /// One problem, with its 1-based line in the rendered document.
    package struct Finding: Sendable, Equatable {
        package var line: Int
        package var message: String
    }

    static let forbiddenElements: Set<String> = [
        "script", "object", "embed", "iframe", "frame", "frameset", "applet", "base", "link", "form", "portal",
    ]

    /// Scans a rendered document.
    package static func scan(_ bytes: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        var line = 1
        var i = 0
        var inStyle = false
        var styleStart = 0
        var styleLine = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            guard b == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            var end = i + 1
            var tagLines = 0
            while end < bytes.count && bytes[end] != UInt8(ascii: ">") {
                if bytes[end] == 0x0A { tagLines += 1 }
                end += 1
            }
            let tag = String(decoding: bytes[(i + 1)..<min(end, bytes.count)], as: UTF8.self).lowercased()
            // `/style` for a closing tag; `br` for `<br/>`.
            let closing = tag.hasPrefix("/")
            let name = (closing ? "/" : "") + String(tag.dropFirst(closing ? 1 : 0).prefix { !$0.isWhitespace && $0 != "/" })
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if inStyle && name == "/style" {
                let css = String(decoding: bytes[styleStart..<i], as: UTF8.self).lowercased()
                if let problem = cssProblem(css) { findings.append(Finding(line: styleLine, message: problem)) }
                inStyle = false
            } else if !inStyle && !name.hasPrefix("!") && !name.hasPrefix("?") && !name.hasPrefix("/") {
                if forbiddenElements.contains(local) {
                    findings.append(Finding(line: line, message: "the report may not contain '\(local)' elements"))
                }
                if local == "meta" && tag.contains("refresh") {
                    findings.append(Finding(line: line, message: "the report may not redirect (meta refresh)"))
                }
                if hasEventHandler(Array(tag.utf8)) {
                    findings.append(Finding(line: line, message: "the report may not contain event-handler attributes"))
                }
                if let start = tag.range(of: " style=\""), let end = tag[start.upperBound...].firstIndex(of: "\""),
                    let problem = cssProblem(String(tag[start.upperBound..<end]))
                {
                    findings.append(Finding(line: line, message: problem))
                }
                if local == "style" {
                    inStyle = true
                    styleStart = min(end + 1, bytes.count)
                    styleLine = line
                }
            }
            line += tagLines
            i = end + 1
        }
        return findings
    }

    /// True when a tag has an attribute named `on…` (white space, `on`, letters, `=`). Hand-written:
    /// a `Regex` per tag made validation take seconds.
    static func hasEventHandler(_ tag: [UInt8]) -> Bool {
        var i = 1
        while i + 2 < tag.count {
            let isSpace = tag[i - 1] == 0x20 || tag[i - 1] == 0x0A || tag[i - 1] == 0x09 || tag[i - 1] == 0x0D
            if isSpace && tag[i] == UInt8(ascii: "o") && tag[i + 1] == UInt8(ascii: "n") {
                var j = i + 2
                while j < tag.count && tag[j] >= UInt8(ascii: "a") && tag[j] <= UInt8(ascii: "z") { j += 1 }
                if j > i + 2 {
                    while j < tag.count && (tag[j] == 0x20 || tag[j] == 0x0A || tag[j] == 0x09) { j += 1 }
                    if j < tag.count && tag[j] == UInt8(ascii: "=") { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Why a piece of CSS is refused, or nil.
    static func cssProblem(_ css: String) -> String? {
        if css.contains("\\") { return "the report's CSS may not use escapes" }
        if css.contains("@import") { return "the report's CSS may not import style sheets" }
        if css.ranges(of: "url(").contains(where: { !css[$0.upperBound...].drop(while: { $0 == " " || $0 == "\"" || $0 == "'" }).hasPrefix("#") }) {
            return "the report's CSS may not load resources (only url(#id) inside the document)"
        }
        if css.contains("expression(") { return "the report's CSS may not contain expression()" }
        return nil
    }
}
