import Mustache

/// The escaping of every value a template prints, byte for byte swift-mustache's own HTML
/// escaping (`<` `>` `&` `"` `'` as `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`, matched per
/// `Character`), without its cost: the library looks every `Character` of every value up in a
/// dictionary, a sixth of a whole run on the sample. Most values hold none of the five bytes and
/// are returned as they are; ASCII values are escaped byte by byte (there a byte is a character,
/// or part of CR LF, which is never escaped); other values with one of the five bytes go
/// character by character as the library does.
///
/// A template selects it with the pragma `{{% CONTENT_TYPE: XBORDER_HTML}}`, which
/// `TemplateLibrary` puts on a line of its own before each template's text when parsing (a
/// partial starts with the library's escaping again, so each needs it). Template files may not
/// contain pragmas themselves (`TemplateLibrary.rawOutputTags`).
struct HTMLEscaping: MustacheContentType {
    /// The name the pragma gives.
    static let name = "XBORDER_HTML"
    /// The line put before each template's text.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the escaping with swift-mustache, once per process, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    func escapeText(_ text: String) -> String {
        var special = false, ascii = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                special = true
            case 0x80...: ascii = false
            default: break
            }
        }
        guard special else { return text }
        guard ascii else {
            var escaped = ""
            escaped.reserveCapacity(text.count)
            for c in text {
                if let replacement = Self.replacements[c] { escaped += replacement } else { escaped.append(c) }
            }
            return escaped
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
