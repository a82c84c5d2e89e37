import Testing

@testable import XBorderCore

/// The compiled matcher gives the same answer as the scope it was compiled from.
@Suite("ScopeMatcher")
struct ScopeMatcherTests {
    static let scopes = [
        "any", "important_data", "export_controlled", "personal", "non_personal", "category=technical",
        "recipient=cloud_provider", "personal+non_personal", "category=technical+category=personal",
        "recipient=partner+recipient=cloud_provider", "important_data+category=technical+recipient=group_company",
        "export_controlled+non_personal",
    ]

    @Test("every scope of the grammar matches exactly the flows Scope.matches accepts")
    func agreesWithScope() throws {
        var flows: [Flow] = []
        for category in [DataCategory.technical, .personal, .operational] {
            for personal in [PersonalData.none, .personal] {
                for recipient in [RecipientType.groupCompany, .cloudProvider, .partner, nil] {
                    for flags in [(false, false), (true, false), (false, true), (true, true)] {
                        flows.append(
                            makeFlow(
                                category: category, personalData: personal, importantData: flags.0,
                                exportControlled: flags.1, recipient: recipient))
                    }
                }
            }
        }
        for text in Self.scopes {
            let scope = try Scope.parse(text).get()
            let matcher = ScopeMatcher(scope)
            for flow in flows {
                #expect(matcher.matches(flow) == scope.matches(flow), "\(text)")
            }
        }
    }
}
