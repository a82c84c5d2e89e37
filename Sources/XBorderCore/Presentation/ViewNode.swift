/// The report view model as a tree of plain values: what templates receive and what
/// `--dump-view-model` writes as JSON. Building it with literals keeps presentation code short
/// while staying free of markup: every string is text that Mustache escapes.
package indirect enum ViewNode: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([ViewNode])
    case object([String: ViewNode])

    /// The value in the shape swift-mustache renders (dictionaries, arrays, strings, Booleans).
    package var mustacheValue: Any {
        switch self {
        case .text(let s): s
        case .flag(let b): b
        case .list(let items): items.map(\.mustacheValue)
        case .object(let members): members.mapValues(\.mustacheValue)
        }
    }

    /// Looks up a dotted path (`summary.headline`), for tests.
    package subscript(path: String) -> ViewNode? {
        var node: ViewNode? = self
        for part in path.split(separator: ".") {
            guard case .object(let members)? = node else { return nil }
            node = members[String(part)]
        }
        return node
    }

    /// Deterministic JSON (keys sorted).
    package func json(into writer: inout JSONWriter, name: String? = nil) {
        switch self {
        case .text(let s): writer.string(s, name)
        case .flag(let b): writer.bool(b, name)
        case .list(let items):
            writer.beginArray(name)
            for item in items { item.json(into: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject(name)
            for key in members.keys.sorted() { members[key]!.json(into: &writer, name: key) }
            writer.endObject()
        }
    }
}

extension ViewNode: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
    package init(stringLiteral value: String) { self = .text(value) }
    package init(booleanLiteral value: Bool) { self = .flag(value) }
    package init(arrayLiteral elements: ViewNode...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, ViewNode)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension ViewNode {
    /// A text node from any string, with characters XML 1.0 forbids removed (NUL, C0 controls
    /// other than TAB/LF/CR, U+FFFE/U+FFFF) and bidi overrides/isolates neutralized so they
    /// cannot disguise text, keeping the XHTML DTD-valid whatever a spreadsheet contained.
    package static func safe(_ text: String) -> ViewNode { .text(TextSanitizer.clean(text)) }

    /// A number as text.
    package static func number(_ value: Int) -> ViewNode { .text(String(value)) }
}

/// Removes what may not appear in an XML document or could disguise text.
package enum TextSanitizer {
    /// The cleaned text (unchanged for ordinary text, without allocating).
    ///
    /// Also separates a markup character (`<` `>` `&` `"` `'`) from a combining mark that
    /// follows it, with U+25CC DOTTED CIRCLE (Unicode's base for an isolated mark): swift-mustache
    /// escapes by `Character`, and `<` + U+0338 is one `Character` that is not `<`, so it would
    /// otherwise reach the document unescaped (a combining mark attaches to the character before it, even to markup
    /// such as `>`).
    package static func clean(_ text: String) -> String {
        var previousIsMarkup = false
        var needsWork = false
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) || (previousIsMarkup && extendsGrapheme(scalar)) {
                needsWork = true
                break
            }
            previousIsMarkup = isMarkup(scalar)
        }
        guard needsWork else { return text }
        var scalars = String.UnicodeScalarView()
        previousIsMarkup = false
        for scalar in text.unicodeScalars where !isRemoved(scalar) {
            if previousIsMarkup && extendsGrapheme(scalar) { scalars.append("\u{25CC}") }
            scalars.append(scalar)
            previousIsMarkup = isMarkup(scalar)
        }
        return String(scalars)
    }

    static func isMarkup(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "<" || scalar == ">" || scalar == "&" || scalar == "\"" || scalar == "'"
    }

    /// True for scalars that join the preceding character into one grapheme cluster.
    static func extendsGrapheme(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        let p = scalar.properties
        return p.isGraphemeExtend || p.generalCategory == .spacingMark || scalar.value == 0x200D
            || (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// True for scalars that are dropped.
    /// True when `text` holds a character that `isRemoved`; a scan of the UTF-8 bytes rules
    /// most text out without decoding it (every removed character starts with a control byte or
    /// one of the lead bytes C2, D8, E2, EF).
    package static func containsRemoved(_ text: String) -> Bool {
        let suspicious = text.utf8.contains { b in
            (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
        }
        return suspicious && text.unicodeScalars.contains(where: isRemoved)
    }

    package static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0xFFFE, 0xFFFF: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
