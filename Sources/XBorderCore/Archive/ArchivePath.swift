/// The one shape a path in manifest.json may have: a plain relative path inside the period
/// folder. Anything else could make `verify` read outside the archive (`../../etc/hostname`),
/// read the same file twice, or write a line into SHA256SUMS that means something else.
package enum ArchivePath {
    /// The longest path accepted, in bytes.
    package static let maxBytes = 1024

    /// Names a manifest never lists: the files that describe the others.
    package static let reserved: Set<String> = [Manifest.fileName, Manifest.checksumsFileName, Manifest.signatureFileName]

    /// Why `path` is not a plain relative path inside the period folder, or nil when it is.
    package static func problem(_ path: String) -> String? {
        let utf8 = path.utf8
        if utf8.isEmpty { return "is empty" }
        if utf8.count > maxBytes { return "is longer than \(maxBytes) bytes" }
        if utf8.contains(0) { return "contains a NUL character" }
        if utf8.contains(UInt8(ascii: "\\")) { return "contains a backslash" }
        if utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        if utf8.first == UInt8(ascii: "/") { return "is an absolute path" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": return "contains an empty component"
            case ".": return "contains a '.' component"
            case "..": return "contains a '..' component"
            default: continue
            }
        }
        if reserved.contains(path) { return "names \(path), which a manifest never lists" }
        return nil
    }
}
