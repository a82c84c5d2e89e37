import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The file operations xborder needs, in one place (reading happens before stage 1, writing
/// only in the archive stage).
package enum FileSystem {
    /// An I/O failure with the path and the system's reason.
    package struct Failure: Error, CustomStringConvertible {
        /// The path.
        package var path: String
        /// What went wrong.
        package var reason: String
        /// True when the file was refused for being larger than the caller's limit.
        package var isTooLarge = false
        package var description: String { "\(path): \(reason)" }

        /// Creates a failure.
        package init(path: String, reason: String, isTooLarge: Bool = false) {
            self.path = path
            self.reason = reason
            self.isTooLarge = isTooLarge
        }
    }

    /// Reads a whole file, refusing one larger than `limit` bytes.
    ///
    /// A regular file's size is checked before anything is read, and the bytes go straight into
    /// the returned array (one copy of the file in memory, never two). Anything else (a FIFO,
    /// `/dev/zero`) is read in blocks and refused as soon as it passes the limit.
    package static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: exists(path) ? "cannot be read" : "no such file")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(path: path, reason: "cannot be read") }
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        if info.st_mode & S_IFMT == S_IFDIR { throw Failure(path: path, reason: "is a folder, not a file") }
        if isRegular && Int(info.st_size) > limit { throw tooLarge(path, size: Int(info.st_size), limit: limit) }
        // One byte more than expected tells a file that grew since `fstat` from one that did not.
        var capacity = isRegular ? Int(info.st_size) + 1 : 1 << 16
        var bytes: [UInt8] = []
        while true {
            var failed: Int32 = 0
            var atEnd = false
            let wanted = limit == .max ? capacity : min(capacity, limit + 1)
            var block = [UInt8](unsafeUninitializedCapacity: max(1, wanted - bytes.count)) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if n > 0 {
                        count += n
                    } else if n == 0 {
                        atEnd = true
                        return
                    } else if errno != EINTR {
                        failed = errno
                        return
                    }
                }
            }
            if failed != 0 {
                throw Failure(path: path, reason: "cannot be read: \(String(cString: strerror(failed)).lowercased())")
            }
            if bytes.isEmpty { swap(&bytes, &block) } else { bytes.append(contentsOf: block) }
            if bytes.count > limit { throw tooLarge(path, size: nil, limit: limit) }
            if atEnd { return bytes }
            capacity = max(capacity, bytes.count) * 2
        }
    }

    /// Reads a file a megabyte at a time, at most `limit` bytes of it, handing each block to
    /// `body` (which may throw to stop).
    package static func forEachBlock(
        _ path: String, upTo limit: Int, _ body: (ArraySlice<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: exists(path) ? "cannot be read" : "no such file")
        }
        defer { close(descriptor) }
        if let failed = try readBlocks(descriptor, upTo: limit, body) {
            throw Failure(path: path, reason: "cannot be read: \(String(cString: strerror(failed)).lowercased())")
        }
    }

    /// Reads up to `limit` bytes of an open descriptor a megabyte at a time, handing each block
    /// to `body`; returns the `errno` of a failed read, nil at the end or the limit.
    package static func readBlocks<E: Error>(
        _ descriptor: Int32, upTo limit: Int, _ body: (ArraySlice<UInt8>) throws(E) -> Void
    ) throws(E) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(1, limit)))
        var total = 0
        while total < limit {
            let wanted = min(buffer.count, limit - total)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, wanted) }
            if n == 0 { return nil }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            total += n
            try body(buffer[0..<n])
        }
        return nil
    }

    private static func tooLarge(_ path: String, size: Int?, limit: Int) -> Failure {
        let what = size.map { "file is \($0) bytes," } ?? "file is"
        return Failure(path: path, reason: "\(what) larger than the limit of \(limit) bytes", isTooLarge: true)
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
