/// A country or territory from the ISO 3166-1 table, by index (cheap to copy, hash and compare).
package struct Country: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Index into `CountryTable.shared.entries` (sorted by alpha-2).
    package let index: UInt16

    /// The table entry.
    package var entry: CountryTable.Entry { CountryTable.shared.entries[Int(index)] }
    /// ISO alpha-2 code.
    package var code: String { entry.alpha2 }
    /// English short name.
    package var name: String { entry.name }
    /// `code`.
    package var description: String { code }

    /// The country with this alpha-2 code, if any.
    package init?(code: String) {
        guard let index = CountryTable.shared.indexByAlpha2[code.uppercased()] else { return nil }
        self.index = index
    }

    init(index: UInt16) { self.index = index }

    package static func < (lhs: Country, rhs: Country) -> Bool { lhs.index < rhs.index }
}
