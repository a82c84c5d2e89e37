import Testing
import XBorderCore

/// The scan of rendered reports for active content and fetches.
@Suite struct ActiveContentScannerTests {
    static func scan(_ text: String) -> [String] { ActiveContentScanner.scan(Array(text.utf8)).map { "\($0.line): \($0.message)" } }

    @Test("a passive document passes, including url(#id) and escaped text that mentions scripts")
    func passive() {
        let doc = "<html>\n<head><style type=\"text/css\">a { marker-end: url(#m); }</style></head>\n"
            + "<body class=\"x\"><p>&lt;script&gt; onload=alert(1) url(http://x)</p>"
            + "<svg:path marker-end=\"url(#fm-arrow)\"/></body></html>"
        #expect(Self.scan(doc) == [])
    }

    @Test("scripts, handlers, objects, refresh and fetching CSS are found with their lines")
    func active() {
        #expect(Self.scan("<body\nonload=\"x\">") == ["1: the report may not contain event-handler attributes"])
        #expect(Self.scan("<p>\n<svg:script>x</svg:script>") == ["2: the report may not contain 'script' elements"])
        #expect(Self.scan("<object data=\"https://e\"/>").count == 1)
        #expect(Self.scan("<meta http-equiv=\"refresh\" content=\"0\"/>").count == 1)
        #expect(Self.scan("<style>\nb { background: \\75 rl(https://e) }</style>").count == 1)
        #expect(Self.scan("<style>b { background: url( 'https://e') }</style>").count == 1)
        #expect(Self.scan("<p style=\"background:url(https://e)\">x</p>").count == 1)
    }
}
