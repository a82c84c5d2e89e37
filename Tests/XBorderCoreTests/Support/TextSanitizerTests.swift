import Testing

@testable import XBorderCore

/// The byte-level pre-check of `containsRemoved` never disagrees with the scalar rule.
@Suite("TextSanitizer")
struct TextSanitizerTests {
    @Test("containsRemoved agrees with isRemoved for every BMP character")
    func agreesWithScalarRule() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            if TextSanitizer.containsRemoved(text) != TextSanitizer.isRemoved(scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
        #expect(!TextSanitizer.containsRemoved("名古屋本社（第二）"))
        #expect(TextSanitizer.containsRemoved("safe\u{202E}txt.exe"))
    }

    @Test(
        "trimming removes Unicode white space at both ends only",
        arguments: [
            ("abc", "abc"), (" abc ", "abc"), ("\u{3000}名古屋\u{3000}", "名古屋"), ("a b", "a b"), ("\u{A0}x", "x"),
            ("x\t", "x"), ("", ""), ("   ", ""), ("日本", "日本"), ("a\u{2003}", "a"),
        ])
    func trimming(_ input: String, _ expected: String) {
        #expect(input.trimmingWhitespace() == expected)
    }
}
