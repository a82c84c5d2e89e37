/// One row of the flow inventory, typed and normalized (stage 2 output).
package struct Flow: Sendable {
    /// `flow_id`, unique per period and stable across quarters.
    package var id: String
    /// `data_asset`.
    package var asset: String
    /// `data_category`.
    package var category: DataCategory
    /// `personal_data`.
    package var personalData: PersonalData = .none
    /// `confidentiality`.
    package var confidentiality: Confidentiality
    /// `important_data`: designated or likely important/core data under a local law.
    package var importantData = false
    /// `export_controlled`.
    package var exportControlled = false
    /// `criticality`.
    package var criticality: Criticality = .medium
    /// `origin_country`.
    package var origin: Country
    /// `origin_entity`.
    package var originEntity = ""
    /// `origin_type`: who hands the data over (nil: the organization's own data).
    package var originType: RecipientType?
    /// `destination_country`.
    package var destination: Country
    /// `destination_entity`.
    package var destinationEntity = ""
    /// `recipient_type`, when given.
    package var recipientType: RecipientType?
    /// `provider_country`: home jurisdiction of the recipient when it differs.
    package var providerCountry: Country?
    /// `storage_countries` (defaults to the destination).
    package var storage: [Country] = []
    /// `access_countries`.
    package var access: [Country] = []
    /// `volume`, records per year.
    package var volume: Int?
    /// `frequency`.
    package var frequency: Frequency?
    /// `mechanism`.
    package var mechanism: Mechanism?
    /// `controls`: measure IDs already in place, sorted and unique.
    package var controls: [String] = []
    /// `owner`.
    package var owner = ""
    /// `notes`.
    package var notes = ""
    /// Where the row is in flows.csv.
    package var location: SourceLocation
    /// Optional columns the row left empty, whose default the assessment assumed.
    package var assumed: AssumedDefaults = []

    /// Creates a flow with the required columns; optional ones take their defaults.
    package init(
        id: String, asset: String, category: DataCategory, confidentiality: Confidentiality,
        origin: Country, destination: Country, location: SourceLocation
    ) {
        self.id = id
        self.asset = asset
        self.category = category
        self.confidentiality = confidentiality
        self.origin = origin
        self.destination = destination
        self.location = location
    }

    /// Storage countries with the default applied.
    package var storageCountries: [Country] { storage.isEmpty ? [destination] : storage }

    /// Every country the flow touches, sorted and unique.
    package var allCountries: [Country] {
        // A handful of countries: a sorted array beats a set.
        var countries = [origin]
        func add(_ c: Country) { if !countries.contains(c) { countries.append(c) } }
        add(destination)
        for c in storage { add(c) }
        for c in access { add(c) }
        if let providerCountry { add(providerCountry) }
        return countries.sorted()
    }

    /// True when the data leaves the origin country in any way (destination, storage, access, provider).
    package var leavesOrigin: Bool {
        // `allCountries` without building it: asked of every flow by two rules.
        destination != origin || storage.contains { $0 != origin } || access.contains { $0 != origin }
            || providerCountry.map { $0 != origin } ?? false
    }

    /// True when the organization receives the data from another party (`origin_type` a
    /// supplier, partner, customer, platform or public body), rather than sending its own.
    package var isReceived: Bool {
        switch originType {
        case nil, .groupCompany?, .cloudProvider?: false
        default: true
        }
    }

    /// True when personal data (identified or pseudonymized) is in the flow.
    package var hasPersonalData: Bool { personalData != .none || category == .personal }
}

/// Optional columns a flow left empty and the defaults assumed for them (counted and shown in
/// the report's data quality section: an assumption is not a fact).
package struct AssumedDefaults: OptionSet, Sendable, Hashable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `storage_countries` empty: the destination is assumed.
    package static let storage = AssumedDefaults(rawValue: 1 << 0)
    /// `access_countries` empty: no remote access is assumed.
    package static let access = AssumedDefaults(rawValue: 1 << 1)
    /// `criticality` empty: medium is assumed.
    package static let criticality = AssumedDefaults(rawValue: 1 << 2)
    /// `personal_data` empty: none is assumed (personal for the personal category).
    package static let personalData = AssumedDefaults(rawValue: 1 << 3)
    /// `recipient_type` empty: recipient-based rules cannot apply.
    package static let recipientType = AssumedDefaults(rawValue: 1 << 4)
    /// `mechanism` empty: an unrecorded channel is assumed.
    package static let mechanism = AssumedDefaults(rawValue: 1 << 5)
    /// `origin_type` empty: the organization's own data is assumed.
    package static let originType = AssumedDefaults(rawValue: 1 << 6)
    /// `important_data` empty: not important data is assumed.
    package static let importantData = AssumedDefaults(rawValue: 1 << 7)

    /// Every default, with its catalogue key suffix, in report order.
    package static let all: [(AssumedDefaults, String)] = [
        (.storage, "storage"), (.access, "access"), (.criticality, "criticality"), (.personalData, "personal_data"),
        (.importantData, "important_data"), (.recipientType, "recipient_type"), (.originType, "origin_type"),
        (.mechanism, "mechanism"),
    ]
}
