import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Stage 7, the only writer: builds a period in a temporary folder beside the archive, flushes
/// every file to disk, writes manifest.json with the SHA-256 and size of every file, and renames
/// the folder into place. Killed at any moment, a run leaves either the complete new revision or
/// nothing (a leftover `.staging-*` folder is never a period and is removed by the next run).
/// Archived periods are never overwritten: a re-run becomes revision 2 (`2026-Q3-r2`), whose
/// manifest names the revision it supersedes. One run at a time per archive (a lock file).
///
/// Files may be written from several threads (the inputs are copied while stage 3 writes the
/// companions): the list of files and folders is behind a lock; opening, committing and the
/// lock file belong to the thread that created the writer. Hence unchecked.
package final class ArchiveWriter: @unchecked Sendable {
    /// A file recorded in the manifest.
    package typealias Entry = ManifestEntry

    /// The archive folder.
    package let outputDirectory: String
    /// The period.
    package let period: String
    /// The revision this run will create (1 for a new period).
    package let revision: Int
    /// The folder name of the revision this one supersedes, if any.
    package let supersedes: String?
    /// The staging folder.
    let staging: String
    /// The files written and the folders they are in.
    private let written = Mutex<(entries: [Entry], subfolders: Set<String>)>(([], []))
    private var lockDescriptor: Int32 = -1
    private var committed = false

    /// The final folder name (`2026-Q3`, `2026-Q3-r2`).
    package var folderName: String { Self.folderName(period: period, revision: revision) }

    /// The folder name of a revision.
    package static func folderName(period: String, revision: Int) -> String {
        revision == 1 ? period : "\(period)-r\(revision)"
    }

    /// Existing revisions of a period in an archive folder, ascending.
    package static func revisions(of period: String, in output: String) -> [Int] {
        FileSystem.list(output).compactMap { name -> Int? in
            if name == period { return 1 }
            guard name.hasPrefix(period + "-r"), let n = Int(name.dropFirst(period.count + 2)), n >= 2 else { return nil }
            return n
        }.sorted()
    }

    /// Locks the archive and creates the staging folder.
    package init(outputDirectory: String, period: String) throws(FileSystem.Failure) {
        self.outputDirectory = outputDirectory
        self.period = period
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw FileSystem.Failure(path: outputDirectory, reason: "cannot be created: \(error.localizedDescription)")
        }
        let lockPath = FileSystem.join(outputDirectory, ".xborder.lock")
        lockDescriptor = Glibc.open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw FileSystem.Failure(path: outputDirectory, reason: "is not writable (cannot create the lock file)")
        }
        if flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            Glibc.close(lockDescriptor)
            lockDescriptor = -1
            throw FileSystem.Failure(
                path: outputDirectory, reason: "another xborder run is writing to this archive; try again when it has finished")
        }
        // Leftovers of killed runs are never periods: remove them now that we hold the lock.
        for name in FileSystem.list(outputDirectory) where name.hasPrefix(".staging-") {
            try? FileManager.default.removeItem(atPath: FileSystem.join(outputDirectory, name))
        }
        let existing = Self.revisions(of: period, in: outputDirectory)
        revision = (existing.last ?? 0) + 1
        supersedes = existing.last.map { Self.folderName(period: period, revision: $0) }
        staging = FileSystem.join(outputDirectory, ".staging-\(period)-\(getpid())")
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            flock(lockDescriptor, LOCK_UN)
            Glibc.close(lockDescriptor)
            throw FileSystem.Failure(path: staging, reason: "cannot be created: \(error.localizedDescription)")
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        if lockDescriptor >= 0 {
            flock(lockDescriptor, LOCK_UN)
            Glibc.close(lockDescriptor)
        }
    }

    /// Opens a file for streaming writes; call `close(_:)` when done.
    package func open(_ name: String) throws(FileSystem.Failure) -> FileSink {
        let path = FileSystem.join(staging, name)
        let folder = (path as NSString).deletingLastPathComponent
        written.withLock { _ = $0.subfolders.insert(folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileSystem.Failure(path: folder, reason: "cannot be created")
        }
        return try FileSink(name: name, path: path)
    }

    /// Finishes a streamed file and records it.
    package func close(_ sink: FileSink) throws(FileSystem.Failure) {
        let hash = try sink.finish()
        record(Entry(path: sink.name, sha256: hash, size: sink.size))
    }

    private func record(_ entry: Entry) { written.withLock { $0.entries.append(entry) } }

    /// Writes a whole file.
    package func write(_ name: String, _ bytes: [UInt8]) throws(FileSystem.Failure) {
        let sink = try open(name)
        try sink.write(bytes)
        try close(sink)
    }

    /// Writes an input file as it was read: from memory when its bytes were kept, else copied
    /// again from disk and refused unless it has the size and SHA-256 it had when read (the file
    /// changed while the run was in progress, and the archive must hold what was assessed).
    package func copy(_ name: String, from file: RecordedFile) throws(FileSystem.Failure) {
        if let bytes = file.bytes { return try write(name, bytes) }
        let sink = try open(name)
        try FileSystem.forEachBlock(file.path, upTo: file.size + 1) { (block) throws(FileSystem.Failure) in
            try sink.write(Array(block))
        }
        let hash = try sink.finish()
        guard sink.size == file.size, hash == file.sha256 else {
            throw FileSystem.Failure(
                path: file.path,
                reason: "changed while the run was in progress (\(file.size) bytes with SHA-256 \(file.sha256.prefix(12))… when read, \(sink.size) bytes with \(hash.prefix(12))… now); run again")
        }
        record(Entry(path: sink.name, sha256: hash, size: sink.size))
    }

    /// The entries written so far, sorted by path.
    package var files: [Entry] { written.withLock { $0.entries }.sorted { $0.path < $1.path } }

    /// Writes `manifest` as manifest.json (and `signature` as manifest.sig, inside the staging
    /// folder, so a signed period appears as atomically as an unsigned one), flushes the folder
    /// and renames it into place.
    /// - Returns: The path of the archived period folder.
    package func commit(manifest: [UInt8], signature: [UInt8]? = nil) throws(FileSystem.Failure) -> String {
        let sink = try open(Manifest.fileName)
        try sink.write(manifest)
        let manifestHash = try sink.finish()
        // The same hashes in `sha256sum` format, so an auditor needs nothing but coreutils:
        // `cd Output/2026-Q3 && sha256sum -c SHA256SUMS`.
        var sums = files.map { "\($0.sha256)  \($0.path)\n" }.joined()
        sums += "\(manifestHash)  \(Manifest.fileName)\n"
        if let signature {
            let signatureSink = try open(Manifest.signatureFileName)
            try signatureSink.write(signature)
            sums += "\(try signatureSink.finish())  \(Manifest.signatureFileName)\n"
        }
        let sumsSink = try open(Manifest.checksumsFileName)
        try sumsSink.write(Array(sums.utf8))
        _ = try sumsSink.finish()
        for folder in written.withLock({ $0.subfolders }).sorted() where folder != staging { try syncDirectory(folder) }
        try syncDirectory(staging)
        let target = FileSystem.join(outputDirectory, folderName)
        guard !FileSystem.exists(target) else {
            throw FileSystem.Failure(path: target, reason: "already exists; archived periods are never overwritten")
        }
        guard rename(staging, target) == 0 else {
            throw FileSystem.Failure(path: target, reason: "cannot be created (\(String(cString: strerror(errno))))")
        }
        committed = true
        try syncDirectory(outputDirectory)
        return target
    }

    private func syncDirectory(_ path: String) throws(FileSystem.Failure) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw FileSystem.Failure(path: path, reason: "cannot be opened to flush") }
        defer { Glibc.close(fd) }
        if fsync(fd) != 0 { throw FileSystem.Failure(path: path, reason: "cannot be flushed to disk") }
    }
}
