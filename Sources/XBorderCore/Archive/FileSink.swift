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
    init(name: String, path: String) throws(FileSystem.Failure) {
        self.name = name
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw FileSystem.Failure(path: path, reason: "cannot be created") }
        self.handle = handle
    }

    /// Appends bytes, written straight from the array (a 1 GB input copied into the archive is
    /// never duplicated in memory).
    package func write(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        guard !bytes.isEmpty else { return }
        hasher.update(data: bytes)
        size += bytes.count
        // write(2) straight from the array: FileHandle would first copy it into a `Data`.
        let fd = handle.fileDescriptor
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure {
            throw FileSystem.Failure(path: name, reason: "write failed: \(String(cString: strerror(failure)).lowercased())")
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
        return hasher.finalize().hex
    }
}

/// SHA-256 of bytes in memory, lower-case hex.
package func sha256Hex(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).hex }

extension SHA256.Digest {
    /// Lower-case hex, as manifest.json and SHA256SUMS write it.
    var hex: String { map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
}

/// The first 64 bits of the SHA-256 of `bytes`, big-endian: a content ID (findings.json's
/// assessment IDs).
package func contentID(_ bytes: [UInt8]) -> UInt64 {
    SHA256.hash(data: bytes).withUnsafeBytes { digest in
        digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
