/// What the assessment of a flow depends on: its profile, not its ID, asset, owner, notes,
/// volume or row. Real inventories repeat profiles heavily, so `Assessor.assess(_:index:cache:decision:)`
/// runs the rules, applies the controls and ranks the recommendations once per profile and
/// re-stamps the cached findings with each flow's index and ID.
struct FlowProfile: Hashable, Sendable {
    var category: DataCategory
    var personalData: PersonalData
    var confidentiality: Confidentiality
    var importantData: Bool
    var exportControlled: Bool
    var criticality: Criticality
    var origin: Country
    var originType: RecipientType?
    var destination: Country
    var recipientType: RecipientType?
    var providerCountry: Country?
    var storage: [Country]
    var access: [Country]
    var frequency: Frequency?
    var mechanism: Mechanism?
    var controls: [String]

    init(_ flow: Flow) {
        category = flow.category
        personalData = flow.personalData
        confidentiality = flow.confidentiality
        importantData = flow.importantData
        exportControlled = flow.exportControlled
        criticality = flow.criticality
        origin = flow.origin
        originType = flow.originType
        destination = flow.destination
        recipientType = flow.recipientType
        providerCountry = flow.providerCountry
        storage = flow.storage
        access = flow.access
        frequency = flow.frequency
        mechanism = flow.mechanism
        controls = flow.controls
    }
}

/// Per-profile assessment outcomes, owned by one worker at a time. An entry is a pure function
/// of its profile (and the assessor), so reusing one never changes a finding.
package struct AssessmentCache: Sendable {
    /// One rule that applies to a profile: its outcome and the finding it gives without a decision.
    struct Entry: Sendable {
        var rule: Int
        var outcome: RuleOutcome
        var finding: Finding
    }

    /// Profiles kept at most, so a pathological inventory cannot grow the cache without bound.
    static let capacity = 200_000

    var entries: [FlowProfile: [Entry]] = [:]

    /// An empty cache.
    package init() {}
}
