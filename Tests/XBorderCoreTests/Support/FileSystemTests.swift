import Foundation
import Testing
import XBorderCore
import TestSupport

/// Reading input files: the size limit is checked before reading, and endless files stop at it.
@Suite struct FileSystemTests {
    @Test("a file within the limit is read whole; one byte over is refused as too large")
    func limit() throws {
        let path = Paths.temporaryDirectory() + "/flows.csv"
        try FileSystem.write(path, Array(repeating: UInt8(ascii: "a"), count: 1000))
        #expect(try FileSystem.read(path, limit: 1000).count == 1000)
        #expect(try FileSystem.read(path).count == 1000)
        let error = try #require(throws: FileSystem.Failure.self) { try FileSystem.read(path, limit: 999) }
        #expect(error.isTooLarge)
        #expect(error.reason == "file is 1000 bytes, larger than the limit of 999 bytes")
    }

    @Test("an endless device is refused at the limit instead of filling memory")
    func endless() throws {
        let error = try #require(throws: FileSystem.Failure.self) { try FileSystem.read("/dev/zero", limit: 100_000) }
        #expect(error.isTooLarge)
        #expect(error.reason == "file is larger than the limit of 100000 bytes")
    }

    @Test("empty files, missing files and folders")
    func edges() throws {
        let folder = Paths.temporaryDirectory()
        try FileSystem.write(folder + "/empty.csv", [])
        #expect(try FileSystem.read(folder + "/empty.csv", limit: 10) == [])
        let missing = try #require(throws: FileSystem.Failure.self) { try FileSystem.read(folder + "/none.csv") }
        #expect(missing.reason == "no such file" && !missing.isTooLarge)
        let directory = try #require(throws: FileSystem.Failure.self) { try FileSystem.read(folder) }
        #expect(directory.reason == "is a folder, not a file")
    }
}
