/// Removes what may not appear in an XML document or could disguise text.
package enum TextSanitizer {
    /// The cleaned text (unchanged for ordinary text, without allocating).
    ///
    /// Also separates a markup character (`<` `>` `&` `"` `'`) from a combining mark that
    /// follows it, with U+25CC DOTTED CIRCLE (Unicode's base for an isolated mark): swift-mustache
    /// escapes by `Character`, and `<` + U+0338 is one `Character` that is not `<`, so it would
    /// otherwise reach the document unescaped (a combining mark attaches to the character before it, even to markup
    /// such as `>`).
    package static func clean(_ text: String) -> String {
        var previousIsMarkup = false
        var needsWork = false
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) || (previousIsMarkup && extendsGrapheme(scalar)) {
                needsWork = true
                break
            }
            previousIsMarkup = isMarkup(scalar)
        }
        guard needsWork else { return text }
        var scalars = String.UnicodeScalarView()
        previousIsMarkup = false
        for scalar in text.unicodeScalars where !isRemoved(scalar) {
            if previousIsMarkup && extendsGrapheme(scalar) { scalars.append("\u{25CC}") }
            scalars.append(scalar)
            previousIsMarkup = isMarkup(scalar)
        }
        return String(scalars)
    }

    static func isMarkup(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "<" || scalar == ">" || scalar == "&" || scalar == "\"" || scalar == "'"
    }

    /// True for scalars that join the preceding character into one grapheme cluster.
    static func extendsGrapheme(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        let p = scalar.properties
        return p.isGraphemeExtend || p.generalCategory == .spacingMark || scalar.value == 0x200D
            || (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// True when `text` holds a character that `isRemoved`; a scan of the UTF-8 bytes rules
    /// most text out without decoding it (every removed character starts with a control byte or
    /// one of the lead bytes C2, D8, E2, EF).
    package static func containsRemoved(_ text: String) -> Bool {
        // Over the contiguous bytes: the `utf8` view's iterator costs several times more per byte,
        // and every text cell of flows.csv passes through here.
        var text = text
        let suspicious = text.withUTF8 { bytes in
            bytes.contains { b in
                (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2
                    || b == 0xEF
            }
        }
        return suspicious && text.unicodeScalars.contains(where: isRemoved)
    }

    /// True for scalars that are dropped.
    package static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0xFFFE, 0xFFFF: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
