import Testing
import XBorderCore

/// DIS: disclosure duties of the origin, destination and storage countries (not the provider's);
/// likelihood from the strongest exposure, impact from confidentiality.
@Suite("Mandatory disclosure rule (DIS)")
struct MandatoryDisclosureRuleTests {
    let rule = MandatoryDisclosureRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(
            exposuresCSV: exposureTable(
                "EU,DIS,category=operational,2,EU-DIS-data-act",
                "IN,DIS,any,2,IN-DIS-cert-in",
                "US,DIS,any,3,US-DIS-any",
                "JP,DIS,any,1,JP-DIS-any",
                "IN,GOV,any,3,IN-GOV-any"
            ))
    }

    @Test("A purely domestic flow is out of scope")
    func domesticFlow() {
        let flow = makeFlow(origin: "IN", destination: "IN", confidentiality: .secret)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("A flow touching no disclosure regime is out of scope")
    func noRegime() {
        // The EU row targets operational data only; DE and FR have nothing else.
        let flow = makeFlow(origin: "DE", destination: "FR", category: .technical)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("Destination and origin regimes both count; the strongest sets likelihood")
    func destinationAndOrigin() throws {
        let flow = makeFlow(origin: "JP", destination: "IN", confidentiality: .secret, storage: ["IN"])
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // IN level 2 → 3 (JP level 1 is weaker); secret → 4.
        #expect(
            describe(outcome.hits, in: reference) == ["JP origin 1 [JP-DIS-any]", "IN destination 2 [IN-DIS-cert-in]"])
        #expect(outcome.likelihood == 3)
        #expect(
            outcome.likelihoodReasons == [
                .exposureLevel(country: country("IN"), role: .destination, level: 2, scoped: false, duty: ""),
                .exposureLevel(country: country("JP"), role: .origin, level: 1, scoped: false, duty: ""),
            ])
        #expect(outcome.impact == 4)
        #expect(outcome.impactReasons == [.confidentiality(.secret)])
    }

    @Test("An origin group row that targets the data counts and raises likelihood, even leaving the group")
    func scopedOriginGroupRow() throws {
        let flow = makeFlow(origin: "DE", destination: "JP", category: .operational, confidentiality: .confidential)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // EU row level 2, targeted → 3; confidential → 3.
        #expect(
            describe(outcome.hits, in: reference) == [
                "DE origin 2 [EU-DIS-data-act] scoped", "JP destination 1 [JP-DIS-any]",
            ])
        #expect(outcome.likelihood == 3)
        #expect(outcome.impact == 3)
    }

    @Test("An intra-group transfer is still in scope: only LOC skips group rows")
    func intraGroupStillInScope() throws {
        let flow = makeFlow(origin: "DE", destination: "FR", category: .operational)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(
            describe(outcome.hits, in: reference) == [
                "DE origin 2 [EU-DIS-data-act] scoped", "FR destination 2 [EU-DIS-data-act] scoped",
            ])
        #expect(outcome.likelihood == 3)
    }

    @Test("A duty not yet in force on the as-of date is not scored")
    func notYetInForce() throws {
        let reference = try makeReference(
            exposuresCSV: exposureTableWithRoles(
                "EU,DIS,category=operational,3,origin;destination,,,2027-02-18,EU-DIS-passport"))
        let flow = makeFlow(origin: "DE", destination: "JP", category: .operational)
        #expect(evaluate(rule, flow, reference: reference, asOf: CalendarDate("2026-09-30")) == nil)
        let later = try #require(evaluate(rule, flow, reference: reference, asOf: CalendarDate("2027-03-31")))
        #expect(later.likelihood == 4)
        let index = ExposureIndex(reference: reference, asOf: CalendarDate("2026-09-30"))
        #expect(index.upcoming == [0])
        #expect(index.covers(country("DE"), .disclosure))
    }

    @Test("The provider's jurisdiction is not a disclosure candidate")
    func providerNotCounted() throws {
        let flow = makeFlow(origin: "JP", destination: "DE", recipient: .cloudProvider, provider: "US")
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // US level 3 would give 4; only JP's level 1 as origin counts.
        #expect(describe(outcome.hits, in: reference) == ["JP origin 1 [JP-DIS-any]"])
        #expect(outcome.likelihood == 2)
    }
}
