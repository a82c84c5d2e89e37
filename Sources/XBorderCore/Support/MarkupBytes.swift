/// Byte-level searches in markup, for the two checks that keep reports passive: the template
/// text before rendering (`TemplateLibrary.forbiddenMarkup`) and the rendered report before
/// archiving (`ActiveContentScanner`). Element and attribute names are ASCII and HTML folds only
/// ASCII case, so both work on ASCII-lowercased bytes, never on per-tag `String`s.
enum MarkupBytes {
    /// The byte with an ASCII capital letter lower-cased.
    static func asciiLower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The index just past the first occurrence of `needle` in `haystack`.
    static func firstRange<C: RandomAccessCollection<UInt8>>(of needle: String, in haystack: C) -> C.Index? {
        let needle = Array(needle.utf8)
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
        while i <= last {
            if haystack[i] == first && haystack[i...].starts(with: needle) {
                return haystack.index(i, offsetBy: needle.count)
            }
            i = haystack.index(after: i)
        }
        return nil
    }

    /// True when `needle` occurs in `haystack`.
    static func contains<C: RandomAccessCollection<UInt8>>(_ haystack: C, _ needle: String) -> Bool {
        firstRange(of: needle, in: haystack) != nil
    }

    /// True when a tag has an attribute named `on…` (white space, `on`, letters, `=`). Hand-written:
    /// a `Regex` per tag made validation take seconds.
    static func hasEventHandler(_ tag: [UInt8]) -> Bool {
        var i = 1
        while i + 2 < tag.count {
            let isSpace = tag[i - 1] == 0x20 || tag[i - 1] == 0x0A || tag[i - 1] == 0x09 || tag[i - 1] == 0x0D
            if isSpace && tag[i] == UInt8(ascii: "o") && tag[i + 1] == UInt8(ascii: "n") {
                var j = i + 2
                while j < tag.count && tag[j] >= UInt8(ascii: "a") && tag[j] <= UInt8(ascii: "z") { j += 1 }
                if j > i + 2 {
                    while j < tag.count && (tag[j] == 0x20 || tag[j] == 0x0A || tag[j] == 0x09) { j += 1 }
                    if j < tag.count && tag[j] == UInt8(ascii: "=") { return true }
                }
            }
            i += 1
        }
        return false
    }
}
