/// Reads an archived manifest.json as untrusted input, for `verify` and the archive history.
///
/// Every problem is a located diagnostic: not JSON (`archive.manifest-syntax`), a field of the
/// wrong type or missing (`archive.manifest-type`), a format this version does not know
/// (`archive.manifest-format`), too large or too many files (`archive.manifest-too-large`,
/// `archive.too-many-entries`), a path that is not a plain relative path inside the period folder
/// (`archive.unsafe-path`), a path listed twice (`archive.duplicate-path`). Unknown keys are
/// ignored, so a later version may add fields without a new format.
package enum ManifestReader {
    /// A file the manifest lists, and where.
    package struct ListedFile: Sendable {
        /// Path, hash and size.
        package var entry: ManifestEntry
        /// The entry's position in manifest.json.
        package var location: SourceLocation
    }

    /// What `verify` needs from a manifest.
    package struct Contents: Sendable {
        /// The format version (1 for manifests written before `format` existed).
        package var format: Int
        /// The SHA-256 fingerprint of the signing key's SubjectPublicKeyInfo (hex), when signed.
        package var signingKey: String?
        /// Where `signing_key` is, when present.
        package var signingKeyLocation: SourceLocation?
        /// Every listed file, in manifest order.
        package var files: [ListedFile]
    }

    /// Bounds on the work one manifest can cause.
    package struct Limits: Sendable {
        /// Largest manifest.json read, in bytes.
        package var maxBytes = 16 << 20
        /// Most files listed.
        package var maxEntries = 10_000

        /// The defaults.
        package init() {}

        /// The defaults.
        package static let standard = Limits()
    }

    /// The formats this version reads: 1 (no `format` key, xborder 0.1.0) and later.
    package static let knownFormats = 1...Manifest.currentFormat

    /// Parses and checks `bytes`, the contents of `path`; nil (with diagnostics) when unusable.
    package static func read(
        _ bytes: [UInt8], path: String, limits: Limits = .standard, diagnostics: inout DiagnosticLog
    ) -> Contents? {
        guard bytes.count <= limits.maxBytes else {
            diagnostics.error(
                "archive.manifest-too-large", "manifest.json is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)",
                at: SourceLocation(file: path))
            return nil
        }
        let root: JSONReader.Value
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            diagnostics.error(
                "archive.manifest-syntax", "manifest.json is not valid JSON: \(error.message)",
                at: SourceLocation(file: path, line: error.line, column: error.column))
            return nil
        }
        var checker = Checker(path: path, diagnostics: diagnostics)
        let contents = checker.contents(root, limits: limits)
        diagnostics = checker.diagnostics
        return checker.failed ? nil : contents
    }

    /// Walks the parsed document, emitting a diagnostic per problem.
    private struct Checker {
        let path: String
        var diagnostics: DiagnosticLog
        var failed = false

        func location(_ value: JSONReader.Value) -> SourceLocation {
            SourceLocation(file: path, line: value.line, column: value.column)
        }

        mutating func error(_ code: String, _ message: String, at value: JSONReader.Value) {
            diagnostics.error(code, message, at: location(value))
            failed = true
        }

        mutating func members(_ value: JSONReader.Value, _ name: String) -> [String: JSONReader.Value]? {
            guard case .object(let members) = value.kind else {
                error("archive.manifest-type", "'\(name)' must be an object, found \(value.kindName)", at: value)
                return nil
            }
            return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func string(_ value: JSONReader.Value?, _ name: String, nullable: Bool = false) -> String? {
            guard let value else { return nil }
            if case .string(let text) = value.kind { return text }
            if nullable, case .null = value.kind { return nil }
            error("archive.manifest-type", "'\(name)' must be a string\(nullable ? " or null" : ""), found \(value.kindName)", at: value)
            return nil
        }

        mutating func integer(_ value: JSONReader.Value?, _ name: String, minimum: Int = 0) -> Int? {
            guard let value else { return nil }
            guard let n = value.integer, n >= minimum else {
                error("archive.manifest-type", "'\(name)' must be a whole number of at least \(minimum), found \(value.kindName)", at: value)
                return nil
            }
            return n
        }

        mutating func contents(_ root: JSONReader.Value, limits: Limits) -> Contents? {
            guard let top = members(root, "manifest") else { return nil }
            let formatValue = top["format"]
            let format = formatValue.map { integer($0, "format", minimum: 1) ?? 0 } ?? 1
            if failed { return nil }
            if !ManifestReader.knownFormats.contains(format) {
                error(
                    "archive.manifest-format",
                    "manifest format \(format) is unknown: this xborder (\(XBorder.version)) reads formats \(ManifestReader.knownFormats.lowerBound)–\(ManifestReader.knownFormats.upperBound); verify it with the xborder that wrote it or a later one",
                    at: formatValue ?? root)
                return nil
            }
            if string(top["tool"], "tool") != "xborder", !failed {
                error("archive.manifest-type", "'tool' must be \"xborder\": this is not an xborder manifest", at: top["tool"] ?? root)
            }
            _ = string(top["version"], "version")
            _ = string(top["period"], "period")
            _ = string(top["as_of"], "as_of")
            _ = string(top["supersedes"], "supersedes", nullable: true)
            _ = integer(top["revision"], "revision", minimum: 1)
            for name in ["options", "counts"] {
                if let value = top[name] { _ = members(value, name) }
            }
            if let templates = top["templates"] { _ = entries(templates, "templates", limits: limits, checkPaths: false) }
            var signingKey: String?
            if let value = top["signing_key"] {
                if format < 2 {
                    error("archive.manifest-type", "'signing_key' is not part of manifest format \(format)", at: value)
                } else if let text = string(value, "signing_key", nullable: true) {
                    if Self.isSHA256(text) {
                        signingKey = text
                    } else {
                        error("archive.manifest-type", "'signing_key' must be 64 lower-case hex digits, found \(Diagnostic.quoted(text))", at: value)
                    }
                }
            }
            guard let filesValue = top["files"] else {
                error("archive.manifest-type", "manifest.json has no 'files' list", at: root)
                return nil
            }
            let files = entries(filesValue, "files", limits: limits, checkPaths: true)
            return Contents(format: format, signingKey: signingKey, signingKeyLocation: top["signing_key"].map(location), files: files)
        }

        /// A list of `{path, sha256, size}` objects.
        mutating func entries(_ value: JSONReader.Value, _ name: String, limits: Limits, checkPaths: Bool) -> [ListedFile] {
            guard case .array(let items) = value.kind else {
                error("archive.manifest-type", "'\(name)' must be an array, found \(value.kindName)", at: value)
                return []
            }
            guard items.count <= limits.maxEntries else {
                error("archive.too-many-entries", "'\(name)' lists \(items.count) files, more than the limit of \(limits.maxEntries)", at: value)
                return []
            }
            var result: [ListedFile] = []
            var firstSeen: [String: SourceLocation] = [:]
            for (index, item) in items.enumerated() {
                let field = "\(name)[\(index)]"
                guard let object = members(item, field) else { continue }
                guard let pathValue = object["path"], let shaValue = object["sha256"], let sizeValue = object["size"] else {
                    error("archive.manifest-type", "'\(field)' must have 'path', 'sha256' and 'size'", at: item)
                    continue
                }
                guard let path = string(pathValue, "\(field).path"), let sha = string(shaValue, "\(field).sha256"),
                    let size = integer(sizeValue, "\(field).size")
                else { continue }
                guard Self.isSHA256(sha) else {
                    error("archive.manifest-type", "'\(field).sha256' must be 64 lower-case hex digits, found \(Diagnostic.quoted(sha))", at: shaValue)
                    continue
                }
                if checkPaths {
                    if let problem = ArchivePath.problem(path) {
                        error("archive.unsafe-path", "manifest entry \(Diagnostic.quoted(path)) \(problem); it must be a plain relative path inside the period folder", at: pathValue)
                        continue
                    }
                    if let first = firstSeen[path] {
                        error("archive.duplicate-path", "manifest entry \(Diagnostic.quoted(path)) is listed twice (first at line \(first.line))", at: pathValue)
                        continue
                    }
                    firstSeen[path] = location(pathValue)
                }
                result.append(ListedFile(entry: ManifestEntry(path: path, sha256: sha, size: size), location: location(pathValue)))
            }
            return result
        }

        static func isSHA256(_ text: String) -> Bool {
            text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        }
    }
}
