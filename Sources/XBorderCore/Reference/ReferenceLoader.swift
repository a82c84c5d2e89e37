import Foundation

/// Reads `Inputs/reference/` through the same CSV stage as inventories, so a mistake in a
/// reference file gets the same located diagnostics.
package enum ReferenceLoader {
    /// File names inside the reference folder.
    package static let exposuresFile = "exposures.csv"
    package static let groupsFile = "groups.csv"
    package static let measuresFile = "measures.csv"
    package static let scalesFile = "scales.csv"
    /// The domains a source may cite (optional): official portals, regulators, commentary.
    package static let sourceDomainsFile = "source-domains.csv"
    /// Every file the loader reads, in manifest order.
    package static let files = [exposuresFile, groupsFile, measuresFile, scalesFile, sourceDomainsFile]
    /// Files a reference folder may lack.
    package static let optionalFiles: Set<String> = [groupsFile, sourceDomainsFile]

    /// Builds reference data from already-read files (keyed by file name).
    /// Returns nil when a file is missing or unusable; every problem is in `diagnostics`.
    package static func load(
        files: [String: InputFile],
        diagnostics: inout DiagnosticLog
    ) -> ReferenceData? {
        func table(_ name: String, required: [String]) -> KeyedTable? {
            guard let file = files[name] else { return nil }
            let sheet = Spreadsheet(file, diagnostics: &diagnostics)
            return KeyedTable(sheet.readTable(diagnostics: &diagnostics), required: required, diagnostics: &diagnostics)
        }
        let before = diagnostics.errorCount
        let groups = table(groupsFile, required: ["group", "member"]).map { loadGroups($0, &diagnostics) } ?? [:]
        guard
            let exposureTable = table(
                exposuresFile,
                required: ["jurisdiction", "risk", "applies_to", "level", "law", "summary", "source", "reviewed_on"]),
            let measureTable = table(measuresFile, required: ["measure_id", "title", "risks", "effect"]),
            let scaleTable = table(scalesFile, required: ["kind", "key", "label"])
        else { return nil }
        let exposures = loadExposures(exposureTable, groups: groups, &diagnostics)
        let measures = loadMeasures(measureTable, &diagnostics)
        guard let scales = loadScales(scaleTable, &diagnostics) else { return nil }
        let knownIDs = Set(measures.map(\.id))
        for exposure in exposures where !exposure.dutyMeasure.isEmpty && !knownIDs.contains(exposure.dutyMeasure) {
            diagnostics.error(
                "reference.duty-measure",
                "duty_measure \(Diagnostic.quoted(exposure.dutyMeasure)) is not a measure of measures.csv",
                at: exposure.location)
        }
        if let domainTable = table(sourceDomainsFile, required: ["domain", "kind"]) {
            let domains = SourceDomains(domainTable, &diagnostics)
            domains.check(exposures: exposures, measures: measures, &diagnostics)
        }
        if diagnostics.errorCount > before { return nil }
        return ReferenceData(exposures: exposures, groups: groups, measures: measures, scales: scales)
    }

    static func loadGroups(_ table: KeyedTable, _ diagnostics: inout DiagnosticLog) -> [String: Set<Country>] {
        var groups: [String: Set<Country>] = [:]
        for row in table.rows {
            let name = row["group"].uppercased()
            guard let member = Country(code: row["member"]) else {
                diagnostics.error(
                    "reference.country", "unknown member country \(Diagnostic.quoted(row["member"]))",
                    at: row.location("member"))
                continue
            }
            groups[name, default: []].insert(member)
        }
        return groups
    }

    static func loadExposures(
        _ table: KeyedTable, groups: [String: Set<Country>], _ diagnostics: inout DiagnosticLog
    ) -> [Exposure] {
        var exposures: [Exposure] = []
        for row in table.rows {
            let jurisdiction = row["jurisdiction"].uppercased()
            guard Country(code: jurisdiction) != nil || groups[jurisdiction] != nil else {
                diagnostics.error(
                    "reference.jurisdiction",
                    "unknown jurisdiction \(Diagnostic.quoted(row["jurisdiction"])); use an ISO alpha-2 code or a group from groups.csv",
                    at: row.location("jurisdiction"))
                continue
            }
            guard let risk = RiskType(rawValue: row["risk"].uppercased()), risk.isGovernmental else {
                diagnostics.error(
                    "reference.risk", "risk \(Diagnostic.quoted(row["risk"])) is not one of LOC, GOV, DIS",
                    at: row.location("risk"))
                continue
            }
            guard let level = Int(row["level"]), (0...3).contains(level) else {
                diagnostics.error(
                    "reference.level", "level \(Diagnostic.quoted(row["level"])) is not a whole number from 0 to 3",
                    at: row.location("level"))
                continue
            }
            guard let scope = scope(of: row, &diagnostics) else { continue }
            guard let roles = roles(of: row, risk: risk, &diagnostics), let towards = towards(of: row, groups: groups, &diagnostics)
            else { continue }
            var effective: CalendarDate?
            if !row["effective_on"].isEmpty {
                guard let date = CalendarDate(row["effective_on"]) else {
                    diagnostics.error(
                        "reference.date", "effective_on \(Diagnostic.quoted(row["effective_on"])) is not a date (YYYY-MM-DD)",
                        at: row.location("effective_on"))
                    continue
                }
                effective = date
            }
            if level > 0 {
                var missing = false
                for column in ["law", "source", "reviewed_on"] where row[column].isEmpty {
                    diagnostics.error(
                        "reference.unsourced", "level \(level) row has no \(column); every level above 0 must name its law and source",
                        at: row.location(column))
                    missing = true
                }
                if missing { continue }
                if !CalendarDate.isValid(row["reviewed_on"]) {
                    diagnostics.error(
                        "reference.date", "reviewed_on \(Diagnostic.quoted(row["reviewed_on"])) is not a date (YYYY-MM-DD)",
                        at: row.location("reviewed_on"))
                }
            }
            exposures.append(
                Exposure(
                    index: exposures.count, jurisdiction: jurisdiction, risk: risk, scope: scope, level: level,
                    roles: roles, towards: towards, towardsText: row["towards"].uppercased(),
                    dutyMeasure: row["duty_measure"].uppercased(), law: row["law"], lawJa: row["law_ja"],
                    summary: row["summary"], summaryJa: row["summary_ja"], source: row["source"],
                    commentary: row["commentary"], reviewedOn: row["reviewed_on"], effectiveOn: row["effective_on"],
                    effective: effective, confidence: row["confidence"].uppercased(), location: row.location))
        }
        return exposures
    }

    static func loadMeasures(_ table: KeyedTable, _ diagnostics: inout DiagnosticLog) -> [Measure] {
        var measures: [String: Measure] = [:]
        for row in table.rows {
            let id = row["measure_id"]
            guard !id.isEmpty else {
                diagnostics.error("reference.measure-id", "measure has no measure_id", at: row.location("measure_id"))
                continue
            }
            if measures[id] != nil {
                diagnostics.error(
                    "reference.duplicate-measure", "measure \(Diagnostic.quoted(id)) is defined twice",
                    at: row.location("measure_id"))
                continue
            }
            var risks: [RiskType] = []
            for token in row["risks"].split(whereSeparator: { $0 == ";" || $0 == "," }) {
                let t = token.trimmingWhitespace().uppercased()
                if let risk = RiskType(rawValue: t) {
                    risks.append(risk)
                } else if t != "ALL" && t != "*" && !t.isEmpty {
                    diagnostics.error(
                        "reference.risk", "unknown risk \(Diagnostic.quoted(t)) in measure \(id)", at: row.location("risks"))
                }
            }
            if row["risks"].uppercased() == "ALL" || row["risks"] == "*" { risks = RiskType.allCases }
            var effects: [Measure.Effect] = []
            for token in row["effect"].split(separator: ";") where !token.trimmingWhitespace().isEmpty {
                if let effect = Measure.Effect(String(token)) {
                    effects.append(effect)
                } else {
                    diagnostics.error(
                        "reference.effect",
                        "effect \(Diagnostic.quoted(String(token))) is not of the form RISK:L-n or RISK:I-n",
                        at: row.location("effect"))
                }
            }
            guard let scope = scope(of: row, &diagnostics) else { continue }
            measures[id] = Measure(
                id: id, title: row["title"], titleJa: row["title_ja"], risks: risks.sorted(), effects: effects, scope: scope,
                description: row["description"], descriptionJa: row["description_ja"], source: row["source"],
                location: row.location)
        }
        return measures.values.sorted { $0.id < $1.id }
    }

    /// The row's `roles` (`;`-separated; the risk's defaults when empty), or nil with a located error.
    static func roles(of row: KeyedTable.Row, risk: RiskType, _ diagnostics: inout DiagnosticLog) -> RoleSet? {
        let text = row["roles"]
        if text.isEmpty { return RoleSet.defaults(for: risk) }
        var roles = RoleSet.none
        for token in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }) {
            guard let role = JurisdictionRole(rawValue: token.lowercased()) else {
                diagnostics.error(
                    "reference.role",
                    "role \(Diagnostic.quoted(String(token))) is not one of origin, storage, access, destination, provider",
                    at: row.location("roles"))
                return nil
            }
            roles.insert(role)
        }
        return roles
    }

    /// The row's `towards` jurisdictions with groups expanded, or nil with a located error.
    /// Entries prefixed with `!` are excepted: `!EEA_ADEQUATE` means every jurisdiction but those
    /// (a transfer rule that an adequacy list lifts).
    static func towards(
        of row: KeyedTable.Row, groups: [String: Set<Country>], _ diagnostics: inout DiagnosticLog
    ) -> Set<Country>? {
        var included: Set<Country> = []
        var excepted: Set<Country> = []
        var anyExcept = false
        for token in row["towards"].split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }) {
            let except = token.hasPrefix("!")
            let name = (except ? token.dropFirst() : token).uppercased()
            let members: Set<Country>
            if let group = groups[name] {
                members = group
            } else if let country = Country(code: name) {
                members = [country]
            } else {
                diagnostics.error(
                    "reference.towards",
                    "towards \(Diagnostic.quoted(String(token))) is neither an ISO alpha-2 code nor a group of groups.csv (prefix ! to except it)",
                    at: row.location("towards"))
                return nil
            }
            if except {
                excepted.formUnion(members)
                anyExcept = true
            } else {
                included.formUnion(members)
            }
        }
        guard anyExcept else { return included }
        let base = included.isEmpty ? Set(CountryTable.shared.entries.indices.map { Country(index: UInt16($0)) }) : included
        return base.subtracting(excepted)
    }

    /// The row's `applies_to`, or nil (with a located error) when a term is not understood.
    static func scope(of row: KeyedTable.Row, _ diagnostics: inout DiagnosticLog) -> Scope? {
        switch Scope.parse(row["applies_to"]) {
        case .success(let scope):
            return scope
        case .failure(let error):
            diagnostics.error(
                "reference.scope", "unknown applies_to term \(Diagnostic.quoted(error.term))", at: row.location("applies_to"))
            return nil
        }
    }

    static func loadScales(_ table: KeyedTable, _ diagnostics: inout DiagnosticLog) -> Scales? {
        var likelihood: [Scales.Level] = []
        var impact: [Scales.Level] = []
        var bands: [Scales.BandRange] = []
        var rules: [Calibration.Rule] = []
        for row in table.rows {
            switch row["kind"].lowercased() {
            case "likelihood_rule", "impact_rule":
                guard Calibration.isKnown(row["key"]) else {
                    diagnostics.error(
                        "reference.calibration", "\(row["kind"]) key \(Diagnostic.quoted(row["key"])) is not one this version reads",
                        at: row.location("key"))
                    continue
                }
                guard let value = Int(row["value"]), (0...9).contains(value) else {
                    diagnostics.error(
                        "reference.calibration", "value \(Diagnostic.quoted(row["value"])) of \(row["key"]) is not a whole number 0–9",
                        at: row.location("value"))
                    continue
                }
                rules.append(
                    .init(
                        kind: row["kind"].lowercased(), key: row["key"], value: value, description: row["description"],
                        descriptionJa: row["description_ja"]))
            case "likelihood", "impact":
                guard let level = Int(row["key"]) else {
                    diagnostics.error(
                        "reference.scale", "scale key \(Diagnostic.quoted(row["key"])) is not a number", at: row.location("key"))
                    continue
                }
                let entry = Scales.Level(
                    level: level, label: row["label"], description: row["description"], labelJa: row["label_ja"],
                    descriptionJa: row["description_ja"])
                if row["kind"].lowercased() == "likelihood" { likelihood.append(entry) } else { impact.append(entry) }
            case "band":
                guard let band = Band(rawValue: row["key"].capitalized) else {
                    diagnostics.error(
                        "reference.band", "band \(Diagnostic.quoted(row["key"])) is not Low, Medium, High or Critical",
                        at: row.location("key"))
                    continue
                }
                guard let low = Int(row["min_score"]), let high = Int(row["max_score"]), low <= high else {
                    diagnostics.error(
                        "reference.band", "band \(band.rawValue) needs whole-number min_score ≤ max_score",
                        at: row.location("min_score"))
                    continue
                }
                bands.append(.init(band: band, label: row["label"], min: low, max: high, description: row["description"]))
            default:
                diagnostics.error(
                    "reference.scale",
                    "kind \(Diagnostic.quoted(row["kind"])) is not likelihood, impact, band, likelihood_rule or impact_rule",
                    at: row.location("kind"))
            }
        }
        likelihood.sort { $0.level < $1.level }
        impact.sort { $0.level < $1.level }
        bands.sort { $0.min < $1.min }
        let location = SourceLocation(file: table.path)
        guard !likelihood.isEmpty, likelihood.map(\.level) == Array(1...likelihood.count) else {
            diagnostics.error("reference.scale", "likelihood levels must be 1, 2, … without gaps", at: location)
            return nil
        }
        guard impact.map(\.level) == likelihood.map(\.level) else {
            diagnostics.error("reference.scale", "impact levels must match likelihood levels (a square matrix)", at: location)
            return nil
        }
        guard Set(bands.map(\.band)).count == Band.allCases.count else {
            diagnostics.error("reference.band", "scales.csv must define the bands Low, Medium, High and Critical", at: location)
            return nil
        }
        return Scales(likelihood: likelihood, impact: impact, bands: bands, calibration: Calibration(rules: rules))
    }
}
