import Foundation
import Testing

/// keygen, `run --sign-key` and `verify --key` as a user runs them.
@Suite(.serialized) struct SigningCommandTests {
    @Test("keygen → run --sign-key → verify --key exits 0; a changed manifest or a readable key exits 1")
    func signedRoundTrip() throws {
        let dir = CLITests.temporaryDirectory()
        let keygen = try CLITests.run(["keygen", dir + "/keys"])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        #expect(keygen.stdout.contains("fingerprint: "))
        #expect(!keygen.stdout.contains("BEGIN"), "never key material on the terminal")
        let again = try CLITests.run(["keygen", dir + "/keys"])
        #expect(again.status == 1 && again.stderr.contains("already exists; keygen never overwrites a key"))

        let run = try CLITests.run(["run", "Inputs/2026-Q2", "--output", dir + "/out", "--sign-key", dir + "/keys/private.pem", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let period = dir + "/out/2026-Q2"
        let verify = try CLITests.run(["verify", period, "--key", dir + "/keys/public.pem", "--require-signature"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("signature valid, key "))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: period + "/manifest.json"))
        bytes[300] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: period + "/manifest.json"))
        let tampered = try CLITests.run(["verify", period, "--key", dir + "/keys/public.pem"])
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains("\(period)/manifest.sig: error: manifest.sig is not a valid signature of manifest.json by the key"))

        chmod(dir + "/keys/private.pem", 0o644)
        let readable = try CLITests.run(["run", "Inputs/2026-Q2", "--output", dir + "/out", "--sign-key", dir + "/keys/private.pem", "--quiet"])
        #expect(readable.status == 1)
        #expect(readable.stderr.contains("private key file is readable by group or others (mode 0644)"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/2026-Q2-r2"))
    }

    @Test("--require-signature fails an unsigned archive")
    func requireSignature() throws {
        let result = try CLITests.run(["verify", "Tests/Fixtures/archive-v1/2026-Q1", "--require-signature"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the archive is not signed (no manifest.sig, no signing_key) and --require-signature was given [archive.unsigned]"))
    }
}
