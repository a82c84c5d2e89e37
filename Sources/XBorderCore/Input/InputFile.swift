/// Stage 0: one file as read from disk, before any interpretation.
package struct InputFile: Sendable {
    /// The path as the user gave it, used in diagnostics.
    package var path: String
    /// The raw bytes.
    package var bytes: [UInt8]

    /// Creates an input file from bytes already in memory.
    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
