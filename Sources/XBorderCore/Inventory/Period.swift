/// A reporting period named by its folder: `YYYY-Qn`, `YYYY-MM` or `YYYY-Hn` (README, "Inputs").
/// Periods order the archive and give the default as-of date (the period's last day).
package struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind of period.
    package enum Kind: Sendable, Hashable { case quarter, month, half }

    /// The folder name.
    package var name: String
    /// Year.
    package var year: Int
    /// Kind.
    package var kind: Kind
    /// Quarter 1–4, month 1–12 or half 1–2.
    package var number: Int

    /// Parses a folder name; nil when it is not a period name.
    package init?(_ name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 1000 else { return nil }
        let tail = parts[1]
        if tail.count == 2, tail.first == "Q", let q = Int(tail.dropFirst()), (1...4).contains(q) {
            kind = .quarter
            number = q
        } else if tail.count == 2, tail.first == "H", let h = Int(tail.dropFirst()), (1...2).contains(h) {
            kind = .half
            number = h
        } else if tail.count == 2, tail.allSatisfy(\.isNumber), let m = Int(tail), (1...12).contains(m) {
            kind = .month
            number = m
        } else {
            return nil
        }
        self.name = name
        self.year = year
    }

    /// First and last month of the period.
    private var months: ClosedRange<Int> {
        switch kind {
        case .quarter: (number * 3 - 2)...(number * 3)
        case .month: number...number
        case .half: (number * 6 - 5)...(number * 6)
        }
    }

    /// The period's last day, the default as-of date.
    package var lastDay: CalendarDate {
        let month = months.upperBound
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }

    /// The period's first day.
    package var firstDay: CalendarDate { CalendarDate(year: year, month: months.lowerBound, day: 1)! }

    /// The name.
    package var description: String { name }

    /// Ordered by end date, then start date (a quarter sorts after the months it contains).
    package static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.lastDay != rhs.lastDay { return lhs.lastDay < rhs.lastDay }
        if lhs.firstDay != rhs.firstDay { return rhs.firstDay < lhs.firstDay }
        return lhs.name < rhs.name
    }
}
