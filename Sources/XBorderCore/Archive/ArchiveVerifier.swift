/// `xborder verify`: re-hashes an archived period against its manifest and re-validates its
/// reports. Reports every changed, missing and added file.
///
/// The period folder is untrusted input (an auditor verifies what someone else produced), so
/// the work is bounded and nothing outside the folder is ever read: manifest.json is read by
/// `ManifestReader` (size, entry count, types, format, plain relative paths, no duplicates);
/// then every listed path is inspected without reading it, and if any is a symbolic link (or
/// lies below one), a folder, a FIFO or a device, verification stops before a single file is
/// read. Files are then hashed through `ArchiveFolder`, never past their declared size + 1 byte.
///
/// With a public key, the signature comes first: manifest.sig must be that key's Ed25519
/// signature of manifest.json's exact bytes, and the manifest must name that key's fingerprint.
/// A missing signature, another key's, or a manifest regenerated without one is an error.
package enum ArchiveVerifier {
    /// What verification found.
    package struct Report: Sendable {
        /// Every problem (empty when the period is intact).
        package var diagnostics: [Diagnostic]
        /// Files checked.
        package var filesChecked: Int
        /// The fingerprint of the key whose signature was checked and found valid.
        package var verifiedKey: String?
        /// The fingerprint the manifest names when it is signed (checked or not).
        package var signingKey: String?
    }

    /// What to check beyond the hashes.
    package struct Options: Sendable {
        /// The organization's public key: the signature must be valid for it.
        package var publicKey: ArchivePublicKey?
        /// Unsigned archives fail (`--require-signature`).
        package var requireSignature = false
        /// Bounds on the manifest.
        package var limits = ManifestReader.Limits.standard

        /// Hashes only, standard limits.
        package init(publicKey: ArchivePublicKey? = nil, requireSignature: Bool = false) {
            self.publicKey = publicKey
            self.requireSignature = requireSignature
        }
    }

    /// True for a report re-validated after hashing (its bytes are kept while it is hashed):
    /// `report.html`, `report.xhtml` and the further editions `report.<locale>.html`/`.xhtml`.
    static func isReport(_ path: String) -> Bool {
        guard path.hasPrefix("report."), !path.contains("/") else { return false }
        return path.hasSuffix(".html") || path.hasSuffix(".xhtml")
    }

    /// Verifies the period folder at `path`.
    package static func verify(_ path: String, limits: ManifestReader.Limits) -> Report {
        var options = Options()
        options.limits = limits
        return verify(path, options: options)
    }

    /// Verifies the period folder at `path`: the signature when asked, then every hash.
    package static func verify(_ path: String, options: Options = Options()) -> Report {
        let limits = options.limits
        var log = DiagnosticLog()
        guard FileSystem.isDirectory(path) else {
            let problem = FileSystem.exists(path) ? "is not a folder" : "no such folder"
            log.error("archive.not-found", "\(problem); give an archived period folder such as Output/2026-Q3", at: SourceLocation(file: path))
            return Report(diagnostics: log.sorted, filesChecked: 0)
        }
        let folder = ArchiveFolder(path)
        let manifestPath = FileSystem.join(path, Manifest.fileName)
        guard let bytes = readControlFile(Manifest.fileName, in: folder, limit: limits.maxBytes, log: &log) else {
            return Report(diagnostics: log.sorted, filesChecked: 0)
        }
        // The signature is checked on the raw bytes, before the manifest is even parsed.
        let hasSignature = folder.inspect(Manifest.signatureFileName) != .missing
        let signature = hasSignature ? readControlFile(Manifest.signatureFileName, in: folder, limit: 64, log: &log) : nil
        let signaturePath = FileSystem.join(path, Manifest.signatureFileName)
        var verifiedKey: String?
        if let key = options.publicKey, let signature {
            if key.isValidSignature(signature, for: bytes) {
                verifiedKey = key.fingerprint
            } else {
                log.error(
                    "archive.signature-invalid",
                    "manifest.sig is not a valid signature of manifest.json by the key \(key.fingerprint): manifest.json or manifest.sig was changed, or another key signed it",
                    at: SourceLocation(file: signaturePath))
            }
        }
        guard let manifest = ManifestReader.read(bytes, path: manifestPath, limits: limits, diagnostics: &log) else {
            return Report(diagnostics: log.sorted, filesChecked: 0)
        }
        checkSigning(manifest, hasSignature: hasSignature, options: options, path: path, log: &log)

        // Every path is looked at before any file is read.
        var present: [ManifestReader.ListedFile] = []
        var isSafe = true
        for file in manifest.files {
            switch folder.inspect(file.entry.path) {
            case .regular: present.append(file)
            case .missing: missing(file, in: path, log: &log)
            case .unsafe(let reason):
                unsafe(file, reason, log: &log)
                isSafe = false
            }
        }
        guard isSafe else { return Report(diagnostics: log.sorted, filesChecked: 0) }

        var reports: [String: [UInt8]] = [:]
        for file in present {
            let entry = file.entry
            let filePath = FileSystem.join(path, entry.path)
            switch folder.hash(entry.path, expectedSize: entry.size, keepingBytes: isReport(entry.path)) {
            case .failure(let error):
                if case .unsafe(let reason) = error.inspection { unsafe(file, reason, log: &log) } else { missing(file, in: path, log: &log) }
            case .success(let hashed):
                if let hash = hashed.sha256, hashed.size == entry.size {
                    if hash != entry.sha256 {
                        log.error(
                            "verify.changed",
                            "file changed: SHA-256 '\(hash)' (\(hashed.size) bytes), manifest says '\(entry.sha256)' (\(entry.size) bytes)",
                            at: SourceLocation(file: filePath))
                    } else if let bytes = hashed.bytes {
                        reports[entry.path] = bytes
                    }
                } else {
                    log.error(
                        "verify.changed", "file changed: \(hashed.size) bytes, manifest says \(entry.size) bytes",
                        at: SourceLocation(file: filePath))
                }
            }
        }
        var controlFiles = [(sha256Hex(bytes), Manifest.fileName)]
        if let signature { controlFiles.append((sha256Hex(signature), Manifest.signatureFileName)) }
        verifyChecksums(folder, controlFiles: controlFiles, entries: manifest.files.map(\.entry), limits: limits, log: &log)
        let listed = Set(manifest.files.map(\.entry.path))
        var budget = limits.maxEntries + 100
        for file in allFiles(path, prefix: "", budget: &budget)
        where !ArchivePath.reserved.contains(file) && !listed.contains(file) {
            log.error("verify.added", "file is not listed in the manifest", at: SourceLocation(file: FileSystem.join(path, file)))
        }
        if budget < 0 {
            log.error(
                "archive.too-many-files", "the period folder holds more than \(limits.maxEntries + 100) files; the rest were not listed",
                at: SourceLocation(file: path))
        }
        let validator = ReportValidator(templates: nil)
        for name in reports.keys.sorted() {
            let bytes = reports[name]!
            let problems =
                name.hasSuffix(".xhtml")
                ? validator.validateXHTML(bytes, path: FileSystem.join(path, name))
                : validator.validateHTML(bytes, path: FileSystem.join(path, name))
            for d in problems { log.emit(d) }
        }
        return Report(
            diagnostics: log.sorted, filesChecked: manifest.files.count, verifiedKey: log.hasErrors ? nil : verifiedKey,
            signingKey: manifest.signingKey)
    }

    /// The manifest and manifest.sig must agree on being signed, by the given key when there is one.
    private static func checkSigning(
        _ manifest: ManifestReader.Contents, hasSignature: Bool, options: Options, path: String, log: inout DiagnosticLog
    ) {
        let manifestLocation = SourceLocation(file: FileSystem.join(path, Manifest.fileName))
        switch (manifest.signingKey, hasSignature) {
        case (nil, false):
            if let key = options.publicKey {
                log.error(
                    "archive.unsigned",
                    "the archive is not signed (no manifest.sig, no signing_key), but --key \(key.fingerprint) was given: it may have been regenerated",
                    at: manifestLocation)
            } else if options.requireSignature {
                log.error("archive.unsigned", "the archive is not signed (no manifest.sig, no signing_key) and --require-signature was given", at: manifestLocation)
            }
        case (nil, true):
            log.error("archive.unsigned", "manifest.sig is present but manifest.json names no signing_key", at: manifestLocation)
        case (let fingerprint?, false):
            log.error(
                "archive.unsigned", "manifest.json names signing key \(fingerprint) but manifest.sig is missing",
                at: manifest.signingKeyLocation ?? manifestLocation)
        case (let fingerprint?, true):
            if let key = options.publicKey, key.fingerprint != fingerprint {
                log.error(
                    "archive.key-mismatch", "manifest.json names signing key \(fingerprint), not the given key \(key.fingerprint)",
                    at: manifest.signingKeyLocation ?? manifestLocation)
            }
        }
    }

    private static func missing(_ file: ManifestReader.ListedFile, in path: String, log: inout DiagnosticLog) {
        log.error("verify.missing", "file listed in the manifest is missing", at: SourceLocation(file: FileSystem.join(path, file.entry.path)))
    }

    private static func unsafe(_ file: ManifestReader.ListedFile, _ reason: String, log: inout DiagnosticLog) {
        log.error(
            "archive.unsafe-file",
            "manifest entry \(Diagnostic.quoted(file.entry.path)) is not verified: \(reason); nothing was read",
            at: file.location)
    }

    /// Reads manifest.json, SHA256SUMS or manifest.sig: a regular file, not a link, at most `limit` bytes.
    static func readControlFile(_ name: String, in folder: ArchiveFolder, limit: Int, log: inout DiagnosticLog) -> [UInt8]? {
        let location = SourceLocation(file: FileSystem.join(folder.path, name))
        switch folder.read(name, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let error):
            switch error.inspection {
            case .missing: log.error(name == Manifest.fileName ? "verify.manifest" : "verify.missing", "\(name) is missing", at: location)
            case .unsafe(let reason): log.error("archive.unsafe-file", "\(reason); nothing was read", at: location)
            case .regular(let size):
                let code = name == Manifest.signatureFileName ? "archive.signature-invalid" : "archive.manifest-too-large"
                log.error(code, "\(name) is \(size) bytes, more than the limit of \(limit)", at: location)
            }
            return nil
        }
    }

    /// SHA256SUMS must list exactly the manifest's files with the same hashes, plus manifest.json
    /// (and manifest.sig when signed): `controlFiles` are (hash, name) pairs.
    static func verifyChecksums(
        _ folder: ArchiveFolder, controlFiles: [(String, String)], entries: [ManifestEntry], limits: ManifestReader.Limits,
        log: inout DiagnosticLog
    ) {
        guard let bytes = readControlFile(Manifest.checksumsFileName, in: folder, limit: limits.maxBytes, log: &log) else { return }
        var expected = entries.map { "\($0.sha256)  \($0.path)" }
        expected += controlFiles.map { "\($0.0)  \($0.1)" }
        let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        if actual.sorted() != expected.sorted() {
            log.error(
                "verify.changed", "SHA256SUMS does not match manifest.json (or manifest.json was changed)",
                at: SourceLocation(file: FileSystem.join(folder.path, Manifest.checksumsFileName)))
        }
    }

    /// Every file below `path`, relative, sorted (symbolic links count as files and are never
    /// followed); stops when `budget` names have been listed (it is then negative).
    static func allFiles(_ path: String, prefix: String, budget: inout Int) -> [String] {
        var result: [String] = []
        for name in FileSystem.list(path) {
            budget -= 1
            if budget < 0 { break }
            let full = FileSystem.join(path, name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            if FileSystem.isDirectory(full) && !FileSystem.isSymbolicLink(full) {
                result += allFiles(full, prefix: relative, budget: &budget)
            } else {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}
