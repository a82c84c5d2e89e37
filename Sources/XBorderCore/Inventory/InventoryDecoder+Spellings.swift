extension InventoryDecoder {
    /// The byte tables of the enumeration, yes/no, country and control columns (`ByteSpellings`):
    /// the common cell is read from its bytes, anything else through the String path. A class so
    /// that copies of a decoder share one; each decoding thread's decoder has its own
    /// (`RowCollector`), tables included: two threads retaining the same arrays for every cell
    /// contend for them (docs/PERFORMANCE.md, eighth round).
    final class Spellings: Sendable {
        let category: ByteSpellings<DataCategory>
        let personalData: ByteSpellings<PersonalData>
        let confidentiality: ByteSpellings<Confidentiality>
        let criticality: ByteSpellings<Criticality>
        /// For `recipient_type` and `origin_type`.
        let recipientType: ByteSpellings<RecipientType>
        let frequency: ByteSpellings<Frequency>
        let mechanism: ByteSpellings<Mechanism>
        let flags = Vocabulary.flagSpellings.ownCopy()
        let country = CountryTable.shared.spellings.ownCopy()
        /// The measure IDs of the catalogue.
        let measures: ByteSpellings<String>

        /// The tables of a context's spellings.
        init(_ context: Context) {
            let vocabulary = context.vocabulary
            measures = ByteSpellings(folding: .upperCase, keys: context.knownMeasures.map { (key: $0, value: $0) })
            category = vocabulary.spellings(DataCategory.self)
            personalData = vocabulary.spellings(PersonalData.self)
            confidentiality = vocabulary.spellings(Confidentiality.self)
            criticality = vocabulary.spellings(Criticality.self)
            recipientType = vocabulary.spellings(RecipientType.self)
            frequency = vocabulary.spellings(Frequency.self)
            mechanism = vocabulary.spellings(Mechanism.self)
        }

        /// The countries of a cell read from its bytes: one, or (unless `single`) a list
        /// separated by `;`, `,`, `/` or `|`, without repeats, as `countries` reads it. nil when
        /// the String path must decide: a byte outside printable ASCII, a spelling not in the
        /// table, or a list where one country is expected.
        func countries(_ cell: UnsafeBufferPointer<UInt8>, single: Bool) -> [Country]? {
            guard let text = cell.printableASCIITrimmed() else { return nil }
            if text.isEmpty { return [] }
            if let whole = country.value(ofTrimmed: text) { return [whole] }
            if single { return nil }
            var result: [Country] = []
            var parts = 0
            let known = text.forEachPart(separatedBy: Self.isListSeparator) { part in
                parts += 1
                guard let found = country.value(ofTrimmed: part) else { return false }
                if !result.contains(found) { result.append(found) }
                return true
            }
            return known && parts > 1 ? result : nil
        }

        /// The controls of a cell read from its bytes: measure IDs separated by `;`, `,` or
        /// spaces, sorted and without repeats, as `readControls` reads them. nil when the String
        /// path must decide: a byte outside printable ASCII, or an ID not in the catalogue (a warning).
        func controls(_ cell: UnsafeBufferPointer<UInt8>) -> [String]? {
            guard let text = cell.printableASCIITrimmed() else { return nil }
            var ids: [String] = []
            let known = text.forEachPart(separatedBy: Self.isControlSeparator) { part in
                guard let id = measures.value(ofTrimmed: part) else { return false }
                if !ids.contains(id) { ids.append(id) }
                return true
            }
            return known ? ids.sorted() : nil
        }

        /// The separators of control IDs that are printable ASCII.
        private static func isControlSeparator(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",")
        }

        /// The list separators of country cells that are printable ASCII.
        private static func isListSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "|")
        }
    }
}
