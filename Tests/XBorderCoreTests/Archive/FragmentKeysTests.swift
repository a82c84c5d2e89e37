import Testing

@testable import XBorderCore

/// The fragment cache's keys decide which cached bytes a finding reuses: equal only for equal
/// assessments, whatever the fingerprint does.
@Suite("FragmentKeys")
struct FragmentKeysTests {
    let assessor: Assessor

    init() throws {
        let reference = try makeReference(
            exposuresCSV: exposureTable("CN,GOV,any,3,CN-GOV-any", "US,GOV,any,2,US-GOV-any", "CN,LOC,any,3,CN-LOC-any"))
        assessor = Assessor(reference: reference)
    }

    func finding(_ flow: Flow, _ risk: RiskType) throws -> Finding {
        try #require(assessor.assess(flow, index: 0).first { $0.risk == risk })
    }

    @Test("the same assessment of different flows has one key; the flow's own cells are not part of it")
    func sameAssessmentSameKey() throws {
        let a = try finding(makeFlow(id: "A", origin: "JP", destination: "CN"), .governmentAccess)
        var other = makeFlow(id: "B", origin: "JP", destination: "CN")
        other.asset = "Another asset"
        other.owner = "Someone else"
        let b = try finding(other, .governmentAccess)
        let (ka, kb) = (FragmentCache.FindingKey(a), FragmentCache.FindingKey(b))
        #expect(ka == kb)
        #expect(ka.hashValue == kb.hashValue)
    }

    @Test("any difference in what the bytes depend on makes the keys unequal")
    func everyFieldCounts() throws {
        let base = try finding(makeFlow(origin: "JP", destination: "CN"), .governmentAccess)
        var variants: [Finding] = []
        var f = base
        f.residual.likelihood -= 1
        variants.append(f)
        f = base
        f.hits[0].exposures.append(99)
        variants.append(f)
        f = base
        f.hits[0].duty = "M05"
        variants.append(f)
        f = base
        f.likelihoodReasons.append(.personalData)
        variants.append(f)
        f = base
        f.impactReasons = [.confidentiality(.secret)]
        variants.append(f)
        f = base
        f.controls = [.init(measureID: "M06", likelihood: 1, impact: 0)]
        variants.append(f)
        f = base
        f.withheld = ["M06"]
        variants.append(f)
        f = base
        f.unmetDuty = "M05"
        variants.append(f)
        f = base
        f.recommended = ["M06", "M07"]
        variants.append(f)
        f = base
        f.risk = .disclosure
        variants.append(f)
        let key = FragmentCache.FindingKey(base)
        for variant in variants { #expect(FragmentCache.FindingKey(variant) != key) }
        // Reasons that differ only in a payload.
        let x = FragmentCache.ReasonsKey(level: 3, reasons: [.recipient(.partner)])
        let y = FragmentCache.ReasonsKey(level: 3, reasons: [.recipient(.supplier)])
        #expect(x != y)
        #expect(FragmentCache.RecommendedKey(["M01", "M02"]) != FragmentCache.RecommendedKey(["M01M02"]))
    }

    @Test("a finding's part is kept from its second occurrence, never for one seen once")
    func admitsRepeats() throws {
        var cache = FragmentCache()
        let a = FragmentCache.FindingKey(try finding(makeFlow(origin: "JP", destination: "CN"), .governmentAccess))
        let b = FragmentCache.FindingKey(try finding(makeFlow(origin: "JP", destination: "US"), .governmentAccess))
        let first = cache.admit(a)
        let other = cache.admit(b)
        let second = cache.admit(a)
        #expect(!first && !other && second)
    }
}
