import Foundation
import Testing
import TestSupport
import XBorderCore

/// Streamed archive files (`FileSink`, with `DirectBlocks` past the page cache): the file on disk
/// holds exactly the bytes written, whatever the sizes of the pieces and wherever the blocks
/// end, on a file system that takes direct writes and on one that refuses them (tmpfs).
@Suite struct FileSinkTests {
    static let block = 8 << 20

    /// Writes `total` bytes in pieces of varying size and returns them with the file as read back.
    static func roundTrip(
        total: Int, under folder: String
    ) throws -> (written: [UInt8], onDisk: [UInt8], recorded: Int) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        // A 251-byte cycle (prime, so no block boundary lines up with it), doubled by copies:
        // building it byte by byte is slow in a debug build.
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            for i in 0..<min(total, 251) { buffer[i] = UInt8(truncatingIfNeeded: next()) }
            var filled = min(total, 251)
            while filled < total {
                let n = min(filled, total - filled)
                (buffer.baseAddress! + filled).update(from: buffer.baseAddress!, count: n)
                filled += n
            }
            count = total
        }
        let archive = try ArchiveWriter(outputDirectory: folder, period: "2026-Q3")
        let sink = try archive.open("findings.csv")
        var offset = 0
        while offset < total {
            // Pieces from 1 byte to about 3 MB, so some end exactly on a block and some span two.
            let size = min(total - offset, Int(next() % 3_000_000) + 1)
            try sink.write(Array(bytes[offset..<(offset + size)]))
            offset += size
        }
        try archive.close(sink)
        let staging = try #require(FileSystem.list(folder).first { $0.hasPrefix(".staging-") })
        let onDisk = try FileSystem.read(FileSystem.join(folder, "\(staging)/findings.csv"))
        return (bytes, onDisk, archive.files.first?.size ?? -1)
    }

    @Test(
        "a streamed file holds exactly the bytes written, across block boundaries",
        arguments: [0, 1, 4_095, block - 1, block, block + 1, 2 * block + 12_345])
    func exactBytes(total: Int) throws {
        let result = try Self.roundTrip(total: total, under: Paths.temporaryDirectory())
        #expect(result.onDisk == result.written)
        #expect(result.recorded == total)
    }

    @Test("on tmpfs, which refuses direct writes, the file is written the ordinary way")
    func fallsBackWithoutDirectIO() throws {
        guard FileSystem.isDirectory("/dev/shm") else { return }
        let folder = "/dev/shm/xborder-filesink-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.roundTrip(total: Self.block + 777, under: folder)
        #expect(result.onDisk == result.written)
        #expect(result.recorded == Self.block + 777)
    }
}
