/// `xborder verify`: re-hashes an archived period against its manifest and re-validates its
/// reports. Reports every changed, missing and added file.
package enum ArchiveVerifier {
    /// What verification found.
    package struct Report: Sendable {
        /// Every problem (empty when the period is intact).
        package var diagnostics: [Diagnostic]
        /// Files checked.
        package var filesChecked: Int
    }

    /// Verifies the period folder at `path`.
    package static func verify(_ path: String) -> Report {
        var log = DiagnosticLog()
        let manifestPath = FileSystem.join(path, Manifest.fileName)
        guard let bytes = try? FileSystem.read(manifestPath), let entries = Manifest.files(in: bytes) else {
            log.error("verify.manifest", "manifest.json is missing or unreadable", at: SourceLocation(file: manifestPath))
            return Report(diagnostics: log.sorted, filesChecked: 0)
        }
        var listed: Set<String> = []
        for entry in entries {
            listed.insert(entry.path)
            let filePath = FileSystem.join(path, entry.path)
            guard let content = try? FileSystem.read(filePath) else {
                log.error("verify.missing", "file listed in the manifest is missing", at: SourceLocation(file: filePath))
                continue
            }
            let hash = sha256Hex(content)
            if hash != entry.sha256 || content.count != entry.size {
                log.error(
                    "verify.changed",
                    "file changed: SHA-256 '\(hash)' (\(content.count) bytes), manifest says '\(entry.sha256)' (\(entry.size) bytes)",
                    at: SourceLocation(file: filePath))
            }
        }
        verifyChecksums(path, manifestHash: sha256Hex(bytes), entries: entries, log: &log)
        for file in allFiles(path, prefix: "")
        where file != Manifest.fileName && file != Manifest.checksumsFileName && !listed.contains(file) {
            log.error("verify.added", "file is not listed in the manifest", at: SourceLocation(file: FileSystem.join(path, file)))
        }
        let validator = ReportValidator(templates: nil)
        if listed.contains("report.xhtml"), let xhtml = try? FileSystem.read(FileSystem.join(path, "report.xhtml")) {
            for d in validator.validateXHTML(xhtml, path: FileSystem.join(path, "report.xhtml")) { log.emit(d) }
        }
        if listed.contains("report.html"), let html = try? FileSystem.read(FileSystem.join(path, "report.html")) {
            for d in validator.validateHTML(html, path: FileSystem.join(path, "report.html")) { log.emit(d) }
        }
        return Report(diagnostics: log.sorted, filesChecked: entries.count)
    }

    /// SHA256SUMS must list exactly the manifest's files with the same hashes, plus manifest.json.
    static func verifyChecksums(
        _ path: String, manifestHash: String, entries: [ArchiveWriter.Entry], log: inout DiagnosticLog
    ) {
        let sumsPath = FileSystem.join(path, Manifest.checksumsFileName)
        guard let bytes = try? FileSystem.read(sumsPath) else {
            log.error("verify.missing", "SHA256SUMS is missing", at: SourceLocation(file: sumsPath))
            return
        }
        var expected = entries.map { "\($0.sha256)  \($0.path)" }
        expected.append("\(manifestHash)  \(Manifest.fileName)")
        let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        if actual.sorted() != expected.sorted() {
            log.error(
                "verify.changed", "SHA256SUMS does not match manifest.json (or manifest.json was changed)",
                at: SourceLocation(file: sumsPath))
        }
    }

    /// Every regular file below `path`, relative, sorted (symbolic links count as files).
    static func allFiles(_ path: String, prefix: String) -> [String] {
        var result: [String] = []
        for name in FileSystem.list(path) {
            let full = FileSystem.join(path, name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            if FileSystem.isDirectory(full) && !FileSystem.isSymbolicLink(full) {
                result += allFiles(full, prefix: relative)
            } else {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}
