/// The six risk types (README, "What the report shows"). Raw values are the contract IDs.
package enum RiskType: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Data localization / transfer restriction (incl. business restrictions); government.
    case localization = "LOC"
    /// Government access (compelled or covert); government.
    case governmentAccess = "GOV"
    /// Mandatory data sharing and disclosure; government.
    case disclosure = "DIS"
    /// Partner misuse, secondary use or leakage; private.
    case partnerMisuse = "PRV"
    /// Loss of access / lock-in (provider exit, unilateral terms); private.
    case lossOfAccess = "AVL"
    /// Untrustworthy data (tampering, unknown provenance); private.
    case untrustworthy = "TRU"

    /// The value the risk threatens, one of the METI manual's three situations: free flow and use
    /// of data, confidentiality and rights, trust in the data.
    package var value: ProtectedValue {
        switch self {
        case .localization, .lossOfAccess: .freeFlow
        case .governmentAccess, .disclosure, .partnerMisuse: .confidentiality
        case .untrustworthy: .trust
        }
    }

    /// True for risks whose source is government action (they read exposures.csv).
    package var isGovernmental: Bool { self == .localization || self == .governmentAccess || self == .disclosure }

    /// Position in contract order (`allCases`), for tables indexed by risk.
    package var ordinal: Int {
        switch self {
        case .localization: 0
        case .governmentAccess: 1
        case .disclosure: 2
        case .partnerMisuse: 3
        case .lossOfAccess: 4
        case .untrustworthy: 5
        }
    }

    package static func < (lhs: RiskType, rhs: RiskType) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// The three values the manual protects.
package enum ProtectedValue: String, Sendable, CaseIterable {
    /// Free flow and use of data (R-A).
    case freeFlow = "flow"
    /// Confidentiality and rights (R-B).
    case confidentiality
    /// Trustworthiness of data (R-C).
    case trust
}
