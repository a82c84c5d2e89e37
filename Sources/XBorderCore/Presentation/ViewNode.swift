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
