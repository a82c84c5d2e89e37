import Testing
import XBorderCore

/// The plain relative paths a manifest may list.
@Suite struct ArchivePathTests {
    @Test("plain relative paths are accepted", arguments: ["report.html", "inputs/flows.csv", "a/b/c..d", ".hidden", "レポート.csv"])
    func plain(_ path: String) { #expect(ArchivePath.problem(path) == nil) }

    @Test("anything else is refused with its reason", arguments: [
        ("", "is empty"), ("/etc/passwd", "is an absolute path"), ("../x", "contains a '..' component"),
        ("a/../../x", "contains a '..' component"), ("a//b", "contains an empty component"), ("a/", "contains an empty component"),
        ("./a", "contains a '.' component"), ("a\\b", "contains a backslash"), ("a\u{0}b", "contains a NUL character"),
        ("a\nb", "contains a control character"), ("SHA256SUMS", "names SHA256SUMS, which a manifest never lists"),
        (String(repeating: "a", count: 1025), "is longer than 1024 bytes"),
    ])
    func refused(_ path: String, _ reason: String) { #expect(ArchivePath.problem(path) == reason) }
}
