import Testing
import XBorderCore

/// LOC: a transfer restriction bites through the roles its row names (by default where the data
/// is generated) and towards the jurisdictions it names; likelihood from the calibrated strongest
/// row, 5 only for an undischarged binding duty; impact from criticality (+1 for important or
/// export-controlled data).
@Suite("Localization rule (LOC)")
struct LocalizationRuleTests {
    let rule = LocalizationRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(
            exposuresCSV: exposureTableWithRoles(
                "CN,LOC,any,2,origin,,,,CN-LOC-any",
                "CN,LOC,important_data,3,origin;storage,,M19,,CN-LOC-important",
                "JP,LOC,any,1,origin,,,,JP-LOC-any",
                "EU,LOC,any,2,origin;storage,,,,EU-LOC-chapter-V",
                "US,LOC,personal,2,origin;storage,CN;RU,,,US-LOC-bulk-data",
                "KR,LOC,export_controlled,3,origin,,M19,,KR-LOC-core-tech",
                "CN,GOV,any,3,,,,,CN-GOV-any"
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
        // CN-LOC-any level 2 → 3 (the important_data row does not match); JP is only the
        // destination and storage, so its own outbound rule does not count.
        #expect(describe(outcome.hits, in: reference) == ["CN origin 2 [CN-LOC-any]"])
        #expect(outcome.likelihood == 3)
        #expect(
            outcome.likelihoodReasons == [
                .exposureLevel(country: country("CN"), role: .origin, level: 2, scoped: false, duty: "")
            ])
        // high 4 + export-controlled 1 = 5.
        #expect(outcome.impact == 5)
        #expect(outcome.impactReasons == [.criticality(.high), .exportControlled])
    }

    @Test("A binding duty that targets this data (an approval before export) is Almost certain")
    func bindingDuty() throws {
        let flow = makeFlow(origin: "CN", destination: "JP", importantData: true)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(describe(outcome.hits, in: reference) == ["CN origin 3 [CN-LOC-important] scoped"])
        #expect(outcome.likelihood == 5)
        #expect(outcome.duty == "M19")
        // medium 3 + important data 1 = 4.
        #expect(outcome.impact == 4)
        #expect(outcome.impactReasons == [.criticality(.medium), .importantData])
    }

    @Test("Data arriving in a country is not restricted by that country's outbound rules")
    func arrivingDataNotRestricted() throws {
        // Japanese technical data sent to Korea: Korea's core-technology export rule bites on data
        // leaving Korea, not arriving there.
        let intoKorea = makeFlow(origin: "JP", destination: "KR", exportControlled: true)
        let outcome = try #require(evaluate(rule, intoKorea, reference: reference))
        #expect(describe(outcome.hits, in: reference) == ["JP origin 1 [JP-LOC-any]"])
        // The same data leaving Korea needs the approval.
        let outOfKorea = makeFlow(origin: "KR", destination: "JP", exportControlled: true)
        let out = try #require(evaluate(rule, outOfKorea, reference: reference))
        #expect(describe(out.hits, in: reference) == ["KR origin 3 [KR-LOC-core-tech] scoped"])
        #expect(out.likelihood == 5)
    }

    @Test("A rule towards some jurisdictions bites only on transfers towards them")
    func towardsCountriesOfConcern() throws {
        // US personal data to Japan: the bulk-data rule restricts transfers towards CN and RU only.
        let toJapan = makeFlow(origin: "US", destination: "JP", personalData: .personal)
        #expect(evaluate(rule, toJapan, reference: reference) == nil)
        // Japanese data stored in the US and read from Japan: not US-origin data going to a country of concern.
        let japaneseInUS = makeFlow(origin: "JP", destination: "US", personalData: .personal, storage: ["US"], access: ["JP"])
        let j = try #require(evaluate(rule, japaneseInUS, reference: reference))
        #expect(describe(j.hits, in: reference) == ["JP origin 1 [JP-LOC-any]"])
        // The same data reaching China from a US store is restricted.
        let toChina = makeFlow(origin: "US", destination: "CN", personalData: .personal)
        let c = try #require(evaluate(rule, toChina, reference: reference))
        #expect(describe(c.hits, in: reference) == ["US origin 2 [US-LOC-bulk-data] scoped"])
        // Data held in the US and opened to engineers in China: the storage role bites.
        let storedInUS = makeFlow(origin: "JP", destination: "US", personalData: .personal, storage: ["US"], access: ["CN"])
        let s = try #require(evaluate(rule, storedInUS, reference: reference))
        #expect(describe(s.hits, in: reference) == ["JP origin 1 [JP-LOC-any]", "US storage 2 [US-LOC-bulk-data] scoped"])
    }

    @Test("A storage country counts only through a row that names the storage role, and only when the data goes on")
    func storageCountryWithOnwardTransfer() throws {
        let onward = makeFlow(origin: "JP", destination: "DE", importantData: true, storage: ["CN"])
        let outcome = try #require(evaluate(rule, onward, reference: reference))
        #expect(
            describe(outcome.hits, in: reference) == [
                "JP origin 1 [JP-LOC-any]", "CN storage 3 [CN-LOC-important] scoped",
            ])
        #expect(outcome.likelihood == 5)

        // The origin-only row of China does not bite on data merely stored there.
        let plain = makeFlow(origin: "JP", destination: "DE", storage: ["CN"])
        #expect(describe(try #require(evaluate(rule, plain, reference: reference)).hits, in: reference) == [
            "JP origin 1 [JP-LOC-any]"
        ])

        let terminal = makeFlow(origin: "JP", destination: "CN", importantData: true, storage: ["CN"])
        let terminalOutcome = try #require(evaluate(rule, terminal, reference: reference))
        #expect(describe(terminalOutcome.hits, in: reference) == ["JP origin 1 [JP-LOC-any]"])
        #expect(terminalOutcome.likelihood == 2)
    }
}
