/// The spellings of a closed vocabulary (enumeration labels, yes/no words, country names and
/// codes) looked up on a cell's bytes, so that the common cell — printable ASCII and a known
/// spelling — is read without making a `String`.
///
/// Why hand-written: the String path decodes each cell, trims it by Unicode properties, folds
/// it and hashes the folded `String` (normalization-aware) in a `[String: …]`, for about a dozen
/// enumeration and country cells per row; that was a fifth of a million-flow run.
/// `[[UInt8]: Value]` or `[ArraySlice<UInt8>: Value]` would still need an array per cell to
/// ask with. This table folds the cell's bytes into a stack buffer by the same rules as the
/// String path (on printable ASCII they are simple), hashes them with FNV-1a and compares them
/// with the stored keys (open addressing in one flat byte array).
///
/// It is built once from the String path's own folded keys, keeping the ASCII ones (an ASCII
/// cell folds to an ASCII key). A cell it does not know — any byte outside printable ASCII
/// (tabs, line breaks, UTF-8, CP932), or a spelling that is not a key — is `.other`: the caller
/// takes the String path, which reads it (Japanese labels, full-width letters) or reports it,
/// so values and diagnostics are the same either way.
package struct ByteSpellings<Value: Sendable>: Sendable {
    /// How a cell is folded before the lookup; each is the String path's fold restricted to
    /// printable ASCII (spaces at the ends are trimmed first, as `trimmingWhitespace` does).
    package enum Folding: Sendable {
        /// `Vocabulary.fold`: lower-cased; runs of space, `-` and `_` become one `_`, none at
        /// either end; a text of lower-case letters, digits and inner `_` only is kept as it is.
        case vocabulary
        /// `CountryTable.fold`: lower-cased, without space, `.`, `_`, `-`, `'`, `(` and `)`.
        case country
        /// Upper-cased, as `readControls` reads a measure ID.
        case upperCase
    }

    /// What a cell holds, as far as the table can tell.
    package enum Match {
        /// Nothing but spaces, or nothing at all.
        case blank
        /// A known spelling.
        case value(Value)
        /// Anything else: the String path decides.
        case other
    }

    private let folding: Folding
    /// The table, shared by every copy of this value: a decoding thread takes its own
    /// (`ownCopy`), as threads that retain the same arrays for every cell contend for them.
    private let table: Table

    private init(folding: Folding, table: Table) {
        self.folding = folding
        self.table = table
    }

    /// The same spellings in a table of their own (new arrays, nothing shared with this one).
    package func ownCopy() -> ByteSpellings {
        ByteSpellings(folding: folding, table: Table(copying: table))
    }

    /// Builds the table from folded keys (as the String path folds them); keys with non-ASCII
    /// bytes are left out, and of equal keys the first is kept.
    package init(folding: Folding, keys: some Sequence<(key: String, value: Value)>) {
        self.folding = folding
        table = Table(keys.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } })
    }

    /// Looks a whole cell up: `.blank`, a known spelling's value, or `.other`.
    package func match(_ cell: UnsafeBufferPointer<UInt8>) -> Match {
        guard let trimmed = cell.printableASCIITrimmed() else { return .other }
        if trimmed.isEmpty { return .blank }
        return value(ofTrimmed: trimmed).map(Match.value) ?? .other
    }

    /// The value of a printable-ASCII text without spaces at either end, if it is a spelling.
    package func value(ofTrimmed text: UnsafeBufferPointer<UInt8>) -> Value? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: table.longestKey + 1) { buffer in
            guard let count = fold(text, into: buffer),
                case .found(let entry) = table.find(.init(rebasing: buffer[..<count]))
            else { return nil }
            return table.entries[entry].value
        }
    }

    /// Folds `text` into `buffer`; the folded length, or nil when it does not fit (then no key
    /// matches it).
    private func fold(_ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        func append(_ byte: UInt8) -> Bool {
            guard count < buffer.count else { return false }
            buffer[count] = byte
            count += 1
            return true
        }
        switch folding {
        case .upperCase:
            for byte in text {
                guard append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) else { return nil }
            }
        case .country:
            for byte in text where !Self.countryIgnored(byte) {
                guard append(Self.lowercased(byte)) else { return nil }
            }
        case .vocabulary where Self.isCanonical(text):
            for byte in text {
                guard append(byte) else { return nil }
            }
        case .vocabulary:
            var lastUnderscore = false
            for byte in text {
                let separator = byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                if separator && !lastUnderscore && count > 0 {
                    guard append(UInt8(ascii: "_")) else { return nil }
                }
                if !separator {
                    guard append(Self.lowercased(byte)) else { return nil }
                }
                lastUnderscore = separator
            }
            while count > 0 && buffer[count - 1] == UInt8(ascii: "_") { count -= 1 }
        }
        return count
    }

    /// True for lower-case letters, digits and `_`, with no `_` at either end (`FlowColumn.fold`
    /// keeps such a text as it is, even with `__` inside).
    private static func isCanonical(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last, first != UInt8(ascii: "_"), last != UInt8(ascii: "_")
        else { return false }
        return text.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }
    }

    /// The characters `CountryTable.fold` removes that are ASCII.
    private static func countryIgnored(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"):
            true
        default: false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Open addressing over keys stored one after the other in one byte array.
    private final class Table: Sendable {
        struct Entry: Sendable {
            var start: Int
            var count: Int
            var value: Value
        }

        enum Slot {
            case found(Int)
            case empty(Int)
        }

        /// Every key's bytes, one after the other.
        let keyBytes: [UInt8]
        let entries: [Entry]
        /// Index into `entries` per slot, -1 for an empty slot; the count is a power of two.
        let slots: [Int32]
        let longestKey: Int

        init(_ keys: [(key: String, value: Value)]) {
            var capacity = 8
            while capacity < keys.count * 2 { capacity *= 2 }
            var keyBytes: [UInt8] = []
            var entries: [Entry] = []
            var slots = [Int32](repeating: -1, count: capacity)
            for (key, value) in keys {
                let bytes = Array(key.utf8)
                let found = bytes.withUnsafeBufferPointer {
                    Self.find($0, keyBytes: keyBytes, entries: entries, slots: slots)
                }
                guard case .empty(let slot) = found else { continue }
                slots[slot] = Int32(entries.count)
                entries.append(Entry(start: keyBytes.count, count: bytes.count, value: value))
                keyBytes += bytes
            }
            self.keyBytes = keyBytes
            self.entries = entries
            self.slots = slots
            longestKey = entries.map(\.count).max() ?? 0
        }

        /// A table with the same entries in arrays of its own.
        init(copying other: Table) {
            keyBytes = other.keyBytes.withUnsafeBufferPointer { Array($0) }
            entries = other.entries.withUnsafeBufferPointer { Array($0) }
            slots = other.slots.withUnsafeBufferPointer { Array($0) }
            longestKey = other.longestKey
        }

        /// The entry holding `key`, or the empty slot where it would go.
        func find(_ key: UnsafeBufferPointer<UInt8>) -> Slot {
            Self.find(key, keyBytes: keyBytes, entries: entries, slots: slots)
        }

        private static func find(
            _ key: UnsafeBufferPointer<UInt8>, keyBytes: [UInt8], entries: [Entry], slots: [Int32]
        ) -> Slot {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            return keyBytes.withUnsafeBufferPointer { stored in
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return .empty(slot) }
                    let start = entries[index].start
                    if entries[index].count == key.count {
                        var i = 0
                        while i < key.count && stored[start + i] == key[i] { i += 1 }
                        if i == key.count { return .found(index) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without spaces at either end (all the white space printable ASCII has); nil
    /// when a byte is not printable ASCII (0x20–0x7E), which the String path must read.
    func printableASCIITrimmed() -> Self? {
        for byte in self where byte < 0x20 || byte > 0x7E { return nil }
        var start = 0
        var end = count
        while start < end && self[start] == 0x20 { start += 1 }
        while end > start && self[end - 1] == 0x20 { end -= 1 }
        return .init(rebasing: self[start..<end])
    }

    /// Calls `body` with each part between separator bytes, without spaces at its ends, leaving
    /// out empty parts; stops at the first part for which `body` returns false.
    /// - Returns: False when `body` stopped early.
    func forEachPart(separatedBy isSeparator: (UInt8) -> Bool, _ body: (Self) -> Bool) -> Bool {
        var start = 0
        for end in 0...count where end == count || isSeparator(self[end]) {
            var part = Self(rebasing: self[start..<end])
            start = end + 1
            while let first = part.first, first == 0x20 { part = Self(rebasing: part.dropFirst()) }
            while let last = part.last, last == 0x20 { part = Self(rebasing: part.dropLast()) }
            if !part.isEmpty && !body(part) { return false }
        }
        return true
    }
}
