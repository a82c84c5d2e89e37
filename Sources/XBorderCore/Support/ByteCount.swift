/// Sizes and counts as users type them for the limit options: a whole number, optionally with a
/// binary suffix: `1048576`, `512K`, `1M`, `1G`, `2GiB` (1K = 1,024; case-insensitive).
package enum ByteCount {
    /// The largest value accepted: 1 TiB (2^40), far above what fits in memory.
    package static let maximum = 1 << 40

    private static let suffixes: [(String, Int)] = [
        ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30),
    ]

    /// The value of `text`, or nil when it is not a whole number from 1 to `maximum` with an
    /// optional suffix.
    package static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingWhitespace().lowercased())
        var unit = 1
        if let (suffix, factor) = suffixes.first(where: { digits.hasSuffix($0.0) }) {
            digits = digits.dropLast(suffix.count)
            unit = factor
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            digits.count <= 14, let number = Int(digits)
        else { return nil }
        let (value, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, (1...maximum).contains(value) else { return nil }
        return value
    }

    /// What `parse` accepts, for an option's error message.
    package static let expected = "expected a whole number from 1 to 1024G; K, M and G are binary (1K = 1024)"
}
