import Testing
import XBorderCore

/// TRU: decision-relevant data the organization RECEIVES from another party (`origin_type`);
/// likelihood by mechanism (email/physical media 4; file transfer, platform, remote access and
/// unknown 3; API and replication 2); impact from criticality. Its own outbound data is out of
/// scope, whoever receives it.
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
        let flow = makeFlow(category: category, criticality: .high, originType: .supplier, mechanism: .email)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test(
        "Likelihood follows the channel for data received from a supplier",
        arguments: [
            (Mechanism?.some(.email), 4), (.some(.physicalMedia), 4), (.some(.fileTransfer), 3), (.some(.platform), 3),
            (.some(.remoteAccess), 3), (.some(.api), 2), (.some(.cloudReplication), 2), (nil, 3),
        ])
    func channelLikelihood(mechanism: Mechanism?, likelihood: Int) throws {
        let flow = makeFlow(category: .operational, originType: .supplier, mechanism: mechanism)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == likelihood)
        #expect(outcome.likelihoodReasons == [.received(.supplier), .mechanism(mechanism)])
    }

    @Test("Impact follows criticality")
    func impactFromCriticality() throws {
        let flow = makeFlow(category: .financial, criticality: .low, originType: .customer, mechanism: .fileTransfer)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 3)
        #expect(outcome.impact == 2)
        #expect(outcome.impactReasons == [.criticality(.low)])
        #expect(outcome.hits.isEmpty)
    }

    @Test(
        "The organization's own data is out of scope, whoever receives it and however it travels",
        arguments: [
            (RecipientType.supplier, Mechanism.email), (.partner, .physicalMedia), (.groupCompany, .email),
            (.cloudProvider, .fileTransfer),
        ])
    func ownOutboundData(recipient: RecipientType, mechanism: Mechanism) {
        for origin in [RecipientType?.none, .groupCompany, .cloudProvider] {
            let flow = makeFlow(
                category: .supplyChain, criticality: .high, recipient: recipient, originType: origin, mechanism: mechanism)
            #expect(evaluate(rule, flow, reference: reference) == nil)
        }
    }

    @Test("Received data applies over any channel", arguments: [RecipientType.partner, .platform, .publicBody])
    func receivedFromOtherParties(source: RecipientType) throws {
        let flow = makeFlow(category: .securityLogs, recipient: .groupCompany, originType: source, mechanism: .api)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 2)
        #expect(outcome.likelihoodReasons == [.received(source), .mechanism(.api)])
    }
}
