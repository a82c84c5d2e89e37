#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of one CSV cell into a `String` in the file's encoding.
///
/// Returns nil for bytes that are invalid in that encoding: the caller reports them with the
/// cell's location instead of inserting replacement characters. CP932 goes through glibc
/// `iconv` ("CP932" knows the NEC and IBM extensions, "SHIFT_JIS" does not, and Japanese Excel writes them).
/// Not `Sendable`: it owns an iconv descriptor; make one per thread.
package final class CellDecoder {
    /// The encoding cells are in (UTF-16 files are transcoded to UTF-8 before tokenizing).
    package let encoding: TextEncoding
    private var converter: iconv_t?

    /// Creates a decoder for cells of an ASCII-compatible encoding.
    package init(encoding: TextEncoding) {
        self.encoding = encoding
        if encoding == .cp932 {
            let descriptor = iconv_open("UTF-8", "CP932")
            converter = descriptor == iconv_t(bitPattern: -1) ? nil : descriptor
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// Decodes `bytes`, or returns nil when they are not valid in the encoding.
    package func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        switch encoding {
        case .utf8, .utf16LE, .utf16BE:
            return String(validating: bytes, as: UTF8.self)
        case .windows1252:
            return Self.decodeWindows1252(bytes)
        case .cp932:
            return decodeCP932(bytes)
        }
    }

    private func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    private func decodeCP932(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let converter else { return nil }
        iconv(converter, nil, nil, nil, nil)
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 4)
        var inLeft = bytes.count
        var outLeft = output.count
        let ok: Bool = output.withUnsafeMutableBufferPointer { out in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: bytes.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            return iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
        }
        guard ok else { return nil }
        let produced = output.count - outLeft
        return String(decoding: output[0..<produced], as: UTF8.self)
    }

    /// Windows-1252: Latin-1 plus the printable characters Microsoft put at 0x80–0x9F.
    /// The five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) are invalid.
    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if (0x80...0x9F).contains(b) {
                let value = windows1252High[Int(b - 0x80)]
                guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
