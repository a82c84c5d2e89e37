/// How a flow touches a jurisdiction: where the data is generated, where it goes, where it is
/// stored, from where it is accessed, and the provider's home. A law bites through some of these
/// roles only (the `roles` column of Inputs/reference/exposures.csv; README, "Reference data").
package enum JurisdictionRole: String, Sendable, Hashable, CaseIterable, Comparable {
    case origin, destination, storage, access, provider

    package static func < (lhs: JurisdictionRole, rhs: JurisdictionRole) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Position in `allCases`.
    var ordinal: Int {
        switch self {
        case .origin: 0
        case .destination: 1
        case .storage: 2
        case .access: 3
        case .provider: 4
        }
    }
}
