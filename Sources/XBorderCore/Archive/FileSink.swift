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
    /// Bytes up to here have been handed to the kernel's writeback (`startWriteback`).
    private var writebackStart = 0
    /// How much is written before writeback of it starts.
    static let writebackStep = 8 << 20
    /// The bytes on their way to disk past the page cache, when the file system takes direct
    /// writes (nil: `write(2)` through the page cache, with early writeback).
    private var blocks: DirectBlocks?

    init(name: String, path: String) throws(FileSystem.Failure) {
        self.name = name
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw FileSystem.Failure(path: path, reason: "cannot be created") }
        self.handle = handle
        blocks = DirectBlocks(descriptor: handle.fileDescriptor)
    }

    /// Appends bytes, written straight from the array (a 1 GB input copied into the archive is
    /// never duplicated in memory).
    package func write(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        guard !bytes.isEmpty else { return }
        hasher.update(data: bytes)
        size += bytes.count
        if blocks != nil {
            if let failure = bytes.withUnsafeBytes({ blocks!.append($0) }) { throw writeFailure(failure) }
            return
        }
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
        if let failure { throw writeFailure(failure) }
        if size - writebackStart >= Self.writebackStep { startWriteback() }
    }

    private func writeFailure(_ error: Int32) -> FileSystem.Failure {
        FileSystem.Failure(path: name, reason: "write failed: \(String(cString: strerror(error)).lowercased())")
    }

    /// Asks the kernel to start writing what was written since the last call to disk, without
    /// waiting for it: the companions' gigabytes then reach the disk while stage 3 still runs,
    /// and `finish`'s fsync only waits for the tail (at a million flows the two fsyncs took
    /// 0.8 s on the critical path). Durability still comes from that fsync alone; a kernel
    /// without the call changes nothing but the timing.
    private func startWriteback() {
        _ = Self.syncFileRange?(handle.fileDescriptor, Int64(writebackStart), Int64(size - writebackStart), 2)
        writebackStart = size
    }

    /// Linux's `sync_file_range(2)` (flag 2 is `SYNC_FILE_RANGE_WRITE`), looked up at run time:
    /// Glibc's module map leaves it out (it needs `_GNU_SOURCE`). Nil elsewhere.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    /// Flushes to disk, closes, and returns the SHA-256 in lower-case hex.
    func finish() throws(FileSystem.Failure) -> String {
        if blocks != nil, let failure = blocks!.finish() { throw writeFailure(failure) }
        blocks = nil
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
