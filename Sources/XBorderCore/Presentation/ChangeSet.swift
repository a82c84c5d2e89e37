/// New, resolved and changed findings against the previous archived period, computed while the
/// findings stream past (memory bounded by the previous period's finding count).
package struct ChangeSet: Sendable {
    /// One listed change.
    package struct Entry: Sendable {
        package var findingID: String
        package var risk: RiskType?
        package var asset: String
        package var route: String
        package var band: Band
        package var score: Int
        package var fromBand: Band?
        package var fromScore: Int
        package var reasonKey: String
    }

    /// Why a band count moved between the two periods (the honest trend: a retired flow is not a
    /// fixed risk).
    package enum Cause: String, Sendable, CaseIterable {
        /// A flow that was not in the previous period.
        case newFlow = "new_flow"
        /// A flow of the previous period that is gone.
        case retired
        /// A band lowered by controls added or a decision carried out.
        case remediated
        /// A band changed, or a finding appeared or went, because the reference data changed.
        case rescored
        /// A band changed, or a finding appeared or went, because the flow's own attributes changed.
        case flowChanged = "flow_changed"
    }

    /// Net change of each band's count by cause: `net[cause.index][band.ordinal]`; the sum over
    /// causes is the current count minus the previous one.
    package private(set) var net = [[Int]](repeating: [0, 0, 0, 0], count: Cause.allCases.count)

    /// The net change of `band` caused by `cause`.
    package func net(_ cause: Cause, _ band: Band) -> Int {
        net[Cause.allCases.firstIndex(of: cause)!][band.ordinal]
    }

    private mutating func count(_ cause: Cause, _ band: Band, _ delta: Int) {
        net[Cause.allCases.firstIndex(of: cause)!][band.ordinal] += delta
    }

    /// The period compared against.
    package var previousPeriod: String
    /// Counts.
    package var newCount = 0, resolvedCount = 0, worsenedCount = 0, improvedCount = 0
    /// Bounded lists.
    package var new: [Entry] = [], resolved: [Entry] = [], changed: [Entry] = []
    let limit: Int
    let referenceChanged: Bool
    private var seen: Set<String> = []
    private let previous: [String: History.PreviousFinding]
    private let previousFlows: Set<String>

    /// Starts a comparison with the previous period's findings.
    package init(history: History, limit: Int, referenceChanged: Bool) {
        previousPeriod = history.previousPeriod ?? ""
        previous = history.previousFindings
        previousFlows = Set(history.previousFindings.keys.map { String($0.split(separator: ":").first ?? "") })
        self.limit = limit
        self.referenceChanged = referenceChanged
    }

    /// Compares one current finding.
    package mutating func add(_ finding: Finding, flow: Flow) {
        let id = finding.id
        let route = "\(flow.origin.code) → \(flow.destination.code)"
        guard let before = previous[id] else {
            let existingFlow = previousFlows.contains(flow.id)
            count(existingFlow ? (referenceChanged ? .rescored : .flowChanged) : .newFlow, finding.residualBand, 1)
            newCount += 1
            if new.count < limit {
                new.append(
                    Entry(
                        findingID: id, risk: finding.risk, asset: flow.asset, route: route, band: finding.residualBand,
                        score: finding.residual.score, fromBand: nil, fromScore: 0,
                        reasonKey: previousFlows.contains(flow.id) ? "reason_rule_now_applies" : "reason_flow_added"))
            }
            return
        }
        seen.insert(id)
        guard before.band != finding.residualBand else { return }
        if finding.residualBand > before.band { worsenedCount += 1 } else { improvedCount += 1 }
        let controlsNow = finding.controls.map(\.measureID).joined(separator: ";")
        let cause: Cause =
            finding.residualBand < before.band && (controlsNow != before.controls || finding.decision?.status == .mitigated)
            ? .remediated : (controlsNow == before.controls && referenceChanged ? .rescored : .flowChanged)
        count(cause, before.band, -1)
        count(cause, finding.residualBand, 1)
        if changed.count < limit {
            let controls = finding.controls.map(\.measureID).joined(separator: ";")
            let reason = controls != before.controls ? "reason_controls_changed"
                : referenceChanged ? "reason_reference_changed" : "reason_attributes_changed"
            changed.append(
                Entry(
                    findingID: id, risk: finding.risk, asset: flow.asset, route: route, band: finding.residualBand,
                    score: finding.residual.score, fromBand: before.band, fromScore: before.score, reasonKey: reason))
        }
    }

    /// Adds the comparison of a later chunk of flows (parallel assessment).
    package mutating func merge(_ other: ChangeSet) {
        for c in net.indices { for b in 0..<4 { net[c][b] += other.net[c][b] } }
        newCount += other.newCount
        worsenedCount += other.worsenedCount
        improvedCount += other.improvedCount
        new += other.new
        changed += other.changed
        seen.formUnion(other.seen)
    }

    /// Lists the previous findings that no longer exist. Call once, after the last `add`.
    package mutating func finish(currentFlows: Set<String>) {
        for (id, before) in previous.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            let flowID = String(id.split(separator: ":").first ?? "")
            count(currentFlows.contains(flowID) ? (referenceChanged ? .rescored : .flowChanged) : .retired, before.band, -1)
            resolvedCount += 1
            guard resolved.count < limit else { continue }
            resolved.append(
                Entry(
                    findingID: id, risk: RiskType(rawValue: String(id.split(separator: ":").last ?? "")),
                    asset: before.asset, route: before.route, band: before.band, score: before.score, fromBand: before.band,
                    fromScore: before.score,
                    reasonKey: currentFlows.contains(flowID) ? "reason_rule_no_longer_applies" : "reason_flow_removed"))
        }
        new.sort { $0.findingID < $1.findingID }
        changed.sort { $0.findingID < $1.findingID }
        new = Array(new.prefix(limit))
        changed = Array(changed.prefix(limit))
    }
}

extension ChangeSet: FindingSink {
    /// Compares the flow's current findings.
    package mutating func add(_ flow: Flow, findings: [Finding]) {
        for i in findings.indices { add(findings[i], flow: flow) }  // by index: no copy of each finding
    }
}
