import Foundation

/// Accepted spellings of the enumeration columns: the canonical English tokens, their labels in
/// every message catalogue (so Japanese exports read as-is), and common yes/no words.
package struct Vocabulary: Sendable {
    private var labels: [String: [String: String]] = [:]  // catalogue key prefix → folded label → token
    /// The folded labels of each enumeration in order, searched for suggestions (sorted once:
    /// a file of garbage rows asks for a suggestion in every cell).
    private var sortedLabels: [String: [String]] = [:]

    /// Builds the vocabulary from message catalogues (any number of languages).
    package init(catalogues: [MessageCatalog] = []) {
        func register<E: InventoryEnumeration>(_: E.Type) {
            var map: [String: String] = [:]
            for value in E.allCases {
                map[Self.fold(value.rawValue)] = value.rawValue
                map[Self.fold(value.rawValue.replacingOccurrences(of: "_", with: " "))] = value.rawValue
                for catalogue in catalogues {
                    guard let label = catalogue.messages[value.catalogueKey], !label.isEmpty else { continue }
                    // The label as written, and its head before an explanation in brackets:
                    // `極秘（営業秘密）` is also read as `極秘`.
                    for spelling in [label, Self.head(of: label)] where !spelling.isEmpty {
                        map[Self.fold(spelling)] = map[Self.fold(spelling)] ?? value.rawValue
                    }
                }
            }
            labels[E.catalogueKey] = map
        }
        register(DataCategory.self)
        register(PersonalData.self)
        register(Confidentiality.self)
        // Japanese spellings of the classes that spreadsheets commonly use besides the catalogue's
        // labels (earlier editions of the catalogue among them).
        for (spelling, token) in Self.confidentialityVariants {
            labels[Confidentiality.catalogueKey]![Self.fold(spelling)] =
                labels[Confidentiality.catalogueKey]![Self.fold(spelling)] ?? token
        }
        register(Criticality.self)
        register(RecipientType.self)
        register(Frequency.self)
        register(Mechanism.self)
        sortedLabels = labels.mapValues { $0.keys.sorted() }
    }

    /// Confidentiality classes as Japanese spreadsheets write them.
    static let confidentialityVariants: [(String, String)] = [
        ("公開情報", "public"), ("社内", "internal"), ("社内限", "internal"), ("社内限り", "internal"),
        ("社外秘", "internal"), ("秘", "confidential"), ("機密", "confidential"), ("極秘", "secret"),
        ("営業秘密", "secret"),
    ]

    /// A label without its trailing explanation in brackets (`（…）` or `(…)`), trimmed.
    static func head(of label: String) -> String {
        guard let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return label }
        return String(label[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// The value a misspelled enumeration cell most resembles (its English tokens and labels in
    /// every catalogue), if any is close.
    package func suggestion<E: InventoryEnumeration>(_: E.Type, _ text: String) -> E? {
        guard let map = labels[E.catalogueKey] else { return nil }
        return Suggestion.closest(to: Self.fold(text), among: sortedLabels[E.catalogueKey] ?? []).flatMap { map[$0] }.flatMap(E.init(rawValue:))
    }

    /// Folds for matching: trimmed, lower-cased, width-folded, `-`/space as `_`.
    static func fold(_ text: String) -> String {
        // Fast path for ASCII cells (nearly all of them): no Foundation folding needed.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return FlowColumn.fold(text) }
        return FlowColumn.fold(text.folding(options: [.caseInsensitive, .widthInsensitive], locale: nil))
    }

    /// Reads an enumeration value.
    package func value<E: InventoryEnumeration>(_: E.Type, _ text: String) -> E? {
        guard let token = labels[E.catalogueKey]?[Self.fold(text)] else { return nil }
        return E(rawValue: token)
    }

    /// The spellings of one enumeration's values (as `value` reads them), for lookups on bytes.
    package func spellings<E: InventoryEnumeration>(_: E.Type) -> ByteSpellings<E> {
        let keys = (labels[E.catalogueKey] ?? [:]).compactMap { key, token in E(rawValue: token).map { (key: key, value: $0) } }
        return ByteSpellings(folding: .vocabulary, keys: keys)
    }

    /// Reads a yes/no cell; nil when it is neither.
    package func flag(_ text: String) -> Bool? { Self.flagWords[Self.fold(text)] }

    /// The spellings of yes and no (as `flag` reads them), for lookups on bytes.
    package static let flagSpellings = ByteSpellings(folding: .vocabulary, keys: flagWords.map { (key: $0.key, value: $0.value) })

    /// Folded yes/no words. (`-` folds to "", so it is not read as no.)
    private static let flagWords: [String: Bool] = {
        var words: [String: Bool] = [:]
        for word in ["yes", "y", "true", "1", "x", "はい", "有", "あり", "該当", "○", "〇"] { words[word] = true }
        for word in ["no", "n", "false", "0", "いいえ", "無", "なし", "非該当", "×", "-"] { words[word] = false }
        return words
    }()
}
