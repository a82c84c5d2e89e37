/// Values by country, read like a dictionary but stored in an array indexed by the country
/// table: the report's aggregate updates several of these for every flow, and an index costs
/// less than hashing. Iterates in country-table order (alpha-2).
package struct CountryTally<Value: Sendable>: Sendable, Sequence {
    /// One slot per country of the table, allocated on first write.
    private var slots: [Value?] = []
    /// Countries with a value.
    package private(set) var count = 0

    /// An empty tally.
    package init() {}

    /// The country's value, if it has one.
    package subscript(country: Country) -> Value? {
        let i = Int(country.index)
        return i < slots.count ? slots[i] : nil
    }

    /// The country's value, starting from `value` when it has none.
    package subscript(country: Country, default value: @autoclosure () -> Value) -> Value {
        get { self[country] ?? value() }
        _modify {
            if slots.isEmpty { slots = Array(repeating: nil, count: CountryTable.shared.entries.count) }
            let i = Int(country.index)
            if slots[i] == nil {
                slots[i] = value()
                count += 1
            }
            yield &slots[i]!
        }
    }

    /// The countries with a value, in table order.
    package var keys: [Country] { map(\.key) }

    /// True when no country has a value.
    package var isEmpty: Bool { count == 0 }

    package func makeIterator() -> Iterator { Iterator(slots: slots) }

    /// (country, value) pairs in table order.
    package struct Iterator: IteratorProtocol {
        fileprivate let slots: [Value?]
        fileprivate var position = 0

        package mutating func next() -> (key: Country, value: Value)? {
            while position < slots.count {
                defer { position += 1 }
                if let value = slots[position] { return (Country(index: UInt16(position)), value) }
            }
            return nil
        }
    }
}
