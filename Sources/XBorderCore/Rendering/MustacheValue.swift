import Mustache

/// The view model in the shape swift-mustache renders, with texts and objects as the library's
/// protocol types instead of `String` and `[String: Any]`. The library looks every name up in each
/// object of the context stack by casting `Any` to its protocols and, for a dictionary, hashing the
/// name; it renders a `String` through `String(describing:)` after more casts. An object here looks
/// a name up among a few keys by comparison, and a text is rendered as it is, so a report renders
/// with fewer casts and hashes. Every case renders the same as `ViewNode.mustacheValue`: the same
/// escaping, the same sections, and transforms (`{{uppercased(name)}}`) go to the `String` or
/// dictionary as before.
enum MustacheValue {
    /// `node` for the renderer.
    static func of(_ node: ViewNode) -> Any {
        switch node {
        case .text(let text): Text(text)
        case .flag(let flag): flag
        case .list(let items): items.map(of)
        case .object(let members): Object(members)
        }
    }

    /// A text: rendered as it is (then escaped, like any value); it has no children, as a
    /// `String` has none.
    final class Text: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
        let text: String

        init(_ text: String) { self.text = text }

        var renderText: String { text }
        var isNull: Bool { false }
        func child(named: String) -> Any? { nil }
        func transform(_ name: String) -> Any? { text.transform(name) }
    }

    /// An object: its members by name.
    final class Object: MustacheParent, MustacheTransformable {
        /// Objects up to this many members are searched by comparing names; larger ones (the
        /// message catalogue) by hashing.
        static let scanLimit = 24
        let names: [String]
        let values: [Any]
        let dictionary: [String: Any]?

        init(_ members: [String: ViewNode]) {
            let values = members.mapValues(MustacheValue.of)
            if members.count <= Self.scanLimit {
                names = Array(values.keys)
                self.values = Array(values.values)
                dictionary = nil
            } else {
                names = []
                self.values = []
                dictionary = values
            }
        }

        func child(named name: String) -> Any? {
            if let dictionary { return dictionary[name] }
            for i in names.indices where names[i] == name { return values[i] }
            return nil
        }

        /// The dictionary's transforms (`count`, `empty`, `enumerated`, `sorted`).
        func transform(_ name: String) -> Any? {
            (dictionary ?? Dictionary(uniqueKeysWithValues: zip(names, values))).transform(name)
        }
    }
}
