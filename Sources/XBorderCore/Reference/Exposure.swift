/// One row of exposures.csv: what a jurisdiction's law means for one risk type and scope, and
/// where it bites — through which roles of the jurisdiction, towards whom, from when.
package struct Exposure: Sendable {
    /// Position in the loaded list (stable reference used by findings).
    package var index: Int
    /// `jurisdiction`: alpha-2 code or group name such as `EU`.
    package var jurisdiction: String
    /// `risk` (a governmental risk type).
    package var risk: RiskType
    /// `applies_to`.
    package var scope: Scope
    /// `level` 0–3.
    package var level: Int
    /// `roles`: how a flow must touch the jurisdiction for the law to bite (a transfer rule
    /// bites where the data is generated, not wherever it lands).
    package var roles: RoleSet
    /// `towards`: the jurisdictions a transfer rule restricts transfers to (groups expanded);
    /// empty means any jurisdiction outside this one (outside the group for a group row).
    package var towards: Set<Country>
    /// `towards` as written (for explanations).
    package var towardsText: String
    /// `duty_measure`: the measure that discharges a binding duty (an approval, assessment,
    /// filing or licence the law requires before the transfer); "" when the row is no duty.
    package var dutyMeasure: String
    /// `law`.
    package var law: String
    /// `law_ja`: the Japanese name (the official one for Japanese laws).
    package var lawJa: String
    /// `summary`.
    package var summary: String
    /// `summary_ja`.
    package var summaryJa: String
    /// `source` URL: the official text or the regulator's page.
    package var source: String
    /// `commentary`: an optional reputable commentary URL.
    package var commentary: String
    /// `reviewed_on` (YYYY-MM-DD).
    package var reviewedOn: String
    /// `effective_on` (YYYY-MM-DD) or "".
    package var effectiveOn: String
    /// `effective_on` parsed; nil when the row gives none (in force).
    package var effective: CalendarDate?
    /// `confidence`: V verified, P partly, B background (unverified).
    package var confidence: String
    /// Where the row is.
    package var location: SourceLocation

    /// True when the row applies on `date` (no `effective_on`, or one on or before it).
    package func inForce(on date: CalendarDate) -> Bool { effective.map { $0 <= date } ?? true }

    /// The law's name in `locale` (`ja` uses `law_ja` when given).
    package func law(locale: String) -> String { locale == "ja" && !lawJa.isEmpty ? lawJa : law }

    /// The summary in `locale` (`ja` uses `summary_ja` when given).
    package func summary(locale: String) -> String { locale == "ja" && !summaryJa.isEmpty ? summaryJa : summary }
}

/// A set of `JurisdictionRole`s as a bit mask: matching a row against the roles a flow gives a
/// country is one AND in the assessment's inner loop.
package struct RoleSet: Sendable, Hashable, CustomStringConvertible {
    /// Bit `role.ordinal` is set for each role in the set.
    package var bits: UInt8

    /// The empty set.
    package static let none = RoleSet(bits: 0)

    /// Creates a set from bits.
    package init(bits: UInt8) { self.bits = bits }

    /// Creates a set of `roles`.
    package init(_ roles: [JurisdictionRole]) {
        bits = roles.reduce(0) { $0 | (1 << UInt8($1.ordinal)) }
    }

    /// Adds `role`.
    package mutating func insert(_ role: JurisdictionRole) { bits |= 1 << UInt8(role.ordinal) }

    /// True when `role` is in the set.
    package func contains(_ role: JurisdictionRole) -> Bool { bits & (1 << UInt8(role.ordinal)) != 0 }

    /// The roles in both sets.
    package func intersection(_ other: RoleSet) -> RoleSet { RoleSet(bits: bits & other.bits) }

    /// True when the set is empty.
    package var isEmpty: Bool { bits == 0 }

    /// The roles, in `JurisdictionRole` order.
    package var roles: [JurisdictionRole] { JurisdictionRole.allCases.filter(contains) }

    /// The first role in `JurisdictionRole` order (origin before destination …).
    package var first: JurisdictionRole? { roles.first }

    /// `origin;storage`.
    package var description: String { roles.map(\.rawValue).joined(separator: ";") }

    /// The roles a row bites through when exposures.csv gives none (Inputs/README.md describes the column): transfer
    /// restrictions where the data is generated; government access where the data or its holder
    /// is; disclosure where the recipient or the data sits, or where it is generated.
    package static func defaults(for risk: RiskType) -> RoleSet {
        switch risk {
        case .localization: RoleSet([.origin])
        case .governmentAccess: RoleSet([.destination, .storage, .access, .provider])
        default: RoleSet([.origin, .destination, .storage])
        }
    }
}
