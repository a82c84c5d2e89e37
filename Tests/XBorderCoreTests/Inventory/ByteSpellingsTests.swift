import Foundation
import Testing
import XBorderCore

/// Reading enumeration, yes/no and country cells from their bytes (`ByteSpellings`) gives what
/// the String path gives, or leaves the cell to it.
@Suite struct ByteSpellingsTests {
    static let vocabulary = Vocabulary(catalogues: [englishMessages, HelpfulErrorTests.japanese])

    /// How a cell reads on the String path, in the table's terms: blank, a value, or nothing.
    enum Reading<Value: Equatable>: Equatable {
        case blank
        case value(Value)
        case unknown
    }

    /// The byte table's answer; `.other` counts as unknown, and `leftToStrings` says it was one.
    static func byBytes<Value: Equatable>(_ text: String, _ spellings: ByteSpellings<Value>) -> (Reading<Value>, leftToStrings: Bool) {
        switch Array(text.utf8).withUnsafeBufferPointer({ spellings.match($0) }) {
        case .blank: (.blank, false)
        case .value(let value): (.value(value), false)
        case .other: (.unknown, true)
        }
    }

    /// Checks one text: a printable-ASCII text reads the same both ways, and any other text is
    /// left to the String path (except a known value, which must agree).
    static func check<Value: Equatable>(
        _ text: String, _ spellings: ByteSpellings<Value>, strings: (String) -> Value?,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let trimmed = text.trimmingWhitespace()
        let expected: Reading<Value> = trimmed.isEmpty ? .blank : strings(trimmed).map(Reading.value) ?? .unknown
        let (read, leftToStrings) = byBytes(text, spellings)
        let printable = text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        if printable && !leftToStrings || read != .unknown {
            #expect(read == expected, "\(Array(text.utf8))", sourceLocation: sourceLocation)
        }
        if printable && expected != .unknown {
            #expect(!leftToStrings, "a printable cell the String path reads is read from bytes: '\(text)'", sourceLocation: sourceLocation)
        }
        if !printable {
            #expect(leftToStrings, "'\(text)' is left to the String path", sourceLocation: sourceLocation)
        }
    }

    /// Case, spacing, separator and padding variants of a spelling (all printable ASCII but the last).
    static func variants(of spelling: String) -> [String] {
        let underscores = spelling.replacingOccurrences(of: " ", with: "_")
        let spaces = spelling.replacingOccurrences(of: "_", with: " ")
        return [
            spelling, spelling.uppercased(), spelling.lowercased(), spelling.capitalized, underscores, spaces,
            spaces.uppercased(), underscores.replacingOccurrences(of: "_", with: "-"), "  \(spelling)  ", " \(spaces) ",
            underscores.replacingOccurrences(of: "_", with: "__"), "_\(underscores)", "\(underscores)_", "-\(spaces)-",
            underscores.replacingOccurrences(of: "_", with: " - "), "\(spelling).", "(\(spelling))", "\(spelling)s",
            "\t\(spelling)", "\(spelling)\u{00A0}", "\(spelling)\r\n",
        ]
    }

    /// Random texts over the letters of `words` in both cases, with separators and punctuation.
    static func randomTexts(from words: [String], count: Int, seed: UInt64) -> [String] {
        var alphabet = Array(Set(words.joined().filter(\.isASCII)).sorted())
        alphabet += alphabet.compactMap { $0.isLowercase ? Character($0.uppercased()) : nil }
        alphabet += [" ", " ", "_", "-", ".", "'", "(", ")", ";", ",", "/", "|", "0", "1"]
        var generator = SplitMix(seed: seed)
        var texts: [String] = []
        for _ in 0..<count {
            var text = words[Int(generator.next() % UInt64(words.count))]
            // Mutate a known spelling a little, or make up a short text.
            for _ in 0..<Int(generator.next() % 4) {
                let at = text.index(text.startIndex, offsetBy: Int(generator.next() % UInt64(text.count + 1)))
                text.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
            }
            if generator.next() % 5 == 0 {
                text = String((0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            texts.append(text)
        }
        return texts
    }

    static func checkEnumeration<E: InventoryEnumeration>(_: E.Type, seed: UInt64) {
        let spellings = vocabulary.spellings(E.self)
        var words: [String] = []
        for value in E.allCases {
            words.append(value.rawValue)
            for catalogue in [englishMessages, HelpfulErrorTests.japanese] {
                if let label = catalogue.messages[value.catalogueKey] { words.append(label) }
            }
        }
        let texts = words.flatMap(variants(of:)) + randomTexts(from: words, count: 2_000, seed: seed)
            + ["", "   ", "x", "unknown", "_", "-", "ｔｅｃｈｎｉｃａｌ", "ＰＵＢＬＩＣ", "日本", "technical\u{0}", "é"]
        for text in texts { check(text, spellings) { vocabulary.value(E.self, $0) } }
    }

    @Test("every enumeration spelling and its variants read the same from bytes as from a String")
    func enumerations() {
        Self.checkEnumeration(DataCategory.self, seed: 1)
        Self.checkEnumeration(PersonalData.self, seed: 2)
        Self.checkEnumeration(Confidentiality.self, seed: 3)
        Self.checkEnumeration(Criticality.self, seed: 4)
        Self.checkEnumeration(RecipientType.self, seed: 5)
        Self.checkEnumeration(Frequency.self, seed: 6)
        Self.checkEnumeration(Mechanism.self, seed: 7)
    }

    @Test("the canonical tokens and the English labels are read from bytes")
    func commonSpellingsAreRead() {
        let spellings = Self.vocabulary.spellings(DataCategory.self)
        #expect(Self.byBytes("supply_chain", spellings).0 == .value(.supplyChain))
        #expect(Self.byBytes(" Supply Chain ", spellings).0 == .value(.supplyChain))
        #expect(Self.byBytes("SECURITY-LOGS", spellings).0 == .value(.securityLogs))
        #expect(Self.byBytes("   ", spellings).0 == .blank)
        #expect(Self.byBytes("", spellings).0 == .blank)
        #expect(Self.byBytes("techy", spellings).leftToStrings)
        #expect(Self.byBytes("ｔｅｃｈｎｉｃａｌ", spellings).leftToStrings)
        #expect(Self.byBytes("technical\t", spellings).leftToStrings)
    }

    @Test("yes/no words read the same from bytes as from a String")
    func flags() {
        let words = ["yes", "y", "true", "1", "x", "no", "n", "false", "0", "-", "はい", "いいえ", "○", "×"]
        let texts = words.flatMap(Self.variants(of:)) + Self.randomTexts(from: words, count: 1_000, seed: 8)
        for text in texts { Self.check(text, Vocabulary.flagSpellings) { Self.vocabulary.flag($0) } }
        #expect(Self.byBytes(" YES ", Vocabulary.flagSpellings).0 == .value(true))
        #expect(Self.byBytes("N", Vocabulary.flagSpellings).0 == .value(false))
    }

    @Test("every country code and name, and their variants, read the same from bytes as from a String")
    func countries() {
        let table = CountryTable.shared
        var words: [String] = []
        for entry in table.entries {
            words += [entry.alpha2, entry.alpha3, entry.numeric, entry.name, entry.nameJa].filter { !$0.isEmpty }
        }
        words += ["USA", "U.S.A.", "UK", "Viet Nam", "Korea, Republic of", "Cote d'Ivoire", "Côte d'Ivoire", "ｕｓ"]
        let texts = words.flatMap(Self.variants(of:)) + Self.randomTexts(from: words, count: 5_000, seed: 9)
            + ["", "  ", "Mars", "XX", "...", "()", "DE;IE", "日本"]
        for text in texts { Self.check(text, table.spellings) { table.resolve($0) } }
        #expect(Self.byBytes("u.s.a.", table.spellings).0 == .value(Country(code: "US")!))
        #expect(Self.byBytes(" united kingdom ", table.spellings).0 == .value(Country(code: "GB")!))
    }

    @Test("a key with non-ASCII bytes is left out, and of equal keys the first is kept")
    func building() {
        let spellings = ByteSpellings(folding: .vocabulary, keys: [(key: "a", value: 1), (key: "a", value: 2), (key: "é", value: 3)])
        #expect(Self.byBytes("A", spellings).0 == .value(1))
        #expect(Self.byBytes("é", spellings).leftToStrings)
        let many = ByteSpellings(folding: .upperCase, keys: (0..<500).map { (key: "M\($0)", value: $0) })
        for i in 0..<500 { #expect(Self.byBytes("m\(i)", many).0 == .value(i)) }
        #expect(Self.byBytes("M500", many).leftToStrings)
    }
}
