import Synchronization

/// The country names a "did you mean" suggestion may point to, indexed so that an unknown text
/// is not compared with hundreds of names (ten million garbage rows took hours that way).
///
/// Two spellings within edit distance 2 become equal after deleting at most two Unicode scalars
/// from each, so every name is filed under the hash of each scalar sequence obtained that way
/// (about 67,000 for the 710 names). A short text looks up the hashes of its own deletion
/// variants; a long one, which has more variants than there are names of a similar length, is
/// compared with those names. Both give every name within the limit, and maybe a few more (hash
/// collisions): `CountryTable.suggestion` measures each candidate and keeps the closest, so the
/// answer does not depend on the strategy.
package struct CountryNameIndex: Sendable {
    /// How candidates are found (`automatic` in production; the others for tests).
    package enum Strategy: Sendable {
        /// Whichever of the two does less work for the text.
        case automatic
        /// Every name whose length is within the limit.
        case lengths
        /// The names that share a deletion variant with the text.
        case variants
    }

    /// One name: its folded key, its length in characters and its country.
    struct Name: Sendable {
        var key: String
        var length: Int
        var index: UInt16
    }

    /// The names, in a fixed order.
    let names: [Name]
    private let byLength: [Int: [Int]]
    private let byVariant: [UInt64: [Int]]
    private let maxScalars: Int

    /// Indexes folded names (`key`) of the countries at `index`.
    init(names list: [(key: String, index: UInt16)]) {
        names = list.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map { Name(key: $0.key, length: $0.key.count, index: $0.index) }
        var byLength: [Int: [Int]] = [:]
        var byVariant: [UInt64: [Int]] = [:]
        var maxScalars = 0
        for (position, name) in names.enumerated() {
            byLength[name.length, default: []].append(position)
            let scalars = name.key.unicodeScalars.map(\.value)
            maxScalars = max(maxScalars, scalars.count)
            Self.forEachVariant(of: scalars, deleting: 2) { variant in
                if byVariant[variant]?.last != position { byVariant[variant, default: []].append(position) }
            }
        }
        self.byLength = byLength
        self.byVariant = byVariant
        self.maxScalars = maxScalars
    }

    /// Positions in `names` of every name within `limit` (≤ 2) edits of `key`, plus possibly
    /// some farther ones, in ascending order; `length` is `key.count`.
    func candidates(of key: String, length: Int, limit: Int, strategy: Strategy = .automatic) -> [Int] {
        let scalars = key.unicodeScalars.map(\.value)
        // The distance is at least the difference in scalars.
        guard scalars.count <= maxScalars + limit else { return [] }
        let window = (length - limit)...(length + limit)
        let n = scalars.count
        let variants = limit >= 2 ? 1 + n + n * (n - 1) / 2 : 1 + n
        let sameLength = window.reduce(0) { $0 + (byLength[$1]?.count ?? 0) }
        let useVariants: Bool
        switch strategy {
        case .automatic: useVariants = variants < 4 * sameLength  // a lookup costs less than a distance
        case .lengths: useVariants = false
        case .variants: useVariants = true
        }
        guard useVariants else { return window.flatMap { byLength[$0] ?? [] }.sorted() }
        var found: [Int] = []
        Self.forEachVariant(of: scalars, deleting: min(limit, 2)) { variant in
            if let positions = byVariant[variant] { found += positions }
        }
        found.sort()
        var unique: [Int] = []
        for position in found where unique.last != position { unique.append(position) }
        return unique
    }

    /// Calls `body` with the hash of `scalars` and of every sequence made by deleting one or
    /// (when `deleting` is 2) two of them. Nothing is allocated per variant.
    private static func forEachVariant(of scalars: [UInt32], deleting: Int, _ body: (UInt64) -> Void) {
        let n = scalars.count
        // FNV-1a over the kept scalars, seeded with the variant's length.
        func hash(without first: Int, _ second: Int) -> UInt64 {
            let kept = n - (first >= 0 ? 1 : 0) - (second >= 0 ? 1 : 0)
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(kept)
            for k in 0..<n where k != first && k != second {
                h = (h ^ UInt64(scalars[k])) &* 0x0000_0100_0000_01B3
            }
            return h
        }
        body(hash(without: -1, -1))
        guard deleting > 0 else { return }
        for i in 0..<n {
            body(hash(without: i, -1))
            guard deleting > 1 else { continue }
            for j in (i + 1)..<n { body(hash(without: i, j)) }
        }
    }
}

/// Builds the index on first use: most runs never need a suggestion.
final class LazyCountryNameIndex: Sendable {
    private let names: [(key: String, index: UInt16)]
    private let built = Mutex<CountryNameIndex?>(nil)

    /// Remembers the names to index.
    init(names: [(key: String, index: UInt16)]) { self.names = names }

    /// The index, built by the first caller.
    var index: CountryNameIndex {
        built.withLock { index in
            if let index { return index }
            let made = CountryNameIndex(names: names)
            index = made
            return made
        }
    }
}
