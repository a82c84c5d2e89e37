import Foundation

/// The file operations xborder needs, in one place (reading happens before stage 1, writing
/// only in the archive stage).
package enum FileSystem {
    /// An I/O failure with the path and the system's reason.
    package struct Failure: Error, CustomStringConvertible {
        /// The path.
        package var path: String
        /// What went wrong.
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    /// Reads a whole file, refusing one larger than `limit` bytes before reading it.
    package static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        if limit < .max, let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue > limit
        {
            throw Failure(path: path, reason: "is \(size.intValue) bytes, larger than the limit of \(limit) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(path: path, reason: exists(path) ? "cannot be read" : "no such file")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }

    /// Reads a file if it exists; nil when absent.
    package static func readIfPresent(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8]? {
        exists(path) ? try read(path, limit: limit) : nil
    }

    /// Writes a whole file (outside the archive: view-model dumps, tools).
    package static func write(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw Failure(path: path, reason: "cannot be written")
        }
    }

    /// True when something exists at `path`.
    package static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// True when `path` is a directory.
    package static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Entries of a directory, sorted by name (empty when unreadable).
    package static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// True when `path` is a symbolic link.
    package static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// Joins path components.
    package static func join(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.reduce("") { $0.isEmpty ? $1 : ($0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1) }
    }

    /// The last path component.
    package static func baseName(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
