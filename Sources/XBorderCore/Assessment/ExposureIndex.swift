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
    private let groups: [String: Set<Country>]
    /// (country index × risk) → exposure indices.
    private let table: [[Int]]

    /// Builds the index.
    package init(reference: ReferenceData) {
        rows = reference.exposures
        groups = reference.groups
        let countryCount = CountryTable.shared.entries.count
        var table = [[Int]](repeating: [], count: countryCount * RiskType.allCases.count)
        for exposure in reference.exposures {
            let riskIndex = exposure.risk.ordinal
            let members: [Country] =
                if let country = Country(code: exposure.jurisdiction) { [country] } else {
                    (reference.groups[exposure.jurisdiction] ?? []).sorted()
                }
            for member in members {
                table[Int(member.index) * RiskType.allCases.count + riskIndex].append(exposure.index)
            }
        }
        self.table = table
    }

    /// The exposure row with this index.
    package subscript(index: Int) -> Exposure { rows[index] }

    /// The strongest exposure of `country` for `risk` that matches `flow`, or nil when none
    /// matches or the strongest level is 0. Rows of a group the whole flow stays inside (an
    /// intra-EU transfer, say) do not count for transfer restrictions.
    package func strongest(
        _ risk: RiskType, in country: Country, role: JurisdictionRole, for flow: Flow
    ) -> Hit? {
        let riskIndex = risk.ordinal
        var best = 0
        var driving: [Int] = []
        var scoped = false
        for i in table[Int(country.index) * RiskType.allCases.count + riskIndex] {
            let row = rows[i]
            guard row.level > 0, row.scope.matches(flow) else { continue }
            if risk == .localization, let members = groups[row.jurisdiction],
                flow.allCountries.allSatisfy({ members.contains($0) })
            {
                continue
            }
            if row.level > best {
                best = row.level
                driving = [i]
                scoped = !row.scope.isGeneral
            } else if row.level == best {
                driving.append(i)
                scoped = scoped || !row.scope.isGeneral
            }
        }
        guard best > 0 else { return nil }
        return Hit(country: country, role: role, exposures: driving, level: best, scoped: scoped)
    }
}

/// How a flow touches a jurisdiction (DOMAIN §6: exposure attaches to different points).
package enum JurisdictionRole: String, Sendable, Hashable, CaseIterable, Comparable {
    case origin, destination, storage, access, provider

    package static func < (lhs: JurisdictionRole, rhs: JurisdictionRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
