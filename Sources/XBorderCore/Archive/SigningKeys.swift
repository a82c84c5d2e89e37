import Crypto
import Foundation

/// A key file that cannot be used, as a diagnostic that names the file and never its contents.
package struct KeyFileError: Error, Sendable {
    /// What is wrong (`archive.key-mode`, `archive.key-invalid`, `archive.key-unreadable`, `archive.key-exists`).
    package var diagnostic: Diagnostic

    init(_ code: String, _ message: String, path: String) {
        diagnostic = Diagnostic(.error, code: code, message, at: SourceLocation(file: path))
    }
}

/// The SHA-256 of a public key's SubjectPublicKeyInfo DER, lower-case hex: what manifest.json
/// records as `signing_key` and `keygen` prints (`openssl pkey -pubin -outform DER | sha256sum`).
package func signingKeyFingerprint(_ rawPublicKey: [UInt8]) -> String { sha256Hex(Ed25519PEM.publicKeyDER(rawPublicKey)) }

/// The organization's private key, which signs manifest.json (`run --sign-key`, `sign_key`).
package struct ArchiveSigner: Sendable, CustomStringConvertible {
    /// The raw private key (swift-crypto's key types are not `Sendable`).
    private let rawKey: [UInt8]
    /// The public key's fingerprint, recorded in the manifest before it is signed.
    package let fingerprint: String

    /// Names the key by its fingerprint only: never key material in a log or a message.
    package var description: String { "Ed25519 signing key \(fingerprint)" }

    /// Loads a PKCS#8 PEM private key, refusing a file that group or others can read.
    package init(contentsOf path: String) throws(KeyFileError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KeyFileError("archive.key-unreadable", "signing key cannot be read: \(FileSystem.exists(path) ? "permission denied" : "no such file")", path: path)
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw KeyFileError(
                "archive.key-mode",
                "private key file is readable by group or others (mode \(String(format: "%04o", mode))); restrict it with 'chmod 600' and check who has seen it",
                path: path)
        }
        let text: String
        do {
            text = String(decoding: try FileSystem.read(path, limit: 64 << 10), as: UTF8.self)
        } catch {
            throw KeyFileError("archive.key-unreadable", "signing key cannot be read: \(error.reason)", path: path)
        }
        guard let raw = Ed25519PEM.rawPrivateKey(fromPEM: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw KeyFileError("archive.key-invalid", "is not an Ed25519 private key in PEM (PKCS#8, 'BEGIN PRIVATE KEY')", path: path)
        }
        rawKey = raw
        fingerprint = signingKeyFingerprint(Array(key.publicKey.rawRepresentation))
    }

    /// The raw 64-byte Ed25519 signature of `bytes` (nil if the crypto library fails).
    package func sign(_ bytes: [UInt8]) -> [UInt8]? {
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawKey).signature(for: bytes)).map(Array.init)
    }
}

/// A public key that `verify --key` checks manifest.sig against.
package struct ArchivePublicKey: Sendable {
    /// The raw public key (swift-crypto's key types are not `Sendable`).
    private let rawKey: [UInt8]
    /// SHA-256 of the SubjectPublicKeyInfo DER, hex.
    package let fingerprint: String

    /// Loads a SubjectPublicKeyInfo PEM public key.
    package init(contentsOf path: String) throws(KeyFileError) {
        let text: String
        do {
            text = String(decoding: try FileSystem.read(path, limit: 64 << 10), as: UTF8.self)
        } catch {
            throw KeyFileError("archive.key-unreadable", "public key cannot be read: \(error.reason)", path: path)
        }
        guard let raw = Ed25519PEM.rawPublicKey(fromPEM: text), (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw KeyFileError("archive.key-invalid", "is not an Ed25519 public key in PEM (SubjectPublicKeyInfo, 'BEGIN PUBLIC KEY')", path: path)
        }
        rawKey = raw
        fingerprint = signingKeyFingerprint(raw)
    }

    /// True when `signature` is this key's Ed25519 signature of exactly `bytes`.
    package func isValidSignature(_ signature: [UInt8], for bytes: [UInt8]) -> Bool {
        guard signature.count == 64, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}
