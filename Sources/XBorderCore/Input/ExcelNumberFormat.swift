import Foundation

/// A numeric cell as Excel shows it (and as its CSV export writes it): `General` with up to
/// eleven characters (`120000`, `0.75`, `7.5E+15`), fixed decimals, thousands separators and
/// percentages from the cell's number format, and dates and times as ISO 8601
/// (`2026-09-30`, `2026-09-30 13:45:00`), which is what xborder's date columns read.
package struct ExcelNumberFormat: Sendable {
    /// The format code (`General`, `0.00`, `#,##0`, `yyyy-mm-dd` …).
    package var code: String

    /// The built-in format of an id (ECMA-376 §18.8.30), `General` when unknown.
    package init(id: Int, customCodes: [Int: String] = [:]) {
        if let custom = customCodes[id] {
            code = custom
            return
        }
        switch id {
        case 1: code = "0"
        case 2: code = "0.00"
        case 3: code = "#,##0"
        case 4: code = "#,##0.00"
        case 9: code = "0%"
        case 10: code = "0.00%"
        case 11: code = "0.00E+00"
        case 14...17, 22, 27...36, 50...58: code = "yyyy-mm-dd"
        case 18...21, 45...47: code = "hh:mm:ss"
        case 49: code = "@"
        default: code = "General"
        }
    }

    /// Creates a format from its code.
    package init(code: String) { self.code = code }

    /// Whether the code formats dates or times (d, m, y, h or s outside quotes and brackets).
    package var isDate: Bool {
        var quoted = false, bracket = false
        for c in code.lowercased() {
            if c == "\"" { quoted.toggle() } else if c == "[" { bracket = true } else if c == "]" { bracket = false }
            if !quoted, !bracket, "dmyhs".contains(c) { return true }
        }
        return false
    }

    /// The stored value `raw` as the format shows it; `raw` itself when it is not a number.
    package func display(_ raw: String, date1904: Bool = false) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if isDate { return Self.date(value, date1904: date1904, withTime: code.lowercased().contains("h")) ?? raw }
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        if section == "General" || section == "@" || section.isEmpty { return Self.general(value) }
        let percent = section.contains("%")
        let scaled = percent ? value * 100 : value
        if section.uppercased().contains("E+") { return Self.scientific(scaled, decimals: Self.decimals(in: section)) }
        var text = String(format: "%.\(Self.decimals(in: section))f", scaled)
        if section.contains(",") { text = Self.grouped(text) }
        return text + (percent ? "%" : "")
    }

    /// Zeros after the decimal point of a format section.
    static func decimals(in section: String) -> Int {
        guard let point = section.firstIndex(of: ".") else { return 0 }
        return section[section.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count
    }

    /// `1234567.5` → `1,234,567.5`.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        out.insert(contentsOf: digits, at: 0)
        return (negative ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Excel's `General`: integers below 10^11 in full, else at most eleven characters
    /// (`0.3` for 0.30000000000000004, `7.5E+15`).
    static func general(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e11 || magnitude < 1e-9 { return scientific(value, decimals: 5, trimming: true) }
        if value == value.rounded(), magnitude < 1e15 { return String(Int64(value)) }
        let integerDigits = magnitude < 1 ? 1 : Int(log10(magnitude)) + 1
        let decimals = max(0, 10 - integerDigits)
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `7.5E+15`; trailing zeros of the mantissa dropped when `trimming`.
    static func scientific(_ value: Double, decimals: Int, trimming: Bool = false) -> String {
        let text = String(format: "%.\(decimals)E", value)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        if trimming, mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let digits = String(abs(exponent))
        return mantissa + "E" + (exponent < 0 ? "-" : "+") + (digits.count < 2 ? "0" + digits : digits)
    }

    /// A date serial as `yyyy-mm-dd` (with ` hh:mm:ss` when `withTime`); nil out of range.
    static func date(_ serial: Double, date1904: Bool, withTime: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        // The 1900 system counts 1900-02-29, which did not exist: serials from 61 are one day late.
        if date1904 { days += 1462 } else if days < 61 { days += 1 }
        // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, from 1970-01-01).
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var text = String(format: "%04d-%02d-%02d", year, month, day)
        if withTime {
            let seconds = Int(((serial - serial.rounded(.down)) * 86400).rounded())
            text += String(format: " %02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60)
        }
        return text
    }
}
