/// One field of a CSV record as a span of the (ASCII-compatible) text buffer.
///
/// Cells are not decoded to `String` until a stage needs them (tokenizing bytes is about
/// 3× faster than building a `String` per field; docs/PERFORMANCE.md).
package struct CSVField: Sendable, Equatable {
    /// Offset of the first byte of the raw field (the opening quote, if quoted).
    package var start: Int
    /// Offset one past the last byte of the raw field.
    package var end: Int
    /// 1-based line on which the field starts.
    package var line: Int
    /// Flags describing how the raw bytes map to the value.
    package var shape: Shape

    /// How the raw bytes map to the cell value.
    package struct Shape: OptionSet, Sendable, Equatable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Starts with a quote.
        package static let quoted = Shape(rawValue: 1)
        /// Contains a doubled quote (`""`) inside quotes.
        package static let doubledQuote = Shape(rawValue: 2)
        /// Has text after the closing quote (`"ab"cd`), kept as data.
        package static let textAfterQuote = Shape(rawValue: 4)
        /// Quote never closed before the end of the file.
        package static let unterminated = Shape(rawValue: 8)
        /// A quote inside an unquoted field (`ab"c`), kept as data.
        package static let strayQuote = Shape(rawValue: 16)
        /// Longer than `CSVTokenizer.Limits.maxFieldBytes`: its value is never copied or decoded.
        package static let tooLong = Shape(rawValue: 32)
    }

    /// True when the value is a plain slice of the buffer (the common case).
    var isSimple: Bool { shape.isEmpty }

    /// The value's bytes when they are a slice of `buffer` as they stand: an unquoted field, or
    /// a quoted one without doubled quotes; nil when the value must be unquoted into a copy
    /// (or, too long, is never read).
    package func plainValue(in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        if shape.isEmpty { return UnsafeBufferPointer(rebasing: buffer[start..<end]) }
        if shape == .quoted { return UnsafeBufferPointer(rebasing: buffer[(start + 1)..<max(start + 1, end - 1)]) }
        return nil
    }
}
