/// A file recorded in manifest.json: its path inside the period folder, SHA-256 and size.
package struct ManifestEntry: Sendable, Equatable {
    /// Path inside the period folder (`inputs/flows.csv`).
    package var path: String
    /// SHA-256, lower-case hex.
    package var sha256: String
    /// Size in bytes.
    package var size: Int

    /// Creates an entry.
    package init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
