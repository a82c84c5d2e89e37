/// Everything the report needs from the findings, accumulated as findings stream past, in
/// memory bounded by the number of countries, risk types and the top-N (never by the number of
/// flows): counts, heat maps, matrices and the top findings.
package struct ReportAggregate: Sendable {
    /// A finding kept for the report's bounded lists.
    package struct Ranked: Sendable {
        /// The finding.
        package var finding: Finding
        /// Sort key: residual score, inherent score, then ID.
        var key: (Int, Int) { (finding.residual.score, finding.inherent.score) }
    }

    /// Matrix size.
    package let size: Int
    /// How many top findings to keep.
    package let topN: Int
    /// Number of findings.
    package private(set) var findingCount = 0
    /// Number of flows with at least one finding.
    package private(set) var flowsWithFindings = 0
    /// Findings per band, before controls (bands with findings only).
    package var inherentBands: [Band: Int] { Self.byBand(inherentBandCounts) }
    /// Findings per band, after controls (bands with findings only).
    package var residualBands: [Band: Int] { Self.byBand(residualBandCounts) }
    /// Residual findings per (risk, band) (risks and bands with findings only).
    package var riskBands: [RiskType: [Band: Int]] {
        var result: [RiskType: [Band: Int]] = [:]
        for risk in RiskType.allCases {
            let bands = Self.byBand(Array(riskBandCounts[(risk.ordinal * 4)..<(risk.ordinal * 4 + 4)]))
            if !bands.isEmpty { result[risk] = bands }
        }
        return result
    }
    /// The counts behind `inherentBands`, `residualBands` (by `Band.ordinal`) and `riskBands`
    /// (by `RiskType.ordinal * 4 + Band.ordinal`): plain arrays, as they change per finding.
    private var inherentBandCounts = [Int](repeating: 0, count: 4)
    private var residualBandCounts = [Int](repeating: 0, count: 4)
    private var riskBandCounts = [Int](repeating: 0, count: RiskType.allCases.count * 4)

    private static func byBand(_ counts: [Int]) -> [Band: Int] {
        var result: [Band: Int] = [:]
        for band in Band.allCases where counts[band.ordinal] > 0 { result[band] = counts[band.ordinal] }
        return result
    }
    /// Inherent findings per cell, [likelihood-1][impact-1].
    package private(set) var inherentHeat: [[Int]]
    /// Residual findings per cell.
    package private(set) var residualHeat: [[Int]]
    /// (origin, destination) → flow count and worst residual band.
    package private(set) var pairs: [PairKey: PairCell] = [:]
    /// Country → flows touching it.
    package private(set) var countryFlows = CountryTally<Int>()
    /// (country, risk) → findings and worst residual band (the jurisdictions whose law drove a
    /// government finding; the destination for private risks).
    package private(set) var countryRisk: [CountryRiskKey: PairCell] = [:]
    /// Category × confidentiality flow counts (categories and classes with flows only).
    package var categoryMatrix: [DataCategory: [Confidentiality: Int]] {
        var matrix: [DataCategory: [Confidentiality: Int]] = [:]
        for (c, category) in DataCategory.allCases.enumerated() {
            for (k, confidentiality) in Confidentiality.allCases.enumerated() {
                let n = categoryCounts[c * Confidentiality.allCases.count + k]
                if n > 0 { matrix[category, default: [:]][confidentiality] = n }
            }
        }
        return matrix
    }
    /// The counts behind `categoryMatrix`, by category position × class count + class position.
    private var categoryCounts = [Int](repeating: 0, count: DataCategory.allCases.count * Confidentiality.allCases.count)
    /// Measure → findings recommending it.
    package private(set) var recommendedCounts: [String: Int] = [:]
    /// Exposure rows cited by any finding.
    package private(set) var citedExposures: Set<Int> = []
    /// Top findings by residual score (descending), bounded by `topN`.
    package private(set) var top: [Ranked] = []
    /// Findings with a carried decision, bounded, for the action plan.
    package private(set) var decided: [Finding] = []
    /// Accepted findings, bounded, by expiry.
    package private(set) var accepted: [Finding] = []
    /// Findings with decisions (total, not bounded).
    package private(set) var decidedCount = 0
    /// Overdue actions.
    package private(set) var overdueCount = 0
    /// Accepted risks.
    package private(set) var acceptedCount = 0
    /// Findings above Low without any decision.
    package private(set) var undecidedAboveLow = 0
    /// Roles each country plays across the flows.
    package private(set) var countryRoles = CountryTally<RoleSet>()
    /// Flows leaving, entering and staying in each country (origin → destination).
    package private(set) var countryDirections = CountryTally<(outbound: Int, inbound: Int, domestic: Int)>()
    /// Measure → High or Critical findings recommending it.
    package private(set) var recommendedHighCounts: [String: Int] = [:]
    /// Decided findings per status in effect.
    package private(set) var statusCounts: [DecisionStatus: Int] = [:]
    /// Flows whose origin differs from the destination.
    package private(set) var crossBorderFlows = 0
    /// Flows that left each optional column empty (by `AssumedDefaults` bit).
    package private(set) var assumedCounts = [Int](repeating: 0, count: 16)
    /// High and Critical findings clustered by driver (the board brief's themes).
    package private(set) var themes = ThemeClusters()
    /// Acceptances that expired before the as-of date (re-opened), bounded.
    package private(set) var expiredAcceptances: [Finding] = []

    /// Key of the country-pair matrix.
    package struct PairKey: Hashable, Sendable {
        package var origin: Country
        package var destination: Country
    }

    /// Key of the country × risk matrix.
    package struct CountryRiskKey: Hashable, Sendable {
        package var country: Country
        package var risk: RiskType
    }

    /// A cell with a count and the worst band seen.
    package struct PairCell: Sendable {
        package var count = 0
        package var worst: Band?

        /// Counts one more, with its band if it has one.
        mutating func add(_ band: Band?) {
            count += 1
            if let band { worst = max(worst ?? band, band) }
        }
    }

    /// Creates an empty aggregate.
    package init(size: Int, topN: Int) {
        self.size = size
        self.topN = topN
        inherentHeat = Array(repeating: Array(repeating: 0, count: size), count: size)
        residualHeat = inherentHeat
    }

    /// Adds one flow and its findings.
    package mutating func add(_ flow: Flow, findings: [Finding], decisionLimit: Int) {
        categoryCounts[flow.category.position * Confidentiality.allCases.count + flow.confidentiality.position] += 1
        if !flow.assumed.isEmpty {
            for bit in 0..<16 where flow.assumed.rawValue & (1 << bit) != 0 { assumedCounts[bit] += 1 }
        }
        // Each country the flow touches once, with every role it gives it.
        for (country, roles) in ExposureRating.touches(flow) {
            countryFlows[country, default: 0] += 1
            countryRoles[country, default: .none].bits |= roles.bits
        }
        if flow.origin == flow.destination {
            countryDirections[flow.origin, default: (0, 0, 0)].domestic += 1
        } else {
            crossBorderFlows += 1
            countryDirections[flow.origin, default: (0, 0, 0)].outbound += 1
            countryDirections[flow.destination, default: (0, 0, 0)].inbound += 1
        }
        var worst: Band?
        for i in findings.indices { worst = max(worst ?? findings[i].residualBand, findings[i].residualBand) }
        pairs[PairKey(origin: flow.origin, destination: flow.destination), default: PairCell()].add(worst)
        guard let flowIndex = findings.first?.flowIndex else { return }
        flowsWithFindings += 1
        // By index, not `for … in`, which copies each finding (a retain per array it holds).
        for i in findings.indices {
            add(findings[i], flow: flow, decisionLimit: decisionLimit)
            themes.add(findings[i], flow: flow, flowIndex: flowIndex)
        }
    }

    private mutating func add(_ finding: Finding, flow: Flow, decisionLimit: Int) {
        findingCount += 1
        inherentBandCounts[finding.inherentBand.ordinal] += 1
        residualBandCounts[finding.residualBand.ordinal] += 1
        riskBandCounts[finding.risk.ordinal * 4 + finding.residualBand.ordinal] += 1
        inherentHeat[finding.inherent.likelihood - 1][finding.inherent.impact - 1] += 1
        residualHeat[finding.residual.likelihood - 1][finding.residual.impact - 1] += 1
        for id in finding.recommended {
            recommendedCounts[id, default: 0] += 1
            if finding.residualBand >= .high { recommendedHighCounts[id, default: 0] += 1 }
        }
        for hit in finding.hits { citedExposures.formUnion(hit.exposures) }
        if finding.risk.isGovernmental {
            // Each jurisdiction once (`Finding.jurisdictions` without sorting them).
            for (k, hit) in finding.hits.enumerated() where !finding.hits[..<k].contains(where: { $0.country == hit.country }) {
                countryRisk[CountryRiskKey(country: hit.country, risk: finding.risk), default: PairCell()].add(finding.residualBand)
            }
        } else {
            countryRisk[CountryRiskKey(country: flow.destination, risk: finding.risk), default: PairCell()].add(finding.residualBand)
        }
        if let state = finding.decision {
            if state.expired && expiredAcceptances.count < decisionLimit { expiredAcceptances.append(finding) }
            decidedCount += 1
            statusCounts[state.status, default: 0] += 1
            if state.overdue { overdueCount += 1 }
            if state.status == .accepted {
                acceptedCount += 1
                insertAccepted(finding, limit: decisionLimit)
            } else {
                insertDecided(finding, limit: decisionLimit)
            }
        } else if finding.residualBand > .low {
            undecidedAboveLow += 1
        }
        insertTop(finding)
    }

    private static func ranksBefore(_ a: Finding, _ b: Finding) -> Bool {
        if a.residual.score != b.residual.score { return a.residual.score > b.residual.score }
        if a.inherent.score != b.inherent.score { return a.inherent.score > b.inherent.score }
        return a.id < b.id
    }

    private mutating func insertTop(_ finding: Finding) {
        if top.count == topN, let last = top.last, !Self.ranksBefore(finding, last.finding) { return }
        let position = top.firstIndex { Self.ranksBefore(finding, $0.finding) } ?? top.count
        top.insert(Ranked(finding: finding), at: position)
        if top.count > topN { top.removeLast() }
    }

    /// Action plan order: overdue first, then by due date (undated last), then by ID.
    private static func actionBefore(_ a: Finding, _ b: Finding) -> Bool {
        let da = a.decision!, db = b.decision!
        if da.overdue != db.overdue { return da.overdue }
        switch (da.decision.dueDate, db.decision.dueDate) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    private mutating func insertDecided(_ finding: Finding, limit: Int) {
        if decided.count == limit, let last = decided.last, !Self.actionBefore(finding, last) { return }
        let position = decided.firstIndex { Self.actionBefore(finding, $0) } ?? decided.count
        decided.insert(finding, at: position)
        if decided.count > limit { decided.removeLast() }
    }

    private static func expiresBefore(_ a: Finding, _ b: Finding) -> Bool {
        let x = a.decision?.decision.expiresOn, y = b.decision?.decision.expiresOn
        if x != y, let x, let y { return x < y }
        return a.id < b.id
    }

    private mutating func insertAccepted(_ finding: Finding, limit: Int) {
        if accepted.count == limit, let last = accepted.last, !Self.expiresBefore(finding, last) { return }
        let position = accepted.firstIndex { Self.expiresBefore(finding, $0) } ?? accepted.count
        accepted.insert(finding, at: position)
        if accepted.count > limit { accepted.removeLast() }
    }

    /// Merges an aggregate computed over a later chunk of flows (parallel assessment).
    package mutating func merge(_ other: ReportAggregate, decisionLimit: Int) {
        findingCount += other.findingCount
        flowsWithFindings += other.flowsWithFindings
        for i in 0..<4 {
            inherentBandCounts[i] += other.inherentBandCounts[i]
            residualBandCounts[i] += other.residualBandCounts[i]
        }
        for i in riskBandCounts.indices { riskBandCounts[i] += other.riskBandCounts[i] }
        for l in 0..<size {
            for i in 0..<size {
                inherentHeat[l][i] += other.inherentHeat[l][i]
                residualHeat[l][i] += other.residualHeat[l][i]
            }
        }
        for (k, v) in other.pairs {
            pairs[k, default: PairCell()].count += v.count
            if let w = v.worst { pairs[k]!.worst = max(pairs[k]!.worst ?? w, w) }
        }
        for (k, v) in other.countryFlows { countryFlows[k, default: 0] += v }
        for (k, v) in other.countryRisk {
            countryRisk[k, default: PairCell()].count += v.count
            if let w = v.worst { countryRisk[k]!.worst = max(countryRisk[k]!.worst ?? w, w) }
        }
        for i in categoryCounts.indices { categoryCounts[i] += other.categoryCounts[i] }
        for (k, v) in other.recommendedCounts { recommendedCounts[k, default: 0] += v }
        for (k, v) in other.recommendedHighCounts { recommendedHighCounts[k, default: 0] += v }
        for (k, v) in other.statusCounts { statusCounts[k, default: 0] += v }
        for (k, v) in other.countryRoles { countryRoles[k, default: .none].bits |= v.bits }
        for (k, v) in other.countryDirections {
            countryDirections[k, default: (0, 0, 0)].outbound += v.outbound
            countryDirections[k, default: (0, 0, 0)].inbound += v.inbound
            countryDirections[k, default: (0, 0, 0)].domestic += v.domestic
        }
        crossBorderFlows += other.crossBorderFlows
        for i in assumedCounts.indices { assumedCounts[i] += other.assumedCounts[i] }
        themes.merge(other.themes)
        expiredAcceptances += other.expiredAcceptances.prefix(max(0, decisionLimit - expiredAcceptances.count))
        citedExposures.formUnion(other.citedExposures)
        for r in other.top { insertTop(r.finding) }
        for f in other.decided { insertDecided(f, limit: decisionLimit) }
        for f in other.accepted { insertAccepted(f, limit: decisionLimit) }
        decidedCount += other.decidedCount
        overdueCount += other.overdueCount
        acceptedCount += other.acceptedCount
        undecidedAboveLow += other.undecidedAboveLow
    }
}

extension ReportAggregate: FindingSink {
    /// Adds one flow and its findings, keeping `topN` decisions in the bounded lists.
    package mutating func add(_ flow: Flow, findings: [Finding]) { add(flow, findings: findings, decisionLimit: topN) }
}
