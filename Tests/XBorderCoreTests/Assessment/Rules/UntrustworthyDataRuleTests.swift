import Testing
import XBorderCore

/// TRU: decision-relevant data crossing an organizational boundary or an unprotected channel;
/// likelihood by mechanism (email/physical media 4; file transfer, platform, remote access and
/// unknown 3; API and replication 2), not applied inside the group over API or replication;
/// impact from criticality.
@Suite("Untrustworthy data rule (TRU)")
struct UntrustworthyDataRuleTests {
    let rule = UntrustworthyDataRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(exposuresCSV: exposureTable("US,GOV,any,3,US-GOV-any"))
    }

    @Test(
        "Categories nobody relies on for decisions are out of scope",
        arguments: [DataCategory.commercial, .personal, .other])
    func otherCategories(category: DataCategory) {
        let flow = makeFlow(category: category, criticality: .high, recipient: .supplier, mechanism: .email)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test(
        "Likelihood follows the channel for data sent outside the group",
        arguments: [
            (Mechanism?.some(.email), 4), (.some(.physicalMedia), 4), (.some(.fileTransfer), 3), (.some(.platform), 3),
            (.some(.remoteAccess), 3), (.some(.api), 2), (.some(.cloudReplication), 2), (nil, 3),
        ])
    func channelLikelihood(mechanism: Mechanism?, likelihood: Int) throws {
        let flow = makeFlow(category: .operational, recipient: .supplier, mechanism: mechanism)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == likelihood)
        #expect(outcome.likelihoodReasons == [.recipient(.supplier), .mechanism(mechanism)])
    }

    @Test("Impact follows criticality")
    func impactFromCriticality() throws {
        let flow = makeFlow(category: .financial, criticality: .low, recipient: .customer, mechanism: .fileTransfer)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 3)
        #expect(outcome.impact == 2)
        #expect(outcome.impactReasons == [.criticality(.low)])
        #expect(outcome.hits.isEmpty)
    }

    @Test(
        "Inside the group an integrity-protected channel does not apply",
        arguments: [Mechanism.api, .cloudReplication])
    func protectedChannelInsideGroup(mechanism: Mechanism) {
        let flow = makeFlow(category: .supplyChain, criticality: .high, recipient: .groupCompany, mechanism: mechanism)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test("Inside the group an unprotected channel still applies, without a recipient reason")
    func unprotectedChannelInsideGroup() throws {
        let flow = makeFlow(category: .securityLogs, recipient: .groupCompany, mechanism: .email)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 4)
        #expect(outcome.likelihoodReasons == [.mechanism(.email)])
        #expect(outcome.impact == 3)
    }
}
