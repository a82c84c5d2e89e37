import Dispatch
import Synchronization

/// The parts of the view model that go over the whole inventory but depend neither on the report
/// language nor on the document (HTML or XHTML): counted once per run and shared by the builders
/// of every edition, so rendering stays bounded however many flows there are.
package struct ReportSummaries: Sendable {
    /// The evidence behind one decision of the board brief: the scenarios of scenarios.csv that
    /// change the theme's findings (at most two), else the measure most often recommended for
    /// them with its effect on the whole inventory.
    package struct DecisionEvidence: Sendable {
        /// The matching scenarios, in file order.
        package var scenarios: [ScenarioComparison] = []
        /// The measure recommended instead, with its re-assessment, when no scenario matches.
        package var treatment: (measure: Measure, comparison: ScenarioComparison)?
    }

    /// Distinct data assets.
    package var assets: Int
    /// Distinct recipients (the destination entity, else the destination country).
    package var recipients: Int
    /// `ReportViewModelBuilder.profileLevel` of every jurisdiction touched, per risk shown in Step 1.
    package var profileLevels: [Country: [RiskType: Int]]
    /// The decisions asked of the board, in the order of `ReportSummaries.askedThemes`.
    package var decisions: [DecisionEvidence]

    /// Risk types whose exposure level Step 1 shows per jurisdiction.
    static let profiledRisks: [RiskType] = [.localization, .governmentAccess, .disclosure]

    /// Counts and re-assesses once for `context` (any edition's: only the language differs).
    /// The re-assessments of the decisions and the counts run side by side.
    package init(context: ReportContext) {
        let asked = Self.askedThemes(context.aggregate)
        let assessor = asked.isEmpty ? nil : Assessor(reference: context.reference, asOf: context.asOf)
        let evidence = Mutex([DecisionEvidence](repeating: DecisionEvidence(), count: asked.count))
        let counts = Mutex((assets: 0, recipients: 0))
        DispatchQueue.concurrentPerform(iterations: asked.count + 1) { k in
            if k < asked.count, let assessor {
                let found = Self.evidence(for: asked[k], context: context, assessor: assessor)
                evidence.withLock { $0[k] = found }
            } else {
                let counted = Self.distinctAssetsAndRecipients(context.inventory.flows)
                counts.withLock { $0 = counted }
            }
        }
        (assets, recipients) = counts.withLock { $0 }
        decisions = evidence.withLock { $0 }
        profileLevels = Self.profileLevels(context)
    }

    /// Distinct data assets and recipients (the destination entity, else the destination country).
    static func distinctAssetsAndRecipients(_ flows: [Flow]) -> (assets: Int, recipients: Int) {
        var assets = Set<String>(), recipients = Set<String>()
        for i in flows.indices {
            assets.insert(flows[i].asset)
            let entity = flows[i].destinationEntity
            recipients.insert(entity.isEmpty ? flows[i].destination.code : entity)
        }
        return (assets.count, recipients.count)
    }

    /// `profileLevel` of every jurisdiction touched, going over exposures.csv once per jurisdiction.
    static func profileLevels(_ context: ReportContext) -> [Country: [RiskType: Int]] {
        let exposures = context.reference.exposures
        var levels: [Country: [RiskType: Int]] = [:]
        for country in context.aggregate.countryFlows.keys {
            let groups = Set(context.reference.groups(of: country))
            var strongest: [RiskType: Int] = [:]
            for i in exposures.indices
            where (exposures[i].jurisdiction == country.code || groups.contains(exposures[i].jurisdiction))
                && exposures[i].inForce(on: context.asOf)
            {
                strongest[exposures[i].risk] = max(strongest[exposures[i].risk] ?? 0, exposures[i].level)
            }
            var row: [RiskType: Int] = [:]
            for risk in profiledRisks where context.exposures.covers(country, risk) { row[risk] = strongest[risk] ?? 0 }
            levels[country] = row
        }
        return levels
    }

    /// The themes shown on the board brief.
    static func themes(_ aggregate: ReportAggregate) -> [ThemeClusters.Cluster] {
        aggregate.themes.ranked(limit: ReportViewModelBuilder.themeLimit)
    }

    /// The themes a decision is asked for: those with Critical findings (at most
    /// `decisionLimit`), else the leading theme.
    static func askedThemes(_ aggregate: ReportAggregate) -> [ThemeClusters.Cluster] {
        let themes = themes(aggregate)
        let decisions = themes.filter { $0.critical > 0 }.prefix(ReportViewModelBuilder.decisionLimit)
        return decisions.isEmpty ? Array(themes.prefix(1)) : Array(decisions)
    }

    /// The strongest level exposures.csv gives a country for a risk in force on the as-of
    /// date, whatever the scope; nil when no row covers the pair (not assessed, never 0).
    static func profileLevel(_ country: Country, _ risk: RiskType, context: ReportContext) -> Int? {
        guard context.exposures.covers(country, risk) else { return nil }
        let groups = context.reference.groups(of: country)
        return context.reference.exposures.lazy.filter {
            $0.risk == risk && ($0.jurisdiction == country.code || groups.contains($0.jurisdiction))
                && $0.inForce(on: context.asOf)
        }.map(\.level).max() ?? 0
    }

    /// The options of one theme's decision that need the flows re-assessed.
    static func evidence(
        for cluster: ThemeClusters.Cluster, context: ReportContext, assessor: Assessor
    ) -> DecisionEvidence {
        var evidence = DecisionEvidence()
        let themeFlows = Set(cluster.flowIndices.map { context.inventory.flows[$0].id })
        let suffix = ":" + cluster.key.risk.rawValue
        evidence.scenarios = Array(
            context.scenarios.lazy.filter { comparison in
                comparison.changes.contains { change in
                    themeFlows.contains(String(change.findingID.split(separator: ":").first ?? ""))
                        && change.findingID.hasSuffix(suffix)
                }
            }.prefix(2))
        guard evidence.scenarios.isEmpty,
            let best = cluster.recommended.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first?.key,
            let measure = context.reference.measuresByID[best]
        else { return evidence }
        let scenario = Scenario(
            id: best, title: measure.title, measures: [best], selector: .flows(themeFlows.sorted()),
            location: SourceLocation(file: ""))
        let comparison = ScenarioComparison(
            scenario, flows: context.inventory.flows, assessor: assessor, baseline: context.aggregate.residualBands
        ) { flow, risk in context.decisions.lookup(flowID: flow.id, risk: risk, asOf: context.asOf).state }
        evidence.treatment = (measure, comparison)
        return evidence
    }
}
