#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file in whole, aligned blocks that bypass the page cache (Linux `O_DIRECT`), for
/// `FileSink`. On this 2-core VM a buffered `write(2)` of 2 GB cost 4.9 s of kernel CPU copying
/// into fresh page-cache pages (`dd bs=8M`), against 0.3 s with `O_DIRECT`; a million-flow run
/// writes 2.2 GB of companions, so that copy took CPU from the assessment threads
/// (docs/PERFORMANCE.md, ninth round). The bytes are gathered in one aligned buffer and written
/// a block at a time; what is left at the end is written through the page cache, after the
/// flag is cleared. Durability still comes from `FileSink.finish`'s fsync.
///
/// Nothing here changes a byte of the file: any refusal (a file system without direct I/O, a
/// short write) clears the flag and the rest is written the ordinary way.
struct DirectBlocks: ~Copyable {
    /// Bytes per write: a multiple of every block size a disk reports (512 or 4,096).
    static let blockSize = 8 << 20
    /// Alignment of the buffer's address, the file offset and the length of each direct write.
    static let alignment = 4096

    /// Linux's `O_DIRECT`, which the Glibc module leaves out (it needs `_GNU_SOURCE`); its value
    /// differs by architecture. Nil where it is not known: files are then written buffered.
    static var openFlag: Int32? {
        #if os(Linux) && arch(x86_64)
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #else
        return nil
        #endif
    }

    private let descriptor: Int32
    private let buffer: UnsafeMutableRawPointer
    /// Bytes gathered and not yet written.
    private var count = 0
    /// False once direct writes were refused: the rest goes through the page cache.
    private var direct = true

    /// Turns direct I/O on for `descriptor` (a file just created, offset 0); nil when the file
    /// system or platform refuses it.
    init?(descriptor: Int32) {
        guard let flag = Self.openFlag else { return nil }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, Self.alignment, Self.blockSize) == 0, let memory else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | flag) == 0 else {
            free(memory)
            return nil
        }
        self.descriptor = descriptor
        buffer = memory
    }

    deinit { free(buffer) }

    /// Gathers `bytes`, writing each block as it fills; the error number of a failed write.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let take = min(bytes.count - offset, Self.blockSize - count)
            (buffer + count).copyMemory(from: bytes.baseAddress! + offset, byteCount: take)
            count += take
            offset += take
            if count == Self.blockSize, let failure = flush() { return failure }
        }
        return nil
    }

    /// Writes what is gathered (a partial block through the page cache) and leaves the file
    /// descriptor without the flag; the error number of a failed write.
    mutating func finish() -> Int32? {
        if direct { leaveDirect() }
        return flush()
    }

    /// Writes the gathered bytes: directly while that works and the block is whole, otherwise
    /// through the page cache.
    private mutating func flush() -> Int32? {
        var written = 0
        while written < count {
            let n = write(descriptor, buffer + written, count - written)
            if n < 0 {
                if errno == EINTR { continue }
                // EINVAL: this file system (tmpfs, some network ones) takes no direct writes.
                if direct && errno == EINVAL {
                    leaveDirect()
                    continue
                }
                return errno
            }
            written += n
            // A short direct write leaves the offset unaligned: the rest goes buffered.
            if direct && written < count && written % Self.alignment != 0 { leaveDirect() }
        }
        count = 0
        return nil
    }

    private mutating func leaveDirect() {
        direct = false
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0, let flag = Self.openFlag { _ = fcntl(descriptor, F_SETFL, flags & ~flag) }
    }
}
