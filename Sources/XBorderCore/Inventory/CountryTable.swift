import Foundation

/// ISO 3166-1 countries with English and Japanese names, regions and accepted spellings, built
/// once from `countryTableCSV`. Lookup folds case, width, diacritics, dots and spaces, so
/// `usa`, `U.S.A.`, `Türkiye`, `ＵＳ` and `アメリカ` all resolve.
package struct CountryTable: Sendable {
    /// One country.
    package struct Entry: Sendable {
        /// ISO alpha-2.
        package var alpha2: String
        /// ISO alpha-3.
        package var alpha3: String
        /// ISO numeric, if any.
        package var numeric: String
        /// English short name.
        package var name: String
        /// Japanese name.
        package var nameJa: String
        /// Region used to place the country on the flow map.
        package var region: String
    }

    /// Entries sorted by alpha-2.
    package let entries: [Entry]
    /// alpha-2 → index.
    package let indexByAlpha2: [String: UInt16]
    /// Folded spelling → index.
    private let indexByKey: [String: UInt16]
    /// The ASCII folded spellings, for lookups on bytes (`resolve` without making a `String`).
    package let spellings: ByteSpellings<Country>
    /// Folded names longer than three characters, for suggestions.
    private let names: LazyCountryNameIndex

    /// The table shipped with xborder.
    package static let shared = CountryTable(csv: countryTableCSV)

    init(csv: String) {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "CountryData.swift", bytes: Array(csv.utf8)), diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        let rows = table.records.dropFirst().filter { $0.cells.count >= 7 }.sorted { $0.cells[0] < $1.cells[0] }
        var entries: [Entry] = []
        var byAlpha2: [String: UInt16] = [:]
        var byKey: [String: UInt16] = [:]
        for (i, row) in rows.enumerated() {
            let c = row.cells
            let entry = Entry(alpha2: c[0], alpha3: c[1], numeric: c[2], name: c[3], nameJa: c[4], region: c[5])
            entries.append(entry)
            let index = UInt16(i)
            byAlpha2[entry.alpha2] = index
            var spellings = [entry.alpha2, entry.alpha3, entry.name, entry.nameJa]
            if !entry.numeric.isEmpty {
                spellings.append(entry.numeric)
                if let n = Int(entry.numeric) { spellings.append(String(n)) }
            }
            spellings += c[6].split(separator: "|").map(String.init)
            for spelling in spellings where !spelling.isEmpty {
                let key = Self.fold(spelling)
                // Codes and names win over aliases: the first writer keeps the key.
                if byKey[key] == nil { byKey[key] = index }
            }
        }
        self.entries = entries
        self.indexByAlpha2 = byAlpha2
        self.indexByKey = byKey
        self.spellings = ByteSpellings(folding: .country, keys: byKey.map { (key: $0.key, value: Country(index: $0.value)) })
        self.names = LazyCountryNameIndex(names: byKey.filter { $0.key.count > 3 }.map { ($0.key, $0.value) })
    }

    /// Folds a spelling to its lookup key.
    package static func fold(_ text: String) -> String {
        // ASCII text folds to lower case without the removed characters; Foundation's folding
        // (ICU) gives the same and cost 2 ms of every run's start for the table's spellings.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where !asciiRemoved.contains(byte) {
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { !" .\u{3000}_-'’()".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// The ASCII characters `fold` removes (the others it removes are U+3000 and U+2019).
    private static let asciiRemoved = Set(" ._-'()".utf8)

    /// Resolves one spelling to a country.
    package func resolve(_ text: String) -> Country? {
        indexByKey[Self.fold(text)].map(Country.init(index:))
    }

    /// The closest known spelling for an unknown one, when it is close enough to be a typo.
    /// - Parameter strategy: How candidate names are found; the answer is the same for each.
    package func suggestion(for text: String, strategy: CountryNameIndex.Strategy = .automatic) -> Country? {
        let key = Self.fold(text)
        let length = key.count
        guard length >= 3 else { return nil }
        let limit = length <= 5 ? 1 : 2
        var best: (distance: Int, index: UInt16)?
        // Names only: a two- or three-letter code one edit away is a guess, not a suggestion.
        let index = names.index
        for position in index.candidates(of: key, length: length, limit: limit, strategy: strategy) {
            let candidate = index.names[position]
            guard abs(candidate.length - length) <= limit else { continue }
            let d = EditDistance.levenshtein(key, candidate.key, limit: limit)
            if d <= limit && (best == nil || d < best!.distance || (d == best!.distance && candidate.index < best!.index)) {
                best = (d, candidate.index)
            }
        }
        return best.map { Country(index: $0.index) }
    }
}
