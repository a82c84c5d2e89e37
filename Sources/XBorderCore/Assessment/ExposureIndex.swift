/// Fast lookup of the exposures.csv rows that concern a country and a risk type, with group
/// rows (such as `EU`) expanded to their members. Built once per run.
package struct ExposureIndex: Sendable {
    /// The strongest matching exposure of one jurisdiction for one flow.
    package struct Hit: Sendable, Hashable {
        /// The country the flow touches.
        package var country: Country
        /// How the flow touches it.
        package var role: JurisdictionRole
        /// The exposure rows at the strongest level (all of them, so every law is cited).
        package var exposures: [Int]
        /// The level.
        package var level: Int
        /// True when a driving row is scoped (not `any`): the regime targets this data squarely.
        package var scoped: Bool
    }

    private let rows: [Exposure]
    /// What the matching loop reads of each row, as plain values.
    private let infos: [RowInfo]
    /// Members of the groups named by rows (`RowInfo.group` indexes it).
    private let groupMembers: [Set<Country>]
    /// (country index × risk) → the rows in `entries[starts[slot]..<starts[slot + 1]]`.
    private let starts: [Int]
    private let entries: [Int]

    /// The fields of an exposure row the matching loop needs.
    private struct RowInfo: Sendable {
        var level: Int
        var general: Bool
        var matcher: ScopeMatcher
        /// Index into `groupMembers` when the row's jurisdiction is a group, else -1.
        var group: Int
    }

    /// Builds the index.
    package init(reference: ReferenceData) {
        rows = reference.exposures
        let riskCount = RiskType.allCases.count
        let countryCount = CountryTable.shared.entries.count
        var table = [[Int]](repeating: [], count: countryCount * riskCount)
        var groupIndex: [String: Int] = [:]
        var groupMembers: [Set<Country>] = []
        var infos: [RowInfo] = []
        for exposure in reference.exposures {
            var group = -1
            if let members = reference.groups[exposure.jurisdiction] {
                if let known = groupIndex[exposure.jurisdiction] {
                    group = known
                } else {
                    group = groupMembers.count
                    groupIndex[exposure.jurisdiction] = group
                    groupMembers.append(members)
                }
            }
            infos.append(
                RowInfo(
                    level: exposure.level, general: exposure.scope.isGeneral, matcher: ScopeMatcher(exposure.scope),
                    group: group))
            let members: [Country] =
                if let country = Country(code: exposure.jurisdiction) { [country] } else {
                    (reference.groups[exposure.jurisdiction] ?? []).sorted()
                }
            for member in members {
                table[Int(member.index) * riskCount + exposure.risk.ordinal].append(exposure.index)
            }
        }
        self.infos = infos
        self.groupMembers = groupMembers
        var starts = [0]
        for slot in table { starts.append(starts.last! + slot.count) }
        self.starts = starts
        entries = table.flatMap { $0 }
    }

    /// The exposure row with this index.
    package subscript(index: Int) -> Exposure { rows[index] }

    /// The strongest exposure of `country` for `risk` that matches `flow`, or nil when none
    /// matches or the strongest level is 0. Rows of a group the whole flow stays inside (an
    /// intra-EU transfer, say) do not count for transfer restrictions.
    package func strongest(
        _ risk: RiskType, in country: Country, role: JurisdictionRole, for flow: Flow
    ) -> Hit? {
        let slot = Int(country.index) * RiskType.allCases.count + risk.ordinal
        var best = 0
        var driving: [Int] = []
        var scoped = false
        for k in starts[slot]..<starts[slot + 1] {
            let i = entries[k]
            let row = infos[i]
            guard row.level > 0, row.matcher.matches(flow) else { continue }
            if risk == .localization, row.group >= 0, flow.allCountries.allSatisfy({ groupMembers[row.group].contains($0) }) {
                continue
            }
            if row.level > best {
                best = row.level
                driving = [i]
                scoped = !row.general
            } else if row.level == best {
                driving.append(i)
                scoped = scoped || !row.general
            }
        }
        guard best > 0 else { return nil }
        return Hit(country: country, role: role, exposures: driving, level: best, scoped: scoped)
    }
}

/// How a flow touches a jurisdiction (DOMAIN §6: exposure attaches to different points).
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
