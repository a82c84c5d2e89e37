import Testing
import XBorderCore

/// The strict JSON reader under manifest.json: positions, and what other parsers let through.
@Suite struct JSONReaderTests {
    @Test("values keep their line and column; escapes and surrogate pairs are decoded")
    func positions() throws {
        let value = try JSONReader.parse(Array("{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}".utf8))
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect((members[0].value.line, members[0].value.column) == (2, 8))
        guard case .string(let text) = members[1].value.kind else { Issue.record("not a string"); return }
        #expect(text == "xé😀\n")
        guard case .array(let items) = members[0].value.kind else { Issue.record("not an array"); return }
        #expect(items[0].integer == 1 && items[1].integer == nil)
    }

    @Test("invalid documents are refused with the position of the problem", arguments: [
        ("", "unexpected end of data (truncated?)", 1, 1),
        ("{\"a\": 1,}", "unexpected '}', expected a key in quotes", 1, 9),
        ("[01]", "invalid number: leading zero", 1, 4),
        ("\"\\ud800\"", "unpaired surrogate in a \\u escape", 1, 8),
        ("\"a\tb\"", "control character 0x9 in a string (escape it)", 1, 3),
        ("\u{FF}", "unexpected byte 0xC3, expected a value", 1, 1),
        ("{} x", "unexpected 'x' after the document", 1, 4),
        ("\"\\q\"", "invalid escape in a string: 'q' after '\\'", 1, 3),
    ])
    func invalid(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONReader.Failure(message: message, line: line, column: column)) {
            _ = try JSONReader.parse(Array(text.utf8))
        }
    }

    @Test("invalid UTF-8 and deep nesting are refused, not crashed on")
    func hostileBytes() {
        #expect(throws: JSONReader.Failure.self) { _ = try JSONReader.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONReader.Failure.self) { _ = try JSONReader.parse(Array(repeating: UInt8(ascii: "["), count: 1_000_000)) }
    }
}
