import Testing
import XBorderCore

/// PRV: non-public data reaching a party outside the group; likelihood by recipient (platform 4,
/// partner/supplier/customer 3, cloud provider 2), +1 for email or physical media; impact from
/// confidentiality.
@Suite("Partner misuse rule (PRV)")
struct PartnerMisuseRuleTests {
    let rule = PartnerMisuseRule()
    let reference: ReferenceData

    init() throws {
        reference = try makeReference(exposuresCSV: exposureTable("US,GOV,any,3,US-GOV-any"))
    }

    @Test(
        "Group companies, public bodies, an unknown recipient and public data are out of scope",
        arguments: [
            (RecipientType?.some(.groupCompany), Confidentiality.secret),
            (.some(.publicBody), .secret),
            (nil, .secret),
            (.some(.platform), .public),
        ])
    func outOfScope(recipient: RecipientType?, confidentiality: Confidentiality) {
        let flow = makeFlow(confidentiality: confidentiality, recipient: recipient, mechanism: .email)
        #expect(evaluate(rule, flow, reference: reference) == nil)
    }

    @Test(
        "Likelihood follows the recipient type; impact follows confidentiality",
        arguments: [
            (RecipientType.platform, Confidentiality.internal, 4, 2),
            (.partner, .confidential, 3, 3),
            (.supplier, .confidential, 3, 3),
            (.customer, .secret, 3, 4),
            (.cloudProvider, .secret, 2, 4),
        ])
    func recipientLikelihood(recipient: RecipientType, confidentiality: Confidentiality, likelihood: Int, impact: Int)
        throws
    {
        let flow = makeFlow(confidentiality: confidentiality, recipient: recipient, provider: "US", mechanism: .api)
        let outcome = try #require(evaluate(rule, flow, reference: reference))
        #expect(outcome.likelihood == likelihood)
        #expect(outcome.likelihoodReasons == [.recipient(recipient)])
        #expect(outcome.impact == impact)
        #expect(outcome.impactReasons == [.confidentiality(confidentiality)])
        // A private risk: exposures.csv is never consulted.
        #expect(outcome.hits.isEmpty)
    }

    @Test("Email and physical media raise likelihood by one, up to the top of the scale")
    func uncontrolledCopies() throws {
        let email = makeFlow(confidentiality: .confidential, recipient: .supplier, mechanism: .email)
        let outcome = try #require(evaluate(rule, email, reference: reference))
        #expect(outcome.likelihood == 4)
        #expect(outcome.likelihoodReasons == [.recipient(.supplier), .mechanism(.email)])

        let media = makeFlow(confidentiality: .confidential, recipient: .platform, mechanism: .physicalMedia)
        #expect(evaluate(rule, media, reference: reference)?.likelihood == 5)

        let transfer = makeFlow(confidentiality: .confidential, recipient: .supplier, mechanism: .fileTransfer)
        #expect(evaluate(rule, transfer, reference: reference)?.likelihood == 3)
    }

    @Test("Important data raises impact; identified personal data floors it at Moderate")
    func impactAdjustments() throws {
        let important = makeFlow(confidentiality: .secret, importantData: true, recipient: .partner)
        let importantOutcome = try #require(evaluate(rule, important, reference: reference))
        #expect(importantOutcome.impact == 5)
        #expect(importantOutcome.impactReasons == [.confidentiality(.secret), .importantData])

        let personal = makeFlow(personalData: .personal, confidentiality: .internal, recipient: .partner)
        let personalOutcome = try #require(evaluate(rule, personal, reference: reference))
        #expect(personalOutcome.impact == 3)
        #expect(personalOutcome.impactReasons == [.confidentiality(.internal), .personalData])
    }
}
