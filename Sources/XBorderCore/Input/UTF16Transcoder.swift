/// Converts a UTF-16 file (Excel "Unicode Text") to UTF-8 before tokenizing, so the CSV reader
/// works on one ASCII-compatible form. Line structure is kept, so diagnostics keep their lines.
package enum UTF16Transcoder {
    /// Transcodes `bytes` (without BOM). Unpaired surrogates become U+FFFD and are counted in
    /// `invalidLines` (1-based lines) so the caller can report them.
    package static func transcode(
        _ bytes: ArraySlice<UInt8>,
        bigEndian: Bool
    ) -> (utf8: [UInt8], invalidLines: [Int]) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        var invalidLines: [Int] = []
        var line = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                out.append(contentsOf: UTF8.encode(scalar)!)
            case .error:
                if invalidLines.last != line { invalidLines.append(line) }
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput:
                break loop
            }
        }
        if bytes.count % 2 == 1 && invalidLines.last != line { invalidLines.append(line) }
        return (out, invalidLines)
    }
}
