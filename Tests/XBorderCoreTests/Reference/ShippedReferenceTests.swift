import Foundation
import Testing
import XBorderCore
import TestSupport

/// The reference data the project ships (`Inputs/reference/`) is a legal product: every row
/// sourced on an accepted domain, in Japanese as well as English, and the coverage the
/// jurisdictions where Japanese manufacturers operate need.
@Suite("Shipped reference data")
struct ShippedReferenceTests {
    let reference: ReferenceData
    let diagnostics: [Diagnostic]

    init() throws {
        var files: [String: InputFile] = [:]
        for name in ReferenceLoader.files {
            let path = Paths.repo("Inputs/reference/" + name)
            if let data = FileManager.default.contents(atPath: path) { files[name] = InputFile(path: path, bytes: Array(data)) }
        }
        var log = DiagnosticLog()
        reference = try #require(ReferenceLoader.load(files: files, diagnostics: &log))
        diagnostics = log.all
    }

    @Test("loads without a diagnostic: every source and commentary is on the allow-list of source-domains.csv")
    func clean() {
        #expect(diagnostics.map(\.description) == [])
    }

    @Test("the allow-list accepts official and commentary domains and their subdomains, and nothing else")
    func allowList() {
        let domains = SourceDomains(["elaws.e-gov.go.jp": .official, "eur-lex.europa.eu": .official, "kimchang.com": .commentary])
        #expect(domains.kind(of: "https://elaws.e-gov.go.jp/document?lawid=324AC0000000228") == .official)
        #expect(domains.kind(of: "https://WWW.kimchang.com/en/insights") == .commentary)
        #expect(domains.kind(of: "https://grokipedia.com/page/x") == nil)
        #expect(domains.kind(of: "https://eur-lex.europa.eu.evil.example/") == nil)
        #expect(domains.kind(of: "eur-lex.europa.eu/x") == nil)
    }

    @Test("at least 40 jurisdictions have rows for LOC, GOV and DIS each, including the required ones")
    func coverage() {
        var risksByJurisdiction: [String: Set<RiskType>] = [:]
        for e in reference.exposures { risksByJurisdiction[e.jurisdiction, default: []].insert(e.risk) }
        let complete = risksByJurisdiction.filter { $0.value.count == 3 }.map(\.key)
        #expect(complete.count >= 40, "\(complete.sorted())")
        let required = [
            // G20 (with the EU), ASEAN, and the other markets the issue names.
            "AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB",
            "US", "EU", "BN", "KH", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TW", "HK", "CH", "NO", "IL", "CL", "AE",
        ]
        let index = ExposureIndex(reference: reference)
        for code in required {
            if let c = Country(code: code) {
                let missing = [RiskType.localization, .governmentAccess, .disclosure].filter { !index.covers(c, $0) }
                #expect(missing.isEmpty, "\(code) has no rows for \(missing.map(\.rawValue))")
            } else {
                #expect(risksByJurisdiction[code]?.count == 3, "\(code)")
            }
        }
    }

    @Test("every row names its law, source, review date and where it bites, in English and Japanese")
    func complete() {
        for e in reference.exposures {
            let where_ = "\(e.location)"
            #expect(!e.law.isEmpty && !e.lawJa.isEmpty, "\(where_) law/law_ja")
            #expect(!e.summary.isEmpty && !e.summaryJa.isEmpty, "\(where_) summary/summary_ja")
            #expect(e.source.hasPrefix("https://") || e.source.hasPrefix("http://"), "\(where_) source")
            #expect(CalendarDate(e.reviewedOn) != nil, "\(where_) reviewed_on")
            #expect(!e.roles.isEmpty, "\(where_) roles")
            #expect(["V", "P", "B"].contains(e.confidence), "\(where_) confidence")
            // A transfer rule bites where the data comes from, never merely where it lands.
            if e.risk == .localization { #expect(!e.roles.contains(.destination), "\(where_) LOC through destination") }
        }
        for m in reference.measures {
            #expect(!m.titleJa.isEmpty && !m.descriptionJa.isEmpty, "\(m.id) Japanese")
            #expect(!m.source.isEmpty, "\(m.id) source")
        }
    }

    @Test("Japanese laws carry their official Japanese names")
    func japaneseNames() {
        let japan = reference.exposures.filter { $0.jurisdiction == "JP" }
        let names = japan.map(\.lawJa).joined(separator: "\n")
        for official in ["外国為替及び外国貿易法", "個人情報の保護に関する法律"] {
            #expect(names.contains(official), "\(official)")
        }
    }
}
