/// Converts a UTF-16 file (Excel "Unicode Text") to UTF-8 before tokenizing, so the CSV reader
/// works on one ASCII-compatible form. Line structure is kept, so diagnostics keep their lines.
package enum UTF16Transcoder {
    /// Lines listed in `invalidLines` at most (the rest are only counted).
    package static let listedLines = 10_000

    /// Transcodes `bytes` (without BOM). Unpaired surrogates become U+FFFD; the 1-based lines
    /// that had them are listed in `invalidLines` (the first `listedLines`) and all are counted
    /// in `invalidLineCount`, so the caller can report them.
    package static func transcode(
        _ bytes: ArraySlice<UInt8>,
        bigEndian: Bool
    ) -> (utf8: [UInt8], invalidLines: [Int], invalidLineCount: Int) {
        // Code units are read straight from the bytes: no intermediate array as large as the file.
        var iterator = CodeUnits(bytes: bytes, index: bytes.startIndex, bigEndian: bigEndian)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var invalidLines: [Int] = []
        var invalidLineCount = 0
        var lastInvalidLine = 0
        var line = 1
        func invalid() {
            guard lastInvalidLine != line else { return }
            lastInvalidLine = line
            invalidLineCount += 1
            if invalidLines.count < listedLines { invalidLines.append(line) }
        }
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                out.append(contentsOf: UTF8.encode(scalar)!)
            case .error:
                invalid()
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput:
                break loop
            }
        }
        if bytes.count % 2 == 1 { invalid() }
        return (out, invalidLines, invalidLineCount)
    }

    /// The 16-bit code units of a byte slice (a trailing odd byte is left out).
    private struct CodeUnits: IteratorProtocol {
        let bytes: ArraySlice<UInt8>
        var index: Int
        let bigEndian: Bool

        mutating func next() -> UInt16? {
            guard index + 1 < bytes.endIndex else { return nil }
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            index += 2
            return bigEndian ? (a << 8 | b) : (b << 8 | a)
        }
    }
}
