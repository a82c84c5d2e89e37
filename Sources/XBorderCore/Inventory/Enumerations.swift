/// A closed vocabulary of a flows.csv column. Raw values are the canonical English tokens
/// (README, "`flows.csv` columns"); Japanese labels come from the message catalogue (`<catalogueKey>_<token>`).
package protocol InventoryEnumeration: CaseIterable, RawRepresentable, Hashable, Sendable, Comparable
where RawValue == String, AllCases: RandomAccessCollection {
    /// Prefix of this enumeration's keys in the message catalogue, e.g. `category`.
    static var catalogueKey: String { get }
}

extension InventoryEnumeration {
    /// Key of this value's label in the message catalogue.
    package var catalogueKey: String { "\(Self.catalogueKey)_\(rawValue)" }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }

    /// The case's position in `allCases`.
    package var position: Int { Self.allCases.distance(from: Self.allCases.startIndex, to: Self.allCases.firstIndex(of: self)!) }
}

/// What kind of data flows (`data_category`).
package enum DataCategory: String, InventoryEnumeration {
    case technical, operational, supplyChain = "supply_chain", commercial, financial, personal
    case securityLogs = "security_logs", geospatial, other
    package static let catalogueKey = "category"
}

/// Whether the data relates to people (`personal_data`, default `none`).
package enum PersonalData: String, InventoryEnumeration {
    case none, pseudonymized, personal
    package static let catalogueKey = "personal"
}

/// Confidentiality class; `secret` is trade secret / core IP.
package enum Confidentiality: String, InventoryEnumeration {
    case `public`, `internal`, confidential, secret
    package static let catalogueKey = "confidentiality"
}

/// Harm to the business if access to the data is lost (default `medium`).
package enum Criticality: String, InventoryEnumeration {
    case low, medium, high
    package static let catalogueKey = "criticality"
}

/// Who receives the data.
package enum RecipientType: String, InventoryEnumeration {
    case groupCompany = "group_company", partner, supplier, customer
    case cloudProvider = "cloud_provider", platform, publicBody = "public_body"
    package static let catalogueKey = "recipient"
}

/// How often the data moves.
package enum Frequency: String, InventoryEnumeration {
    case continuous, daily, weekly, monthly, quarterly, adHoc = "ad_hoc"
    package static let catalogueKey = "frequency"
}

/// How the data moves.
package enum Mechanism: String, InventoryEnumeration {
    case api, fileTransfer = "file_transfer", cloudReplication = "cloud_replication", email, platform
    case remoteAccess = "remote_access", physicalMedia = "physical_media"
    package static let catalogueKey = "mechanism"
}
