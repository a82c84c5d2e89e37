/// Decides which encoding a spreadsheet export uses, the way Excel itself does: a byte-order mark
/// wins; otherwise valid UTF-8 is UTF-8; otherwise the bytes are tried as CP932 (Japanese Excel)
/// and fall back to Windows-1252 (Western Excel).
package enum EncodingDetector {
    /// The detected encoding and the length of the byte-order mark to skip.
    package struct Detection: Sendable, Equatable {
        /// The encoding.
        package var encoding: TextEncoding
        /// Bytes of BOM at the start of the file (0 when none).
        package var bomLength: Int
    }

    /// Detects the encoding of `bytes`.
    package static func detect(_ bytes: [UInt8]) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: .utf8, bomLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: .utf16LE, bomLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: .utf16BE, bomLength: 2) }
        if isValidUTF8(bytes) { return Detection(encoding: .utf8, bomLength: 0) }
        if looksLikeCP932(bytes) && decodesAsJapanese(bytes) { return Detection(encoding: .cp932, bomLength: 0) }
        return Detection(encoding: .windows1252, bomLength: 0)
    }

    /// Length of the BOM for an encoding chosen by the user (`--encoding`), if present.
    package static func bomLength(of bytes: [UInt8], for encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LE: bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0
        case .utf16BE: bytes.starts(with: [0xFE, 0xFF]) ? 2 : 0
        case .cp932, .windows1252: 0
        }
    }

    /// Fast whole-buffer UTF-8 validity check.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // ASCII fast path in 8-byte words, then the standard library's validation.
            var i = 0
            let n = buffer.count
            while i + 8 <= n {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i == n { return true }
            // Every byte before `i` is ASCII, so `i` is a character boundary.
            return String(validating: UnsafeBufferPointer(rebasing: buffer[i...]), as: UTF8.self) != nil
        }
    }

    /// True when the bytes decode as CP932 and most non-ASCII characters are Japanese (kana,
    /// kanji, full-width forms, CJK symbols, circled numbers): Western text in Windows-1252 can
    /// also be structurally valid CP932, but then decodes to unrelated kanji and half-width kana.
    static func decodesAsJapanese(_ bytes: [UInt8]) -> Bool {
        let decoder = CellDecoder(encoding: .cp932)
        var japanese = 0
        var other = 0
        let sample = Array(bytes.prefix(1 << 20))
        // Decode line by line so one odd byte does not hide the rest.
        var start = 0
        for i in 0...sample.count where i == sample.count || sample[i] == 0x0A {
            let line = sample[start..<i]
            start = i + 1
            guard line.contains(where: { $0 >= 0x80 }) else { continue }
            guard let text = line.withUnsafeBufferPointer({ decoder.decode($0) }) else {
                other += 1
                continue
            }
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                switch scalar.value {
                case 0x3000...0x30FF, 0x3200...0x33FF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF60, 0x2460...0x24FF,
                    0xFFE0...0xFFE5, 0x2010...0x2312:
                    japanese += 1
                default:
                    other += 1
                }
            }
        }
        return japanese > 0 && japanese >= 4 * other
    }

    /// Structural CP932 check: every lead byte (0x81–0x9F, 0xE0–0xFC) is followed by a valid
    /// trail byte (0x40–0x7E, 0x80–0xFC); single-byte katakana 0xA1–0xDF are allowed.
    static func looksLikeCP932(_ bytes: [UInt8]) -> Bool {
        var i = 0
        var doubleByte = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 || (0xA1...0xDF).contains(b) {
                i += 1
                continue
            }
            guard (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b), i + 1 < bytes.count else { return false }
            let t = bytes[i + 1]
            guard (0x40...0x7E).contains(t) || (0x80...0xFC).contains(t) else { return false }
            doubleByte += 1
            i += 2
        }
        return doubleByte > 0
    }
}
