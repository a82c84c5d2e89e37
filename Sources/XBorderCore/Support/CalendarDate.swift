/// A calendar date without time or zone (`YYYY-MM-DD`): as-of dates, due dates, review dates.
/// xborder never reads the wall clock into a report; dates come from inputs and options.
package struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Year.
    package var year: Int
    /// Month 1–12.
    package var month: Int
    /// Day 1–31.
    package var day: Int

    /// Creates a date; nil when it does not exist.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD` as spreadsheets write it).
    package init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// True when `text` is a valid date.
    package static func isValid(_ text: String) -> Bool { CalendarDate(text) != nil }

    /// Days in a month.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date `days` later (earlier when negative).
    package func adding(days: Int) -> CalendarDate {
        var (y, m, d) = (year, month, day + days)
        while d > Self.daysIn(month: m, year: y) {
            d -= Self.daysIn(month: m, year: y)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        while d < 1 {
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
            d += Self.daysIn(month: m, year: y)
        }
        return CalendarDate(year: y, month: m, day: d) ?? self
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
        }
        self = date
    }
}
