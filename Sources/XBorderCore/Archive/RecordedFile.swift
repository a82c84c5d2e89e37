/// A period file as the archive records it: its path, size and SHA-256, taken when it was read.
/// A small file keeps its bytes; a large one does not hold them through the run (at a million
/// flows, flows.csv is 162 MB that nothing needs once it is decoded): the archive copies it again
/// from disk and checks it against the hash (`ArchiveWriter.copy`).
package struct RecordedFile: Sendable {
    /// Files up to this size keep their bytes.
    package static let keptBytes = 16 << 20

    /// The path as the user gave it.
    package var path: String
    /// Bytes when read.
    package var size: Int
    /// SHA-256 when read, lower-case hex.
    package var sha256: String
    /// The bytes, for a file of at most `keptBytes`.
    package var bytes: [UInt8]?

    /// Records a file read into memory.
    package init(_ file: InputFile, keepingUpTo limit: Int = keptBytes) {
        path = file.path
        size = file.bytes.count
        sha256 = sha256Hex(file.bytes)
        bytes = size <= limit ? file.bytes : nil
    }
}
