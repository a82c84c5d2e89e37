import Foundation
import Testing
import XBorderCore

/// Archives written by earlier versions (`Tests/Fixtures/archive-v<format>/`) stay verifiable.
@Suite(.serialized) struct ArchiveFixtureTests {
    /// Every archived period under `Tests/Fixtures/archive-v*/`.
    static let periods: [String] = {
        let fixtures = Paths.repo("Tests/Fixtures")
        return FileSystem.list(fixtures).filter { $0.hasPrefix("archive-v") }.flatMap { archive in
            FileSystem.list(fixtures + "/" + archive)
                .filter { FileSystem.isDirectory(fixtures + "/" + archive + "/" + $0) }
                .map { "\(archive)/\($0)" }
        }
    }()

    @Test("every earlier format's fixture verifies intact", arguments: periods)
    func intact(_ period: String) {
        let report = ArchiveVerifier.verify(Paths.repo("Tests/Fixtures/" + period))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.filesChecked > 10)
    }

    @Test("the fixtures cover format 1")
    func coverage() { #expect(Self.periods.contains("archive-v1/2026-Q1")) }
}
