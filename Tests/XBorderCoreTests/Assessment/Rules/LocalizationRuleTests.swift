import Testing
import XBorderCore

/// LOC: restrictions of the origin country and of storage countries the data goes on from;
/// likelihood from the strongest exposure (level + 1, +1 when scoped), impact from criticality
/// (+1 for important or export-controlled data).
@Suite("Localization rule (LOC)")
struct LocalizationRuleTests {
    let rule = LocalizationRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(
            exposuresCSV: exposureTable(
                "CN,LOC,any,2,CN-LOC-any",
                "CN,LOC,important_data,2,CN-LOC-important",
                "JP,LOC,any,1,JP-LOC-any",
                "EU,LOC,any,2,EU-LOC-chapter-V",
                "CN,GOV,any,3,CN-GOV-any"
            ))
    }

    @Test("A purely domestic flow is out of scope even under a strict regime")
    func domesticFlow() {
        let flow = makeFlow(origin: "CN", destination: "CN", importantData: true)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("A transfer that stays inside a group restricting only outbound transfers is out of scope")
    func intraGroupTransfer() throws {
        let inside = makeFlow(origin: "DE", destination: "FR", storage: ["NL"])
        #expect(evaluate(rule, inside, reference: reference) == nil)

        // The same group row applies as soon as the data leaves the group.
        let leaving = makeFlow(origin: "DE", destination: "JP")
        let outcome = try #require(evaluate(rule, leaving, reference: reference))
        #expect(describe(outcome.hits, in: reference) == ["DE origin 2 [EU-LOC-chapter-V]"])
        #expect(outcome.likelihood == 3)
    }

    @Test("The origin's strongest regime sets likelihood; criticality and export control set impact")
    func originRestriction() throws {
        let flow = makeFlow(origin: "CN", destination: "JP", exportControlled: true, criticality: .high)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // CN-LOC-any level 2 → 2 + 1 = 3 (the important_data row does not match); JP is only
        // the destination and storage, so its own row does not count.
        #expect(describe(outcome.hits, in: reference) == ["CN origin 2 [CN-LOC-any]"])
        #expect(outcome.likelihood == 3)
        #expect(
            outcome.likelihoodReasons == [
                .exposureLevel(country: country("CN"), role: .origin, level: 2, scoped: false)
            ])
        // high 4 + export-controlled 1 = 5.
        #expect(outcome.impact == 5)
        #expect(outcome.impactReasons == [.criticality(.high), .exportControlled])
    }

    @Test("A row that targets this kind of data raises likelihood by one")
    func scopedRowRaisesLikelihood() throws {
        let flow = makeFlow(origin: "CN", destination: "JP", importantData: true)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        // Both CN rows at level 2; the important_data one is scoped → 2 + 1 + 1 = 4.
        #expect(describe(outcome.hits, in: reference) == ["CN origin 2 [CN-LOC-any, CN-LOC-important] scoped"])
        #expect(outcome.likelihood == 4)
        // medium 3 + important data 1 = 4.
        #expect(outcome.impact == 4)
        #expect(outcome.impactReasons == [.criticality(.medium), .importantData])
    }

    @Test("A storage country counts only when the data goes on from it")
    func storageCountryWithOnwardTransfer() throws {
        let onward = makeFlow(origin: "JP", destination: "DE", storage: ["CN"])
        let outcome = try #require(evaluate(rule, onward, reference: reference))
        #expect(describe(outcome.hits, in: reference) == ["JP origin 1 [JP-LOC-any]", "CN storage 2 [CN-LOC-any]"])
        #expect(outcome.likelihood == 3)

        let terminal = makeFlow(origin: "JP", destination: "CN", storage: ["CN"])
        let terminalOutcome = try #require(evaluate(rule, terminal, reference: reference))
        #expect(describe(terminalOutcome.hits, in: reference) == ["JP origin 1 [JP-LOC-any]"])
        #expect(terminalOutcome.likelihood == 2)
    }
}
