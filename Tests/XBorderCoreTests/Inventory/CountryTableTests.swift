import Foundation
import Testing
import XBorderCore

/// "Did you mean" suggestions: the name index finds exactly what comparing every name finds.
@Suite struct CountryTableTests {
    @Test("folding ASCII without Foundation gives what Foundation's folding gives")
    func asciiFolding() {
        func foundation(_ text: String) -> String {
            let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .widthInsensitive]
            let folded = text.folding(options: options, locale: nil)
            let removed = " .\u{3000}_-'’()".unicodeScalars
            return String(folded.unicodeScalars.filter { !removed.contains($0) }.map(Character.init))
        }
        var texts = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for entry in CountryTable.shared.entries {
            texts += [entry.name, entry.alpha2, entry.alpha3, entry.numeric]
        }
        texts += ["U.S.A.", "Korea (Republic of)", "Cote d'Ivoire", "  Viet_Nam-2 ", "Türkiye", "ＵＳ", "アメリカ"]
        texts.append("")
        for text in texts { #expect(CountryTable.fold(text) == foundation(text), "\(text)") }
    }

    @Test("typos get the expected suggestion; garbage and long texts get none")
    func suggestions() {
        let table = CountryTable.shared
        #expect(table.suggestion(for: "Germny")?.code == "DE")
        #expect(table.suggestion(for: "Japn")?.code == "JP")
        #expect(table.suggestion(for: "Viet Nma")?.code == "VN")
        #expect(table.suggestion(for: "x7#q") == nil)
        #expect(table.suggestion(for: String(repeating: "Germany", count: 1000)) == nil)
    }

    @Test("both ways of finding candidates give the same answer for typos of every name and for garbage")
    func strategiesAgree() {
        let table = CountryTable.shared
        var texts: [String] = []
        var generator = SplitMix(seed: 7)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz ,.\"-日本アメリカ")
        for entry in table.entries {
            for name in [entry.name, entry.nameJa, entry.alpha3] where !name.isEmpty {
                var characters = Array(name)
                texts.append(name)
                // One and two random edits: delete, insert, substitute.
                for _ in 0..<2 {
                    let at = Int(generator.next() % UInt64(characters.count + 1))
                    let other = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                    switch (generator.next() % 3, at < characters.count) {
                    case (0, true): characters.remove(at: at)
                    case (1, _): characters.insert(other, at: at)
                    case (_, true): characters[at] = other
                    case (_, false): characters.append(other)
                    }
                    texts.append(String(characters))
                }
            }
        }
        for _ in 0..<300 {
            let length = Int(generator.next() % 30)
            texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        var suggested = 0
        for text in texts {
            let byLength = table.suggestion(for: text, strategy: .lengths)
            #expect(table.suggestion(for: text, strategy: .variants) == byLength, "\(text)")
            #expect(table.suggestion(for: text) == byLength, "\(text)")
            if byLength != nil { suggested += 1 }
        }
        #expect(suggested > texts.count / 4, "the typos mostly get a suggestion")
    }
}

/// A small deterministic generator (SplitMix64), so the test inputs never change.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
