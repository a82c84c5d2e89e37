/// The character encodings xborder reads spreadsheets in (README, "Inputs": what Excel and LibreOffice write).
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    /// Windows-31J, what Japanese Excel writes as "CSV" (Shift_JIS with NEC/IBM extensions).
    case cp932 = "CP932"
    case windows1252 = "Windows-1252"

    /// Parses a user-supplied name (`--encoding`), accepting common aliases.
    package init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16le", "utf16", "unicode": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "cp932", "windows31j", "sjis", "shiftjis", "ms932", "mskanji": self = .cp932
        case "windows1252", "cp1252", "latin1", "iso88591", "ansi": self = .windows1252
        default: return nil
        }
    }

    /// True for encodings whose bytes below 0x80 are ASCII, so CSV syntax can be found on raw bytes.
    var isASCIICompatible: Bool { self != .utf16LE && self != .utf16BE }
}
