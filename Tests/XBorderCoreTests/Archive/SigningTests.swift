import Foundation
import Testing
import XBorderCore
import TestSupport

/// Signed archives: keygen → signed run → verify with the key, and every way to forge one fails.
@Suite(.serialized) struct SigningTests {
    /// A new key pair in a temporary folder.
    static func keyPair() throws -> (privateKey: String, publicKey: String) {
        let folder = Paths.temporaryDirectory() + "/keys"
        _ = try KeyGenerator.generate(into: folder)
        return (folder + "/" + KeyGenerator.privateKeyName, folder + "/" + KeyGenerator.publicKeyName)
    }

    /// A small period (the all-risk-types case) archived and signed with `privateKey`.
    static func signedArchive(_ privateKey: String?, settings: String? = nil) throws -> String {
        let inputs = Paths.temporaryDirectory() + "/Inputs"
        let period = inputs + "/2026-Q1"
        try FileManager.default.createDirectory(atPath: period, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Paths.repo("Tests/XBorderCoreTests/Reference/Cases/all-risk-types/input/flows.csv"), toPath: period + "/flows.csv")
        if let settings { try Data(settings.utf8).write(to: URL(fileURLWithPath: inputs + "/settings.csv")) }
        var config = Config(periodDirectory: period)
        config.outputDirectory = Paths.temporaryDirectory()
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        config.signingKeyPath = privateKey
        let outcome = ReportPipeline.run(config)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        return try #require(outcome.archivePath)
    }

    static func codes(_ period: String, key: String, require: Bool = false) throws -> [String] {
        let options = ArchiveVerifier.Options(publicKey: try ArchivePublicKey(contentsOf: key), requireSignature: require)
        return ArchiveVerifier.verify(period, options: options).diagnostics.map(\.code)
    }

    static func flipByte(_ path: String, at offset: Int) throws {
        var bytes = try FileSystem.read(path)
        bytes[offset] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Rewrites manifest.json as an attacker who has the inputs would: same files, new manifest,
    /// signed with `attackerKey` or not at all, SHA256SUMS recomputed.
    static func regenerateManifest(_ period: String, signedWith attackerKey: String?) throws {
        var log = DiagnosticLog()
        let old = try #require(ManifestReader.read(try FileSystem.read(period + "/manifest.json"), path: "m", diagnostics: &log))
        let signer = try attackerKey.map { key throws(KeyFileError) in try ArchiveSigner(contentsOf: key) }
        var manifest = Manifest(
            period: "2026-Q1", revision: 1, supersedes: nil, asOf: CalendarDate(year: 2026, month: 3, day: 31)!,
            options: [], counts: [], templates: [], files: old.files.map(\.entry))
        manifest.signingKey = signer?.fingerprint
        let json = manifest.json
        try Data(json).write(to: URL(fileURLWithPath: period + "/manifest.json"))
        var sums = old.files.map { "\($0.entry.sha256)  \($0.entry.path)\n" }.joined() + "\(sha256Hex(json))  manifest.json\n"
        if let signature = signer?.sign(json) {
            try Data(signature).write(to: URL(fileURLWithPath: period + "/manifest.sig"))
            sums += "\(sha256Hex(signature))  manifest.sig\n"
        } else {
            try? FileManager.default.removeItem(atPath: period + "/manifest.sig")
        }
        try Data(sums.utf8).write(to: URL(fileURLWithPath: period + "/SHA256SUMS"))
    }

    @Test("keygen → signed run → verify with the key: intact, signature valid; SHA256SUMS covers manifest.sig")
    func signedRun() throws {
        let keys = try Self.keyPair()
        let period = try Self.signedArchive(keys.privateKey)
        let key = try ArchivePublicKey(contentsOf: keys.publicKey)
        let report = ArchiveVerifier.verify(period, options: .init(publicKey: key, requireSignature: true))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.verifiedKey == key.fingerprint)
        #expect(try FileSystem.read(period + "/manifest.sig").count == 64)
        let manifest = String(decoding: try FileSystem.read(period + "/manifest.json"), as: UTF8.self)
        #expect(manifest.hasPrefix("{\n  \"format\": 2,\n"))
        #expect(manifest.contains("\"signing_key\": \"\(key.fingerprint)\""))
        let sums = String(decoding: try FileSystem.read(period + "/SHA256SUMS"), as: UTF8.self)
        #expect(sums.contains("  manifest.sig\n"))
        // Without a key, a signed archive is intact and its signer named.
        #expect(ArchiveVerifier.verify(period).signingKey == key.fingerprint)
    }

    @Test("a flipped byte in manifest.json or manifest.sig, another key, a re-signed or regenerated unsigned manifest: each fails")
    func forgeries() throws {
        let keys = try Self.keyPair(), attacker = try Self.keyPair()
        let signed = try Self.signedArchive(keys.privateKey)
        func copy() throws -> String {
            let path = Paths.temporaryDirectory() + "/2026-Q1"
            try FileManager.default.copyItem(atPath: signed, toPath: path)
            return path
        }
        let manifestFlipped = try copy()
        try Self.flipByte(manifestFlipped + "/manifest.json", at: 200)
        #expect(try Self.codes(manifestFlipped, key: keys.publicKey).contains("archive.signature-invalid"))
        let signatureFlipped = try copy()
        try Self.flipByte(signatureFlipped + "/manifest.sig", at: 10)
        #expect(Set(try Self.codes(signatureFlipped, key: keys.publicKey)) == ["archive.signature-invalid", "verify.changed"])
        #expect(try Self.codes(try copy(), key: attacker.publicKey) == ["archive.key-mismatch", "archive.signature-invalid"])
        let resigned = try copy()
        try Self.regenerateManifest(resigned, signedWith: attacker.privateKey)
        #expect(ArchiveVerifier.verify(resigned).diagnostics.isEmpty, "consistent by itself: only the key tells")
        #expect(try Self.codes(resigned, key: keys.publicKey) == ["archive.key-mismatch", "archive.signature-invalid"])
        let unsigned = try copy()
        try Self.regenerateManifest(unsigned, signedWith: nil)
        let messages = ArchiveVerifier.verify(unsigned, options: .init(publicKey: try ArchivePublicKey(contentsOf: keys.publicKey)))
            .diagnostics.map(\.description)
        #expect(messages == [
            "\(unsigned)/manifest.json: error: the archive is not signed (no manifest.sig, no signing_key), but --key \(try ArchivePublicKey(contentsOf: keys.publicKey).fingerprint) was given: it may have been regenerated [archive.unsigned]"
        ])
        #expect(ArchiveVerifier.verify(unsigned, options: .init(requireSignature: true)).diagnostics.map(\.code) == ["archive.unsigned"])
        let sigRemoved = try copy()
        try FileManager.default.removeItem(atPath: sigRemoved + "/manifest.sig")
        #expect(Set(ArchiveVerifier.verify(sigRemoved).diagnostics.map(\.code)) == ["archive.unsigned", "verify.changed"])
    }

    @Test("a private key readable by group or others is refused, naming its mode; nothing is archived")
    func keyMode() throws {
        let keys = try Self.keyPair()
        let keyText = try FileSystem.read(keys.privateKey)
        chmod(keys.privateKey, 0o640)
        let error = try #require(throws: KeyFileError.self) { try ArchiveSigner(contentsOf: keys.privateKey) }
        #expect(error.diagnostic.description == "\(keys.privateKey): error: private key file is readable by group or others (mode 0640); restrict it with 'chmod 600' and check who has seen it [archive.key-mode]")
        var config = Config(periodDirectory: Paths.repo("Inputs/2026-Q3"))
        config.outputDirectory = Paths.temporaryDirectory()
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        config.signingKeyPath = keys.privateKey
        let outcome = ReportPipeline.run(config)
        #expect(outcome.archivePath == nil)
        #expect(outcome.diagnostics.contains { $0.code == "archive.key-mode" })
        // Never key material in a message.
        let secret = String(decoding: keyText, as: UTF8.self).split(separator: "\n")[1]
        #expect(!outcome.diagnostics.map(\.description).joined().contains(secret))
        #expect(!String(describing: try ArchiveSigner(contentsOf: Self.keyPair().privateKey)).contains("BEGIN"))
    }

    @Test("settings.csv sign_key names the key relative to the settings file")
    func settingsKey() throws {
        let folder = Paths.temporaryDirectory()
        let keys = folder + "/keys"
        _ = try KeyGenerator.generate(into: keys)
        // The settings file sits in Inputs/; the key path is relative to it.
        let period = try Self.signedArchive(nil, settings: "key,value\nsign_key,../../\(FileSystem.baseName(folder))/keys/private.pem\n")
        let key = try ArchivePublicKey(contentsOf: keys + "/public.pem")
        #expect(ArchiveVerifier.verify(period, options: .init(publicKey: key)).verifiedKey == key.fingerprint)
    }

    @Test("keygen never overwrites; keys from OpenSSL are read; PEM is what OpenSSL writes")
    func keys() throws {
        let folder = Paths.temporaryDirectory() + "/keys"
        _ = try KeyGenerator.generate(into: folder)
        let error = try #require(throws: KeyFileError.self) { try KeyGenerator.generate(into: folder) }
        #expect(error.diagnostic.code == "archive.key-exists")
        var info = stat()
        stat(folder + "/private.pem", &info)
        #expect(info.st_mode & 0o777 == 0o600)
        // `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` of the same key.
        let privatePEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINbekeT8PgEI1cLO96SSJYbW6Mt9q7PCbLHtYofKUzeg\n-----END PRIVATE KEY-----\n"
        let raw = try #require(Ed25519PEM.rawPrivateKey(fromPEM: privatePEM))
        #expect(Ed25519PEM.privateKeyPEM(raw) == privatePEM)
        #expect(Ed25519PEM.rawPublicKey(fromPEM: privatePEM) == nil)
        #expect(Ed25519PEM.rawPrivateKey(fromPEM: "-----BEGIN PRIVATE KEY-----\nMCowBQYDK2VwAyEA\n-----END PRIVATE KEY-----") == nil)
    }
}
