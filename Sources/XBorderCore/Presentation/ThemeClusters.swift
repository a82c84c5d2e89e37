/// The few themes behind most residual risk (the board brief; docs/VIEW_MODEL.md): High and Critical
/// findings clustered by their driver — risk type × driving jurisdiction × data category ×
/// counterparty — accumulated as findings stream past, in memory bounded by the number of
/// distinct drivers (flow indices kept per cluster are capped).
package struct ThemeClusters: Sendable {
    /// What a theme is about.
    package struct Key: Hashable, Sendable, Comparable {
        /// Risk type.
        package var risk: RiskType
        /// The jurisdiction whose law drives a government finding; nil for private risks.
        package var country: Country?
        /// Data category.
        package var category: DataCategory
        /// Recipient (government access, misuse, lock-in) or sender (untrustworthy data); nil
        /// where the counterparty does not define the theme (transfer restrictions, disclosure).
        package var party: RecipientType?

        package static func < (a: Key, b: Key) -> Bool {
            (a.risk, a.country?.code ?? "", a.category.rawValue, a.party?.rawValue ?? "")
                < (b.risk, b.country?.code ?? "", b.category.rawValue, b.party?.rawValue ?? "")
        }
    }

    /// One theme's findings.
    package struct Cluster: Sendable {
        package var key: Key
        package var findings = 0
        package var critical = 0
        package var high = 0
        /// Sum of residual scores: how much of the risk the theme carries.
        package var weight = 0
        /// Flows of the theme (indices into the inventory), at most `flowLimit`, in flow order
        /// within each chunk.
        package var flowIndices: [Int] = []
        /// Distinct flows (not capped).
        package var flowCount = 0
        /// The first finding IDs, for the reader to look up.
        package var sampleIDs: [String] = []
        /// Measures recommended for the theme's findings, with counts.
        package var recommended: [String: Int] = [:]
        /// The worst band.
        package var worst: Band { critical > 0 ? .critical : .high }
    }

    /// Flow indices kept per cluster.
    static let flowLimit = 5_000
    /// Finding IDs kept per cluster.
    static let sampleLimit = 3

    /// Clusters by key.
    package private(set) var clusters: [Key: Cluster] = [:]
    /// Weight of every High and Critical finding, for the share a theme carries.
    package private(set) var totalWeight = 0

    /// An empty set of clusters.
    package init() {}

    /// Adds one finding of `flow` (only High and Critical findings make themes).
    package mutating func add(_ finding: Finding, flow: Flow, flowIndex: Int) {
        guard finding.residualBand >= .high else { return }
        let key = Self.key(finding, flow: flow)
        totalWeight += finding.residual.score
        // Updated in place in the table: a copy taken out and put back would copy its arrays
        // and its `recommended` table on every change, the table still holding the original.
        Self.add(finding, flowIndex: flowIndex, to: &clusters[key, default: Cluster(key: key)])
    }

    private static func add(_ finding: Finding, flowIndex: Int, to cluster: inout Cluster) {
        cluster.findings += 1
        if finding.residualBand == .critical { cluster.critical += 1 } else { cluster.high += 1 }
        cluster.weight += finding.residual.score
        if cluster.flowIndices.last != flowIndex {
            cluster.flowCount += 1
            if cluster.flowIndices.count < flowLimit { cluster.flowIndices.append(flowIndex) }
        }
        if cluster.sampleIDs.count < sampleLimit { cluster.sampleIDs.append(finding.id) }
        for id in finding.recommended { cluster.recommended[id, default: 0] += 1 }
    }

    /// Adds the clusters of a later chunk of flows.
    package mutating func merge(_ other: ThemeClusters) {
        totalWeight += other.totalWeight
        for (key, theirs) in other.clusters {
            guard var mine = clusters[key] else {
                clusters[key] = theirs
                continue
            }
            mine.findings += theirs.findings
            mine.critical += theirs.critical
            mine.high += theirs.high
            mine.weight += theirs.weight
            mine.flowCount += theirs.flowCount
            mine.flowIndices += theirs.flowIndices.prefix(Self.flowLimit - mine.flowIndices.count)
            mine.sampleIDs += theirs.sampleIDs.prefix(Self.sampleLimit - mine.sampleIDs.count)
            for (id, n) in theirs.recommended { mine.recommended[id, default: 0] += n }
            clusters[key] = mine
        }
    }

    /// The heaviest themes first (ties by key), at most `limit`.
    package func ranked(limit: Int) -> [Cluster] {
        clusters.values.sorted { ($0.weight, $1.key) > ($1.weight, $0.key) }.prefix(limit).map { $0 }
    }

    /// The driver of a finding.
    static func key(_ finding: Finding, flow: Flow) -> Key {
        let driver = finding.hits.max { ($0.likelihood, $1.country) < ($1.likelihood, $0.country) }?.country
        let party: RecipientType? =
            switch finding.risk {
            case .localization, .disclosure: nil
            case .untrustworthy: flow.originType
            default: flow.recipientType
            }
        return Key(risk: finding.risk, country: driver, category: flow.category, party: party)
    }
}
