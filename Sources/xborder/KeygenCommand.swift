import ArgumentParser
import XBorderCore

/// `xborder keygen DIR`.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 key pair for signing archives.",
        discussion: """
            Writes DIR/private.pem (PKCS#8, mode 0600: keep it secret, never archive it) and \
            DIR/public.pem (SubjectPublicKeyInfo, for auditors), and prints the key's fingerprint \
            (SHA-256 of the public key's DER). Existing keys are never overwritten.

            Example: xborder keygen keys && xborder run Inputs/2026-Q3 --sign-key keys/private.pem
            """)

    @Argument(help: "Folder for private.pem and public.pem (created when missing).")
    var directory: String

    func run() throws {
        do {
            let fingerprint = try KeyGenerator.generate(into: directory)
            Console.out("private key: \(FileSystem.join(directory, KeyGenerator.privateKeyName)) (mode 0600; keep it secret)")
            Console.out("public key: \(FileSystem.join(directory, KeyGenerator.publicKeyName))")
            Console.out("fingerprint: \(fingerprint)")
        } catch {
            Console.error(error.diagnostic.description)
            throw ExitCode(1)
        }
    }
}
