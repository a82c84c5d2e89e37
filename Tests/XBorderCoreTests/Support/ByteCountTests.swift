import Testing
import XBorderCore

/// The values the limit options accept: whole numbers with binary K, M and G suffixes.
@Suite struct ByteCountTests {
    @Test("plain numbers and binary suffixes", arguments: [
        ("1", 1), ("4096", 4096), ("1K", 1024), ("1k", 1024), ("512K", 524_288), ("1M", 1_048_576),
        ("2G", 2_147_483_648), ("1GiB", 1_073_741_824), ("3mib", 3_145_728), (" 8K ", 8192), ("1024G", 1 << 40),
    ])
    func accepted(_ text: String, _ value: Int) {
        #expect(ByteCount.parse(text) == value)
    }

    @Test("zero, negatives, fractions, garbage and overflow are refused", arguments: [
        "", "0", "0K", "-5", "-1M", "1.5M", "1e6", "12abc", "K", "1KB", "1 K", "1T", "1025G", "+7",
        "99999999999999999999", "9223372036854775807",
    ])
    func refused(_ text: String) {
        #expect(ByteCount.parse(text) == nil)
    }
}
