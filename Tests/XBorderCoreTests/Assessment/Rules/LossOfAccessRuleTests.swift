import Testing
import XBorderCore

/// AVL: dependence on a third party to reach the data; likelihood platform 3, cloud provider 2,
/// other outside parties 2 for high-criticality flows only, +1 for a provider controlled from a
/// third jurisdiction; impact from criticality.
@Suite("Loss of access rule (AVL)")
struct LossOfAccessRuleTests {
    let rule = LossOfAccessRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(exposuresCSV: exposureTable("US,GOV,any,3,US-GOV-any"))
    }

    @Test(
        "Group companies, public bodies and an unknown recipient are out of scope",
        arguments: [RecipientType?.some(.groupCompany), .some(.publicBody), nil])
    func outOfScope(recipient: RecipientType?) {
        let flow = makeFlow(criticality: .high, recipient: recipient, provider: "US")
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test(
        "Partners, suppliers and customers count only for high-criticality flows",
        arguments: [RecipientType.partner, .supplier, .customer])
    func outsidePartiesNeedHighCriticality(recipient: RecipientType) throws {
        #expect(evaluate(rule, makeFlow(criticality: .medium, recipient: recipient), reference: reference) == nil)
        let high = makeFlow(criticality: .high, recipient: recipient)
        let outcome = try #require(evaluate(rule, high, reference: reference))
        #expect(outcome.likelihood == 2)
        #expect(outcome.likelihoodReasons == [.recipient(recipient)])
        #expect(outcome.impact == 4)
    }

    @Test("A cloud provider gives likelihood 2; impact follows criticality")
    func cloudProvider() throws {
        let flow = makeFlow(criticality: .low, recipient: .cloudProvider)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 2)
        #expect(outcome.likelihoodReasons == [.recipient(.cloudProvider)])
        #expect(outcome.impact == 2)
        #expect(outcome.impactReasons == [.criticality(.low)])
        #expect(outcome.hits.isEmpty)
    }

    @Test("A platform gives likelihood 3; a continuous high-criticality flow raises impact to 5")
    func platformContinuous() throws {
        let flow = makeFlow(criticality: .high, recipient: .platform, frequency: .continuous)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == 3)
        #expect(outcome.impact == 5)
        #expect(outcome.impactReasons == [.criticality(.high), .continuousFlow])
    }

    @Test("A provider controlled from a third jurisdiction raises likelihood by one")
    func foreignProvider() throws {
        let foreign = makeFlow(origin: "JP", destination: "DE", recipient: .cloudProvider, provider: "US")
        let outcome = try #require(evaluate(rule, foreign, reference: reference))
        #expect(outcome.likelihood == 3)
        #expect(outcome.likelihoodReasons == [.recipient(.cloudProvider), .foreignProvider(country("US"))])

        // A provider at home in the origin or destination country adds nothing.
        for home in ["JP", "DE"] {
            let local = makeFlow(origin: "JP", destination: "DE", recipient: .cloudProvider, provider: home)
            #expect(evaluate(rule, local, reference: reference)?.likelihood == 2, "provider \(home)")
        }
    }
}
