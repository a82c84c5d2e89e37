import Foundation
import Testing
import XBorderCore
import TestSupport

/// Archives written by earlier versions (`Tests/Fixtures/archive-v<format>/`) stay verifiable.
@Suite(.serialized) struct ArchiveFixtureTests {
    /// Every archived period under `Tests/Fixtures/archive-v*/`.
    static let periods: [String] = {
        let fixtures = Paths.repo("Tests/Fixtures")
        return FileSystem.list(fixtures).filter { $0.hasPrefix("archive-v") }.flatMap { archive in
            FileSystem.list(fixtures + "/" + archive)
                .filter { FileSystem.exists(fixtures + "/" + archive + "/" + $0 + "/manifest.json") }
                .map { "\(archive)/\($0)" }
        }
    }()

    @Test("every earlier format's fixture verifies intact", arguments: periods)
    func intact(_ period: String) {
        let report = ArchiveVerifier.verify(Paths.repo("Tests/Fixtures/" + period))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.filesChecked > 10)
    }

    @Test("the signed fixture verifies with its public key, and fails with another")
    func signed() throws {
        let keyPath = Paths.repo("Tests/Fixtures/archive-v2/test-key-not-secret/public.pem")
        let key = try ArchivePublicKey(contentsOf: keyPath)
        #expect(key.fingerprint == "acf97c47d77f83532adc85121b6c8445580f81778d84d624156708bad02aaf4d")
        let period = Paths.repo("Tests/Fixtures/archive-v2/2026-Q1")
        let report = ArchiveVerifier.verify(period, options: .init(publicKey: key, requireSignature: true))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.verifiedKey == key.fingerprint)
        let other = try ArchivePublicKey(contentsOf: try SigningTests.keyPair().publicKey)
        let codes = ArchiveVerifier.verify(period, options: .init(publicKey: other)).diagnostics.map(\.code)
        #expect(codes == ["archive.key-mismatch", "archive.signature-invalid"])
    }

    @Test("the fixtures cover formats 1 and 2; an unsigned format-1 archive fails --key and --require-signature")
    func coverage() throws {
        #expect(Self.periods.contains("archive-v1/2026-Q1") && Self.periods.contains("archive-v2/2026-Q1"))
        let v1 = Paths.repo("Tests/Fixtures/archive-v1/2026-Q1")
        #expect(ArchiveVerifier.verify(v1, options: .init(requireSignature: true)).diagnostics.map(\.code) == ["archive.unsigned"])
        let key = try ArchivePublicKey(contentsOf: Paths.repo("Tests/Fixtures/archive-v2/test-key-not-secret/public.pem"))
        #expect(ArchiveVerifier.verify(v1, options: .init(publicKey: key)).diagnostics.map(\.code) == ["archive.unsigned"])
    }
}
