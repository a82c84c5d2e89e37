import Foundation
import Testing
import TestSupport
import XBorderCore

/// Writing inputs into the archive: a large input is copied again from disk and must be the file
/// that was read.
@Suite struct ArchiveWriterTests {
    static func recorded(_ text: String) throws -> (RecordedFile, path: String) {
        let path = Paths.temporaryDirectory() + "/flows.csv"
        try FileSystem.write(path, Array(text.utf8))
        // Nothing kept in memory: the archive has to read the file again.
        return (RecordedFile(InputFile(path: path, bytes: try FileSystem.read(path)), keepingUpTo: 0), path)
    }

    @Test("an input whose bytes were not kept is copied from disk with the hash it had when read")
    func copiesFromDisk() throws {
        let text = String(repeating: "F1,CAD,technical,secret,JP,US\n", count: 50_000)
        let (file, _) = try Self.recorded(text)
        #expect(file.bytes == nil && file.size == text.utf8.count)
        let archive = try ArchiveWriter(outputDirectory: Paths.temporaryDirectory(), period: "2026-Q3")
        try archive.copy("inputs/flows.csv", from: file)
        #expect(archive.files.map(\.path) == ["inputs/flows.csv"])
        #expect(archive.files.first?.sha256 == sha256Hex(Array(text.utf8)) && archive.files.first?.size == file.size)
    }

    @Test("an input changed or grown since it was read is refused, not archived", arguments: ["F2,CAD\n", "F1,CAD\nF2\n"])
    func refusesChangedInput(replacement: String) throws {
        let (file, path) = try Self.recorded("F1,CAD\n")
        try FileSystem.write(path, Array(replacement.utf8))
        let archive = try ArchiveWriter(outputDirectory: Paths.temporaryDirectory(), period: "2026-Q3")
        let failure = #expect(throws: FileSystem.Failure.self) { try archive.copy("inputs/flows.csv", from: file) }
        #expect(failure?.reason.contains("changed while the run was in progress") == true)
        #expect(failure?.path == path)
        #expect(archive.files.isEmpty)
    }
}
