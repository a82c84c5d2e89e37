import Crypto

#if canImport(Glibc)
import Glibc
#endif

/// An archived period folder opened as untrusted input: someone else may have prepared it.
///
/// Paths are resolved one component at a time below the folder with `openat(…, O_NOFOLLOW)`, so
/// no symbolic link inside the folder is ever followed (not the file, not a folder on the way).
/// Only regular files are opened, with `O_NONBLOCK`, and the type is checked again on the open
/// descriptor, so a FIFO or a device swapped in after the check cannot block or feed `verify`.
/// No read goes past the size the caller expects plus one byte (which tells a grown file).
package struct ArchiveFolder: Sendable {
    /// What is on disk at a path inside the folder.
    package enum Inspection: Sendable, Equatable {
        /// A regular file of this size.
        case regular(size: Int)
        /// Nothing.
        case missing
        /// Something that must not be read; the reason names it (`'inputs' is a symbolic link`).
        case unsafe(String)
    }

    /// A file hashed by `hash(_:expectedSize:keepingBytes:)`.
    package struct Hashed: Sendable {
        /// SHA-256, lower-case hex, of the bytes read (nil when the size alone shows a change).
        package var sha256: String?
        /// The file's size (from `fstat`, or the bytes read when it grew while being read).
        package var size: Int
        /// The bytes, when asked for and the file had the expected size.
        package var bytes: [UInt8]?
    }

    /// The folder as the user named it.
    package let path: String

    /// A folder to read; nothing is opened yet.
    package init(_ path: String) { self.path = path }

    /// What is at `relative`, without reading it.
    package func inspect(_ relative: String) -> Inspection {
        switch openParent(of: relative) {
        case .failure(let error): return error.inspection
        case .success(let (descriptor, name)):
            defer { close(descriptor) }
            return Self.inspect(name, in: descriptor, shown: relative)
        }
    }

    /// Reads a whole regular file of at most `limit` bytes.
    /// - Returns: The bytes, or why it cannot be read (`.missing`, `.unsafe`, or `.regular` with
    ///   the size when it is larger than `limit`).
    package func read(_ relative: String, limit: Int) -> Result<[UInt8], InspectionError> {
        switch open(relative) {
        case .failure(let error): return .failure(error)
        case .success(let (descriptor, size)):
            defer { close(descriptor) }
            guard size <= limit else { return .failure(InspectionError(inspection: .regular(size: size))) }
            var bytes: [UInt8] = []
            let failure = Self.readBlocks(descriptor, upTo: limit + 1) { bytes.append(contentsOf: $0) }
            if let failure { return .failure(InspectionError(inspection: .unsafe("cannot be read (\(failure))"))) }
            guard bytes.count <= limit else { return .failure(InspectionError(inspection: .regular(size: bytes.count))) }
            return .success(bytes)
        }
    }

    /// Hashes a regular file that should be `expectedSize` bytes, reading at most one byte more.
    /// A file whose size differs is not read at all.
    package func hash(_ relative: String, expectedSize: Int, keepingBytes: Bool) -> Result<Hashed, InspectionError> {
        switch open(relative) {
        case .failure(let error): return .failure(error)
        case .success(let (descriptor, size)):
            defer { close(descriptor) }
            guard size == expectedSize else { return .success(Hashed(sha256: nil, size: size, bytes: nil)) }
            var hasher = SHA256()
            var count = 0
            var kept: [UInt8] = []
            let failure = Self.readBlocks(descriptor, upTo: expectedSize == .max ? expectedSize : expectedSize + 1) { block in
                hasher.update(data: block)
                count += block.count
                if keepingBytes { kept.append(contentsOf: block) }
            }
            if let failure { return .failure(InspectionError(inspection: .unsafe("cannot be read (\(failure))"))) }
            return .success(Hashed(sha256: hasher.finalize().hex, size: count, bytes: keepingBytes && count == expectedSize ? kept : nil))
        }
    }

    /// Why a path was not read.
    package struct InspectionError: Error, Sendable {
        /// What is there instead.
        package var inspection: Inspection
    }

    // MARK: - Descriptors

    /// Opens a regular file read-only and non-blocking; returns the descriptor and its size.
    private func open(_ relative: String) -> Result<(Int32, Int), InspectionError> {
        switch openParent(of: relative) {
        case .failure(let error): return .failure(error)
        case .success(let (parent, name)):
            defer { close(parent) }
            let descriptor = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else {
                let reason = errno
                var inspection = Self.inspect(name, in: parent, shown: relative)
                if case .regular = inspection { inspection = .unsafe("'\(relative)' cannot be opened (\(Self.describe(reason)))") }
                return .failure(InspectionError(inspection: inspection))
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                return .failure(InspectionError(inspection: .unsafe(Self.kindProblem(relative, mode: info.st_mode))))
            }
            return .success((descriptor, Int(info.st_size)))
        }
    }

    /// Opens every folder on the way to `relative` without following links; returns the last
    /// folder's descriptor and the final name.
    private func openParent(of relative: String) -> Result<(Int32, String), InspectionError> {
        var descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(InspectionError(inspection: errno == ENOENT ? .missing : .unsafe("the period folder cannot be opened"))) }
        let components = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var walked: [String] = []
        for component in components.dropLast() {
            walked.append(component)
            let shown = walked.joined(separator: "/")
            var info = stat()
            guard fstatat(descriptor, component, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                let reason = errno
                close(descriptor)
                return .failure(InspectionError(inspection: reason == ENOENT ? .missing : .unsafe("'\(shown)' cannot be inspected (\(Self.describe(reason)))")))
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                close(descriptor)
                let isFile = info.st_mode & S_IFMT == S_IFREG
                return .failure(InspectionError(inspection: .unsafe(isFile ? "'\(shown)' is a file, not a folder" : Self.kindProblem(shown, mode: info.st_mode))))
            }
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(descriptor)
            guard next >= 0 else { return .failure(InspectionError(inspection: .unsafe("'\(shown)' cannot be opened (\(Self.describe(errno)))"))) }
            descriptor = next
        }
        return .success((descriptor, components.last ?? ""))
    }

    /// `fstatat` without following a link.
    private static func inspect(_ name: String, in folder: Int32, shown: String) -> Inspection {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            let reason = errno
            return reason == ENOENT ? .missing : .unsafe("'\(shown)' cannot be inspected (\(describe(reason)))")
        }
        if info.st_mode & S_IFMT == S_IFREG { return .regular(size: Int(info.st_size)) }
        return .unsafe(kindProblem(shown, mode: info.st_mode))
    }

    /// `'x' is a symbolic link` and the like.
    private static func kindProblem(_ shown: String, mode: mode_t) -> String {
        let kind: String
        switch mode & S_IFMT {
        case S_IFLNK: kind = "is a symbolic link; verify never follows links inside an archive"
        case S_IFDIR: kind = "is a folder, not a file"
        case S_IFIFO: kind = "is a FIFO, not a regular file"
        case S_IFCHR, S_IFBLK: kind = "is a device, not a regular file"
        case S_IFSOCK: kind = "is a socket, not a regular file"
        default: kind = "is not a regular file"
        }
        return "'\(shown)' \(kind)"
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// Reads up to `limit` bytes in blocks (`FileSystem.readBlocks`); returns the error text on failure.
    private static func readBlocks(_ descriptor: Int32, upTo limit: Int, _ body: (ArraySlice<UInt8>) -> Void) -> String? {
        FileSystem.readBlocks(descriptor, upTo: limit, body).map(describe)
    }
}
