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

    /// Scans a rendered document. Works on ASCII-lowercased bytes: element and attribute names
    /// are ASCII, and HTML folds only ASCII case (a per-tag `String` took a tenth of a second
    /// per report).
    package static func scan(_ bytes: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        var line = 1
        var i = 0
        var inStyle = false
        var styleStart = 0
        var styleLine = 1
        var tag: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            guard b == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            var end = i + 1
            var tagLines = 0
            tag.removeAll(keepingCapacity: true)
            while end < bytes.count && bytes[end] != UInt8(ascii: ">") {
                let c = bytes[end]
                if c == 0x0A { tagLines += 1 }
                tag.append(MarkupBytes.asciiLower(c))
                end += 1
            }
            // `/style` for a closing tag; `br` for `<br/>`.
            let closing = tag.first == UInt8(ascii: "/")
            let nameStart = closing ? 1 : 0
            var nameEnd = nameStart
            while nameEnd < tag.count && !isSpace(tag[nameEnd]) && tag[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
            let name = tag[nameStart..<nameEnd]
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            if inStyle && closing && name.elementsEqual("style".utf8) {
                let css = bytes[styleStart..<i].map(MarkupBytes.asciiLower)
                if let problem = cssProblem(css) { findings.append(Finding(line: styleLine, message: problem)) }
                inStyle = false
            } else if !inStyle && !closing && tag.first != UInt8(ascii: "!") && tag.first != UInt8(ascii: "?") {
                if let element = forbiddenElementBytes.first(where: { local.elementsEqual($0) }) {
                    findings.append(
                        Finding(line: line, message: "the report may not contain '\(String(decoding: element, as: UTF8.self))' elements"))
                }
                if local.elementsEqual("meta".utf8) && MarkupBytes.contains(tag[...], "refresh") {
                    findings.append(Finding(line: line, message: "the report may not redirect (meta refresh)"))
                }
                if MarkupBytes.hasEventHandler(tag) {
                    findings.append(Finding(line: line, message: "the report may not contain event-handler attributes"))
                }
                if let start = MarkupBytes.firstRange(of: " style=\"", in: tag[...]),
                    let close = tag[start...].firstIndex(of: UInt8(ascii: "\"")),
                    let problem = cssProblem(tag[start..<close])
                {
                    findings.append(Finding(line: line, message: problem))
                }
                if local.elementsEqual("style".utf8) {
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

    static let forbiddenElementBytes = forbiddenElements.sorted().map { Array($0.utf8) }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// Why a piece of (ASCII-lowercased) CSS is refused, or nil.
    static func cssProblem<C: RandomAccessCollection<UInt8>>(_ css: C) -> String? {
        if css.contains(UInt8(ascii: "\\")) { return "the report's CSS may not use escapes" }
        if MarkupBytes.contains(css, "@import") { return "the report's CSS may not import style sheets" }
        var rest = css[...]
        while let after = MarkupBytes.firstRange(of: "url(", in: rest) {
            let target = rest[after...].drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
            if target.first != UInt8(ascii: "#") {
                return "the report's CSS may not load resources (only url(#id) inside the document)"
            }
            rest = rest[after...]
        }
        if MarkupBytes.contains(css, "expression(") { return "the report's CSS may not contain expression()" }
        return nil
    }
}
