/// Fast lookup of the exposures.csv rows that concern a country and a risk type, with group
/// rows (such as `EU`) expanded to their members. Built once per run for its as-of date: rows
/// not yet in force are left out of the matching and listed as `upcoming` instead.
package struct ExposureIndex: Sendable {
    /// The strongest matching exposure of one jurisdiction for one flow.
    package struct Hit: Sendable, Hashable {
        /// The country the flow touches.
        package var country: Country
        /// How the flow touches it, as the driving row names it.
        package var role: JurisdictionRole
        /// The exposure rows that give the strongest likelihood (all of them, so every law is cited).
        package var exposures: [Int]
        /// The strongest level among them.
        package var level: Int
        /// True when a driving row is scoped (not `any`): the regime targets this data squarely.
        package var scoped: Bool
        /// The measure that discharges the binding duty of a driving row ("" when none is a duty).
        package var duty: String
        /// Calibrated likelihood of this hit (scales.csv `likelihood_rule`).
        package var likelihood: Int
    }

    private let rows: [Exposure]
    /// What the matching loop reads of each row, as plain values.
    private let infos: [RowInfo]
    /// Members of the groups named by rows (`RowInfo.group` indexes it).
    private let groupMembers: [Set<Country>]
    /// (country index × risk) → the in-force rows in `entries[starts[slot]..<starts[slot + 1]]`.
    private let starts: [Int]
    private let entries: [Int]
    /// (country index × risk) → true when any row (in force or upcoming) covers it.
    private let covered: [Bool]
    /// Rows whose `effective_on` is after the as-of date, by date then jurisdiction.
    package let upcoming: [Int]

    /// The fields of an exposure row the matching loop needs.
    private struct RowInfo: Sendable {
        var level: Int
        var general: Bool
        var matcher: ScopeMatcher
        var roles: RoleSet
        /// `towards` expanded (empty: any jurisdiction outside the row's own).
        var towards: Set<Country>
        var duty: Bool
        /// Index into `groupMembers` when the row's jurisdiction is a group, else -1.
        var group: Int
        /// Calibrated likelihood when the row drives a finding.
        var likelihood: Int
    }

    /// Builds the index; `asOf` nil keeps every row in force (reference checks and tests).
    package init(reference: ReferenceData, asOf: CalendarDate? = nil) {
        rows = reference.exposures
        let riskCount = RiskType.allCases.count
        let countryCount = CountryTable.shared.entries.count
        var table = [[Int]](repeating: [], count: countryCount * riskCount)
        var covered = [Bool](repeating: false, count: countryCount * riskCount)
        var groupIndex: [String: Int] = [:]
        var groupMembers: [Set<Country>] = []
        var infos: [RowInfo] = []
        var upcoming: [Int] = []
        let calibration = reference.scales.calibration
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
            // A duty row drives `binding_duty` only at level 2 or 3 (see `Calibration`).
            let duty = !exposure.dutyMeasure.isEmpty && exposure.level >= 2
            infos.append(
                RowInfo(
                    level: exposure.level, general: exposure.scope.isGeneral, matcher: ScopeMatcher(exposure.scope),
                    roles: exposure.roles, towards: exposure.towards, duty: duty, group: group,
                    likelihood: reference.scales.clamp(
                        calibration.likelihood(
                            level: exposure.level, targeted: !exposure.scope.isGeneral, duty: duty, risk: exposure.risk))))
            let members: [Country] =
                if let country = Country(code: exposure.jurisdiction) { [country] } else {
                    (reference.groups[exposure.jurisdiction] ?? []).sorted()
                }
            let inForce = asOf.map { exposure.inForce(on: $0) } ?? true
            if !inForce { upcoming.append(exposure.index) }
            for member in members {
                let slot = Int(member.index) * riskCount + exposure.risk.ordinal
                covered[slot] = true
                if inForce { table[slot].append(exposure.index) }
            }
        }
        self.infos = infos
        self.groupMembers = groupMembers
        self.covered = covered
        var starts = [0]
        for slot in table { starts.append(starts.last! + slot.count) }
        self.starts = starts
        entries = table.flatMap { $0 }
        let all = reference.exposures
        self.upcoming = upcoming.sorted {
            (all[$0].effectiveOn, all[$0].jurisdiction, $0) < (all[$1].effectiveOn, all[$1].jurisdiction, $1)
        }
    }

    /// The exposure row with this index.
    package subscript(index: Int) -> Exposure { rows[index] }

    /// Every row (for the report's reference tables).
    package var all: [Exposure] { rows }

    /// True when exposures.csv has any row (in force or upcoming) for `risk` in `country`:
    /// the jurisdiction was reviewed for that risk. A touched jurisdiction without one is not
    /// assessed, never "level 0".
    package func covers(_ country: Country, _ risk: RiskType) -> Bool {
        covered[Int(country.index) * RiskType.allCases.count + risk.ordinal]
    }

    /// The strongest in-force exposure of `country` for `risk` that matches `flow`, through one
    /// of the `roles` the flow gives the country; nil when none matches or its level is 0.
    ///
    /// For transfer restrictions (`LOC`) a row bites only when the data goes on from `country`
    /// to `onward` jurisdictions the law restricts: those of its `towards` list, or, without
    /// one, any outside the row's jurisdiction (outside the group for a group row, so an
    /// intra-EU transfer is not a GDPR Chapter V transfer).
    package func strongest(
        _ risk: RiskType, in country: Country, roles: RoleSet, onward: [Country], for flow: Flow
    ) -> Hit? {
        let slot = Int(country.index) * RiskType.allCases.count + risk.ordinal
        var best = 0
        var level = 0
        var driving: [Int] = []
        var scoped = false
        var duty = ""
        var role = JurisdictionRole.origin
        for k in starts[slot]..<starts[slot + 1] {
            let i = entries[k]
            let row = infos[i]
            guard row.level > 0 else { continue }
            let through = row.roles.intersection(roles)
            guard !through.isEmpty, row.matcher.matches(flow) else { continue }
            if risk == .localization && !restricts(row, from: country, to: onward) { continue }
            if row.likelihood > best || (row.likelihood == best && row.level > level) {
                best = row.likelihood
                level = row.level
                driving = [i]
                scoped = !row.general
                duty = row.duty ? rows[i].dutyMeasure : ""
                role = through.first!
            } else if row.likelihood == best && row.level == level {
                driving.append(i)
                scoped = scoped || !row.general
                if duty.isEmpty && row.duty { duty = rows[i].dutyMeasure }
            }
        }
        guard best > 0 else { return nil }
        return Hit(
            country: country, role: role, exposures: driving, level: level, scoped: scoped, duty: duty, likelihood: best)
    }

    /// True when a transfer from `country` to one of `onward` is one the row restricts.
    private func restricts(_ row: RowInfo, from country: Country, to onward: [Country]) -> Bool {
        if !row.towards.isEmpty { return onward.contains { row.towards.contains($0) } }
        if row.group >= 0 { return onward.contains { !groupMembers[row.group].contains($0) } }
        return onward.contains { $0 != country }
    }
}
