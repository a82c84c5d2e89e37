import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `xborder keygen DIR`: a new Ed25519 key pair as `private.pem` (PKCS#8, mode 0600) and
/// `public.pem` (SubjectPublicKeyInfo). Existing keys are never overwritten: the private key is
/// created with `O_CREAT | O_EXCL` and mode 0600 from its first byte.
package enum KeyGenerator {
    /// The private key's file name.
    package static let privateKeyName = "private.pem"
    /// The public key's file name.
    package static let publicKeyName = "public.pem"

    /// Writes a new key pair into `directory` (created with mode 0700 when missing).
    /// - Returns: The public key's fingerprint.
    package static func generate(into directory: String) throws(KeyFileError) -> String {
        let privatePath = FileSystem.join(directory, privateKeyName)
        let publicPath = FileSystem.join(directory, publicKeyName)
        for path in [privatePath, publicPath] where FileSystem.exists(path) || FileSystem.isSymbolicLink(path) {
            throw KeyFileError("archive.key-exists", "already exists; keygen never overwrites a key (choose another folder)", path: path)
        }
        if !FileSystem.exists(directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw KeyFileError("archive.key-unreadable", "cannot be created", path: directory)
            }
        }
        let key = Curve25519.Signing.PrivateKey()
        try write(Ed25519PEM.privateKeyPEM(Array(key.rawRepresentation)), to: privatePath, mode: 0o600)
        let raw = Array(key.publicKey.rawRepresentation)
        try write(Ed25519PEM.publicKeyPEM(raw), to: publicPath, mode: 0o644)
        return signingKeyFingerprint(raw)
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws(KeyFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw KeyFileError(
                errno == EEXIST ? "archive.key-exists" : "archive.key-unreadable",
                errno == EEXIST ? "already exists; keygen never overwrites a key" : "cannot be created", path: path)
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        // The umask may only have removed bits; set exactly the mode asked for.
        guard fchmod(descriptor, mode) == 0,
            bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress!, $0.count) }) == bytes.count,
            fsync(descriptor) == 0
        else { throw KeyFileError("archive.key-unreadable", "cannot be written", path: path) }
    }
}
