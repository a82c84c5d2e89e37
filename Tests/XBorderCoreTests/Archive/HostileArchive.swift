import Foundation
import Testing
import XBorderCore

#if canImport(Glibc)
import Glibc
#endif

/// An archived period built file by file for the hostile-archive tests: a manifest written by
/// hand (so it can say anything), SHA256SUMS recomputed to match it, as an attacker would.
struct HostileArchive: CustomTestStringConvertible, Sendable {
    /// A manifest entry: the path as a JSON string literal (so NUL and backslash can be written),
    /// and the hash and size claimed for it.
    struct Entry: Sendable {
        var pathJSON: String
        var sha256: String
        var size: Int

        /// An entry for a plain path claiming `bytes`.
        static func file(_ path: String, _ bytes: [UInt8]) -> Entry {
            Entry(pathJSON: "\"\(path)\"", sha256: sha256Hex(bytes), size: bytes.count)
        }
    }

    /// What the case is called in test output.
    var name: String
    /// The stable code `verify` must report.
    var expectedCode: String
    /// Builds the case inside an empty folder; returns the folder `verify` is given.
    var build: @Sendable (String) throws -> String

    var testDescription: String { name }

    /// A period folder with `files` on disk and a manifest listing `entries` (default: the files).
    static func write(
        in folder: String, files: [(String, [UInt8])], entries: [Entry]? = nil, format: String? = nil
    ) throws -> String {
        let period = folder + "/2026-Q3"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        for (path, bytes) in files {
            let full = period + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
        let listed = entries ?? files.map { Entry.file($0.0, $0.1) }
        let manifest = Array(manifestJSON(listed, format: format).utf8)
        try Data(manifest).write(to: URL(fileURLWithPath: period + "/manifest.json"))
        let sums = listed.map { "\($0.sha256)  \($0.pathJSON.dropFirst().dropLast())\n" }.joined()
            + "\(sha256Hex(manifest))  manifest.json\n"
        try Data(sums.utf8).write(to: URL(fileURLWithPath: period + "/SHA256SUMS"))
        return period
    }

    /// A manifest in the layout xborder writes.
    static func manifestJSON(_ entries: [Entry], format: String? = nil) -> String {
        let files = entries.map { "    {\n      \"path\": \($0.pathJSON),\n      \"sha256\": \"\($0.sha256)\",\n      \"size\": \($0.size)\n    }" }
        return """
            {\(format.map { "\n  \"format\": \($0)," } ?? "")
              "tool": "xborder",
              "version": "0.1.0",
              "period": "2026-Q3",
              "revision": 1,
              "supersedes": null,
              "as_of": "2026-09-30",
              "options": {},
              "counts": {},
              "templates": [],
              "files": [
            \(files.joined(separator: ",\n"))
              ]
            }

            """
    }

    static let text = Array("flow_id\nF1\n".utf8)

    /// Every hostile case of issue 19 and a few more.
    static let all: [HostileArchive] = [
        HostileArchive(name: "'..' path to a file outside the archive, hash matching", expectedCode: "archive.unsafe-path") { dir in
            let hostname = (try? FileSystem.read("/etc/hostname")) ?? []
            return try write(in: dir, files: [("report.html", text)], entries: [.file("report.html", text), .file("../../../../etc/hostname", hostname)])
        },
        HostileArchive(name: "'..' path to /dev/zero", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [], entries: [.file("../../../../dev/zero", Array(repeating: 0, count: 1 << 20))])
        },
        HostileArchive(name: "absolute path", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [], entries: [.file("/etc/hostname", text)])
        },
        HostileArchive(name: "empty component", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [("inputs/flows.csv", text)], entries: [.file("inputs//flows.csv", text)])
        },
        HostileArchive(name: "'.' component", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [("inputs/flows.csv", text)], entries: [.file("./inputs/flows.csv", text)])
        },
        HostileArchive(name: "empty path", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [], entries: [.file("", [])])
        },
        HostileArchive(name: "backslash", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [], entries: [Entry(pathJSON: #""..\\..\\etc\\hostname""#, sha256: sha256Hex(text), size: 12)])
        },
        HostileArchive(name: "NUL character", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [("a", text)], entries: [Entry(pathJSON: #""a\u0000b""#, sha256: sha256Hex(text), size: 12)])
        },
        HostileArchive(name: "line break (would forge a SHA256SUMS line)", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [("a", text)], entries: [Entry(pathJSON: #""a\nb""#, sha256: sha256Hex(text), size: 12)])
        },
        HostileArchive(name: "a manifest listing itself", expectedCode: "archive.unsafe-path") { dir in
            try write(in: dir, files: [], entries: [.file("manifest.json", text)])
        },
        HostileArchive(name: "duplicate path", expectedCode: "archive.duplicate-path") { dir in
            try write(in: dir, files: [("report.html", text)], entries: [.file("report.html", text), .file("report.html", text)])
        },
        HostileArchive(name: "symlinked file", expectedCode: "archive.unsafe-file") { dir in
            let hostname = (try? FileSystem.read("/etc/hostname")) ?? []
            let period = try write(in: dir, files: [], entries: [.file("inputs/flows.csv", hostname)])
            try FileManager.default.createDirectory(atPath: period + "/inputs", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: period + "/inputs/flows.csv", withDestinationPath: "/etc/hostname")
            return period
        },
        HostileArchive(name: "symlinked folder on the way", expectedCode: "archive.unsafe-file") { dir in
            let hostname = (try? FileSystem.read("/etc/hostname")) ?? []
            let period = try write(in: dir, files: [], entries: [.file("inputs/hostname", hostname)])
            try FileManager.default.createSymbolicLink(atPath: period + "/inputs", withDestinationPath: "/etc")
            return period
        },
        HostileArchive(name: "symlink to /dev/zero", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [], entries: [.file("findings.csv", text)])
            try FileManager.default.createSymbolicLink(atPath: period + "/findings.csv", withDestinationPath: "/dev/zero")
            return period
        },
        HostileArchive(name: "folder in place of a file", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [], entries: [.file("report.html", text)])
            try FileManager.default.createDirectory(atPath: period + "/report.html", withIntermediateDirectories: true)
            return period
        },
        HostileArchive(name: "FIFO in place of a file", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [], entries: [.file("findings.csv", text)])
            guard mkfifo(period + "/findings.csv", 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return period
        },
        HostileArchive(name: "device in place of a file", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [], entries: [.file("findings.csv", text)])
            // /dev/zero's numbers (1, 5); without the right to create devices, a FIFO stands in.
            if mknod(period + "/findings.csv", S_IFCHR | 0o600, (1 << 8) | 5) != 0 {
                guard mkfifo(period + "/findings.csv", 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
            return period
        },
        HostileArchive(name: "manifest.json is a symlink", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [("report.html", text)])
            try FileManager.default.moveItem(atPath: period + "/manifest.json", toPath: dir + "/elsewhere.json")
            try FileManager.default.createSymbolicLink(atPath: period + "/manifest.json", withDestinationPath: dir + "/elsewhere.json")
            return period
        },
        HostileArchive(name: "manifest.json is a FIFO", expectedCode: "archive.unsafe-file") { dir in
            let period = try write(in: dir, files: [("report.html", text)])
            try FileManager.default.removeItem(atPath: period + "/manifest.json")
            guard mkfifo(period + "/manifest.json", 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return period
        },
        HostileArchive(name: "truncated manifest", expectedCode: "archive.manifest-syntax") { dir in
            let period = try write(in: dir, files: [("report.html", text)])
            let bytes = try FileSystem.read(period + "/manifest.json")
            try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: period + "/manifest.json"))
            return period
        },
        HostileArchive(name: "deeply nested manifest", expectedCode: "archive.manifest-syntax") { dir in
            let period = try write(in: dir, files: [])
            try Data((String(repeating: "[", count: 100_000)).utf8).write(to: URL(fileURLWithPath: period + "/manifest.json"))
            return period
        },
        HostileArchive(name: "wrong type (size as a string)", expectedCode: "archive.manifest-type") { dir in
            let period = try write(in: dir, files: [("report.html", text)])
            let json = String(decoding: try FileSystem.read(period + "/manifest.json"), as: UTF8.self)
                .replacingOccurrences(of: "\"size\": \(text.count)", with: "\"size\": \"\(text.count)\"")
            try Data(json.utf8).write(to: URL(fileURLWithPath: period + "/manifest.json"))
            return period
        },
        HostileArchive(name: "unknown format version", expectedCode: "archive.manifest-format") { dir in
            try write(in: dir, files: [("report.html", text)], format: "99")
        },
        HostileArchive(name: "a missing period folder", expectedCode: "archive.not-found") { dir in
            dir + "/2026-Q9"
        },
        HostileArchive(name: "a file much larger than declared", expectedCode: "verify.changed") { dir in
            let period = try write(in: dir, files: [("findings.csv", text)])
            try Data(count: 64 << 20).write(to: URL(fileURLWithPath: period + "/findings.csv"))
            return period
        },
    ]
}
