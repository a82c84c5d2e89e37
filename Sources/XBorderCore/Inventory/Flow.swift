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
    package var leavesOrigin: Bool { allCountries.contains { $0 != origin } }

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
