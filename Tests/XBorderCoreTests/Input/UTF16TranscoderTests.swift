import Testing
import XBorderCore

/// UTF-16 to UTF-8 with located, bounded reporting of invalid code units.
@Suite struct UTF16TranscoderTests {
    /// Little-endian bytes of code units.
    static func bytes(_ units: [UInt16]) -> [UInt8] { units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test("valid text keeps its lines; lone surrogates become U+FFFD on their line")
    func lines() {
        let units = Array("a\n日本\n".utf16) + [0xD800] + Array("x\n".utf16)
        let result = UTF16Transcoder.transcode(Self.bytes(units)[...], bigEndian: false)
        #expect(String(decoding: result.utf8, as: UTF8.self) == "a\n日本\n\u{FFFD}x\n")
        #expect(result.invalidLines == [3] && result.invalidLineCount == 1)
    }

    @Test("invalid lines beyond the listed ones are only counted")
    func bounded() {
        let extra = 5
        let units: [UInt16] = Array(repeating: [UInt16(0xDC00), 0x0A], count: UTF16Transcoder.listedLines + extra).flatMap { $0 }
        let result = UTF16Transcoder.transcode(Self.bytes(units)[...], bigEndian: false)
        #expect(result.invalidLines.count == UTF16Transcoder.listedLines)
        #expect(result.invalidLines.last == UTF16Transcoder.listedLines)
        #expect(result.invalidLineCount == UTF16Transcoder.listedLines + extra)
        var log = DiagnosticLog()
        _ = Spreadsheet(InputFile(path: "u.csv", bytes: [0xFF, 0xFE] + Self.bytes(units)), diagnostics: &log)
        // One error per listed line and one for the rest (beyond what the log keeps, but counted).
        #expect(log.errorCount == UTF16Transcoder.listedLines + 1)
    }
}
