import Testing
import XBorderCore

/// GOV: exposure where the data goes, rests, is accessed from or where its provider is
/// controlled from, never the origin; impact from confidentiality.
@Suite("Government access rule (GOV)")
struct GovernmentAccessRuleTests {
    let rule = GovernmentAccessRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(
            exposuresCSV: exposureTable(
                "JP,GOV,any,3,JP-GOV-any",
                "DE,GOV,any,1,DE-GOV-any",
                "US,GOV,any,2,US-GOV-cloud-act",
                "CN,GOV,any,3,CN-GOV-any",
                "CN,LOC,any,1,CN-LOC-any",
                "SG,GOV,any,0,SG-GOV-none"
            ))
    }

    @Test("A purely domestic flow is out of scope because the origin is not counted")
    func domesticFlow() {
        let flow = makeFlow(origin: "JP", destination: "JP", confidentiality: .secret)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("A destination with only a level-0 row is out of scope")
    func levelZeroDestination() {
        let flow = makeFlow(origin: "JP", destination: "SG", confidentiality: .secret)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("The destination's regime sets likelihood; confidentiality and export control set impact")
    func destinationExposure() throws {
        let flow = makeFlow(
            origin: "JP", destination: "CN", confidentiality: .confidential, exportControlled: true,
            recipient: .supplier)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // CN level 3 → 4 (Likely, the cap of a power to compel access); confidential 3 +
        // export-controlled 1 = 4.
        #expect(describe(outcome.hits, in: reference) == ["CN destination 3 [CN-GOV-any]"])
        #expect(outcome.likelihood == 4)
        #expect(
            outcome.likelihoodReasons == [
                .exposureLevel(country: country("CN"), role: .destination, level: 3, scoped: false, duty: "")
            ])
        #expect(outcome.impact == 4)
        #expect(outcome.impactReasons == [.confidentiality(.confidential), .exportControlled])
    }

    @Test("The provider's home jurisdiction drives exposure (CLOUD Act logic), not the data centre")
    func providerJurisdiction() throws {
        let flow = makeFlow(
            origin: "JP", destination: "DE", confidentiality: .secret, recipient: .cloudProvider, provider: "US")
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // DE level 1 as destination, US level 2 as provider → the strongest, US, gives 3.
        #expect(
            describe(outcome.hits, in: reference) == [
                "DE destination 1 [DE-GOV-any]", "US provider 2 [US-GOV-cloud-act]",
            ])
        #expect(outcome.likelihood == 3)
        #expect(
            outcome.likelihoodReasons == [
                .exposureLevel(country: country("US"), role: .provider, level: 2, scoped: false, duty: ""),
                .exposureLevel(country: country("DE"), role: .destination, level: 1, scoped: false, duty: ""),
            ])
        #expect(outcome.impact == 4)
    }

    @Test("The origin is excluded even when it is also a storage or access country")
    func originExcluded() throws {
        let flow = makeFlow(origin: "JP", destination: "DE", storage: ["DE", "JP"], access: ["JP"])
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // JP's level 3 would give 4; only DE's level 1 counts → 2.
        #expect(describe(outcome.hits, in: reference) == ["DE destination 1 [DE-GOV-any]"])
        #expect(outcome.likelihood == 2)
        #expect(outcome.impact == 2)
    }

    @Test("A power to compel access is at most Likely, even when it targets the data")
    func capped() throws {
        let reference = try makeReference(
            exposuresCSV: exposureTableWithRoles(
                "CN,GOV,important_data,3,destination;storage;provider,,M19,,CN-GOV-important"))
        let flow = makeFlow(origin: "JP", destination: "CN", confidentiality: .secret, importantData: true)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 4)
    }

    @Test("A row bites only through the roles it names")
    func rolesDecide() throws {
        let reference = try makeReference(
            exposuresCSV: exposureTableWithRoles(
                "US,GOV,recipient=cloud_provider,2,provider;storage,,,,US-CLOUD-Act",
                "DE,GOV,any,1,destination;storage;access,,,,DE-GOV"))
        // A US cloud in Frankfurt: the CLOUD Act reaches it through the provider's home.
        let usCloud = makeFlow(origin: "JP", destination: "DE", recipient: .cloudProvider, provider: "US")
        #expect(describe(try #require(evaluate(rule, usCloud, reference: reference)).hits, in: reference) == [
            "DE destination 1 [DE-GOV]", "US provider 2 [US-CLOUD-Act] scoped",
        ])
        // Engineers in the US reading from a group server: the provider row does not apply to access.
        let access = makeFlow(origin: "JP", destination: "DE", access: ["US"])
        #expect(describe(try #require(evaluate(rule, access, reference: reference)).hits, in: reference) == [
            "DE destination 1 [DE-GOV]"
        ])
    }

    @Test("Identified personal data raises a low confidentiality impact to Moderate")
    func personalDataFloor() throws {
        let flow = makeFlow(origin: "JP", destination: "DE", personalData: .personal, confidentiality: .internal)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.impact == 3)
        #expect(outcome.impactReasons == [.confidentiality(.internal), .personalData])
    }
}
