import Testing
import XBorderCore

/// Spreadsheet-safe CSV output (OWASP CSV Injection, ASVS 5.0 V1.2.10).
@Suite struct CSVWriterTests {
    static func cell(_ value: String) -> String {
        var w = CSVWriter()
        w.row([value])
        return String(decoding: w.drain().dropLast(2), as: UTF8.self)
    }

    @Test("formula triggers get a leading quote", arguments: [
        ("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "\"'\tx\""), ("\rx", "\"'\rx\""),
    ])
    func triggers(_ input: String, _ expected: String) {
        #expect(Self.cell(input) == expected)
    }

    @Test("OWASP's worked examples")
    func owaspExamples() {
        #expect(Self.cell("=1+2\";=1+2") == "\"'=1+2\"\";=1+2\"")
        #expect(Self.cell("=1+2'\" ;,=1+2") == "\"'=1+2'\"\" ;,=1+2\"")
    }

    @Test("near-misses stay as they are", arguments: [" =1+2", "'=1", "＝1+2", "a=b"])
    func nearMisses(_ input: String) {
        let out = Self.cell(input)
        #expect(!out.hasPrefix("'") || input.hasPrefix("'"))
        #expect(out.contains(input))
    }

    @Test("RFC 4180 quoting and CRLF row ends")
    func quoting() {
        var w = CSVWriter(header: ["a", "b"])
        w.row(["x,y", "say \"hi\"\nthere"])
        #expect(String(decoding: w.drain(), as: UTF8.self) == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nthere\"\r\n")
    }
}
