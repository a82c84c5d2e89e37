import Crypto
import Foundation

/// A file being written into the staging folder: bytes are hashed while they are written, so
/// the manifest never re-reads what was just produced.
package final class FileSink {
    /// Path inside the period folder (`inputs/flows.csv`).
    package let name: String
    private let handle: FileHandle
    private var hasher = SHA256()
    /// Bytes written.
    package private(set) var size = 0
    /// Largest block handed to the file handle at once.
    static let blockSize = 4 << 20

    init(name: String, path: String) throws(FileSystem.Failure) {
        self.name = name
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw FileSystem.Failure(path: path, reason: "cannot be created") }
        self.handle = handle
    }

    /// Appends bytes, in blocks of at most `blockSize` so a 1 GB input copied into the archive
    /// is never duplicated in memory.
    package func write(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        guard !bytes.isEmpty else { return }
        hasher.update(data: bytes)
        size += bytes.count
        do {
            for start in stride(from: 0, to: bytes.count, by: Self.blockSize) {
                try handle.write(contentsOf: Data(bytes[start..<min(bytes.count, start + Self.blockSize)]))
            }
        } catch {
            let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            let reason = posix.map { String(cString: strerror(Int32($0))).lowercased() } ?? error.localizedDescription
            throw FileSystem.Failure(path: name, reason: "write failed: \(reason)")
        }
    }

    /// Flushes to disk, closes, and returns the SHA-256 in lower-case hex.
    func finish() throws(FileSystem.Failure) -> String {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw FileSystem.Failure(path: name, reason: "cannot be flushed to disk: \(error)")
        }
        return hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// SHA-256 of bytes in memory, lower-case hex.
package func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
