import Foundation
import Testing

/// Progress goes to stderr only on a terminal: with stderr a pipe (as in CI, or `2> file`) a run
/// writes no progress bytes, even when the display would start at once.
@Suite(.serialized) struct ProgressTests {
    @Test("no progress bytes when stderr is not a terminal")
    func notATerminal() throws {
        let output = CLITests.temporaryDirectory()
        let result = try CLITests.run(
            ["run", "Inputs/2026-Q3", "--output", output], environment: ["XBORDER_PROGRESS_DELAY": "0"])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stdout.contains("\r"))
        #expect(!result.stderr.contains("rows read"))
        #expect(!result.stdout.contains("rows read ·"))
    }
}
