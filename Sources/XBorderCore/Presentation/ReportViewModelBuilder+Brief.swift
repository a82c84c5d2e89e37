/// Page 1, the board brief (docs/VIEW_MODEL.md, `brief`): the headline with its direction of travel, the themes
/// behind most of the risk, the decisions asked of executives with their options and effects,
/// and the exceptions.
extension ReportViewModelBuilder {
    /// Themes shown.
    static let themeLimit = 4
    /// Decisions asked (one per leading theme with Critical findings, or High when none).
    static let decisionLimit = 3
    /// Acceptances expiring within this many days are exceptions.
    static let expiringWithinDays = 90

    func brief() -> ViewNode {
        let a = context.aggregate
        let themes = ReportSummaries.themes(a)
        let asked = ReportSummaries.askedThemes(a)
        return [
            "direction": direction(),
            "hasThemes": .flag(!themes.isEmpty),
            "themes": .list(themes.enumerated().map { theme($0.element, rank: $0.offset + 1) }),
            "themesNote": .text(
                t.format(
                    "fmt_themes_note",
                    ["share": String(themes.isEmpty || a.themes.totalWeight == 0
                        ? 0 : themes.map(\.weight).reduce(0, +) * 100 / a.themes.totalWeight)])),
            "hasDecisions": .flag(!asked.isEmpty),
            "decisions": .list(
                asked.enumerated().map {
                    decision($0.element, number: $0.offset + 1, evidence: summaries.decisions[$0.offset])
                }),
            "exceptions": exceptions(),
        ]
    }

    // MARK: - Direction of travel

    /// Residual band counts now and at the previous archived period, with what moved them.
    func direction() -> ViewNode {
        let a = context.aggregate
        let previous = context.history.periods.last.flatMap { p in context.changes.map { _ in p } }
        let bands: [Band] = [.critical, .high, .medium, .low]
        let rows: [ViewNode] = bands.map { band in
            let now = a.residualBands[band, default: 0]
            var node: [String: ViewNode] = [
                "band": .text(bandLabel(band)), "bandClass": .text(band.cssClass), "current": number(now),
                "hasPrevious": .flag(previous != nil),
            ]
            if let previous, let changes = context.changes {
                let before = previous.bands[band, default: 0]
                let delta = now - before
                node["previous"] = number(before)
                node["delta"] = .text(delta == 0 ? "±0" : (delta > 0 ? "+" : "−") + Self.grouped(abs(delta)))
                node["arrow"] = .text(delta == 0 ? "→" : delta > 0 ? "▲" : "▼")
                node["deltaClass"] = .text(delta == 0 ? "flat" : (delta > 0) == (band >= .medium) ? "worse" : "better")
                let causes = ChangeSet.Cause.allCases.compactMap { cause -> String? in
                    let n = changes.net(cause, band)
                    guard n != 0 else { return nil }
                    return t.format("fmt_cause_\(cause.rawValue)", ["n": (n > 0 ? "+" : "−") + Self.grouped(abs(n))])
                }
                node["causes"] = .text(causes.joined(separator: t["list_separator"]))
            }
            return .object(node)
        }
        let headline: String
        let critical = a.residualBands[.critical, default: 0]
        let high = a.residualBands[.high, default: 0]
        if let previous {
            headline = t.format(
                "fmt_brief_headline_trend",
                [
                    "critical": Self.grouped(critical), "high": Self.grouped(high),
                    "criticalBefore": Self.grouped(previous.bands[.critical, default: 0]),
                    "highBefore": Self.grouped(previous.bands[.high, default: 0]),
                    "previous": previous.period, "flows": Self.grouped(context.inventory.flows.count),
                    "jurisdictions": Self.grouped(a.countryFlows.count),
                ])
        } else {
            headline = t.format(
                "fmt_brief_headline",
                [
                    "critical": Self.grouped(critical), "high": Self.grouped(high),
                    "flows": Self.grouped(context.inventory.flows.count), "jurisdictions": Self.grouped(a.countryFlows.count),
                ])
        }
        return [
            "headline": .text(headline),
            "hasPrevious": .flag(previous != nil),
            "previousPeriod": .text(previous?.period ?? ""),
            "rows": .list(rows),
            "coverage": .text(
                t.format(
                    "fmt_coverage",
                    [
                        "assessed": Self.grouped(context.coverage.assessedCount),
                        "touched": Self.grouped(context.coverage.touched.count),
                    ])),
        ]
    }

    // MARK: - Themes

    /// A theme's title in business language.
    func themeTitle(_ key: ThemeClusters.Key) -> String {
        t.format(
            "fmt_theme_\(key.risk.rawValue)",
            [
                "country": key.country.map(context.countryName) ?? "",
                "category": t["theme_category_\(key.category.rawValue)"],
                "party": key.party.map { t["party_\($0.rawValue)"] } ?? "",
            ])
    }

    func theme(_ cluster: ThemeClusters.Cluster, rank: Int) -> ViewNode {
        [
            "rank": .text(String(rank)),
            "title": .text(themeTitle(cluster.key)),
            "riskName": .text(riskName(cluster.key.risk)),
            "band": .text(bandLabel(cluster.worst)),
            "bandClass": .text(bandClass(cluster.worst)),
            "counts": .text(
                t.format(
                    "fmt_theme_counts",
                    [
                        "findings": Self.grouped(cluster.findings), "flows": Self.grouped(cluster.flowCount),
                        "critical": Self.grouped(cluster.critical), "high": Self.grouped(cluster.high),
                    ])),
            "examples": .safe(cluster.sampleIDs.joined(separator: t["list_separator"])),
        ]
    }

    // MARK: - Decisions

    /// The decision asked for one theme: options with their effect, an owner and a date. The
    /// options are the scenarios of scenarios.csv that change the theme's findings (with their
    /// cost and owner), else the measure most often recommended for them — each with its effect
    /// on the whole inventory computed by re-assessing the flows (`ScenarioComparison`) — then
    /// accepting with an expiry, and stopping or restructuring the flows.
    func decision(
        _ cluster: ThemeClusters.Cluster, number: Int, evidence: ReportSummaries.DecisionEvidence
    ) -> ViewNode {
        var options: [ViewNode] = []
        let labels = t["option_labels"].split(separator: ",").map(String.init)
        for comparison in evidence.scenarios {
            let s = comparison.scenario
            let title = t.locale == "ja" && !s.titleJa.isEmpty ? s.titleJa : s.title
            options.append(
                option(
                    labels[options.count],
                    t.format(
                        "fmt_option_scenario",
                        ["id": s.id, "title": title, "cost": s.cost.isEmpty ? t["value_cost_unknown"] : s.cost,
                         "owner": s.owner.isEmpty ? t["value_unassigned"] : s.owner]),
                    effect: effect(comparison)))
        }
        if let (measure, comparison) = evidence.treatment {
            options.append(
                option(
                    labels[options.count],
                    t.format(
                        "fmt_option_treat",
                        [
                            "id": measure.id, "measure": measure.title(locale: t.locale),
                            "flows": Self.grouped(cluster.flowCount),
                        ]),
                    effect: effect(comparison)))
        }
        options.append(option(labels[options.count], t["option_accept"], effect: t["option_accept_effect"]))
        options.append(
            option(
                labels[options.count], t.format("fmt_option_stop", ["flows": Self.grouped(cluster.flowCount)]),
                effect: t.format("fmt_option_stop_effect", ["findings": Self.grouped(cluster.findings)])))
        let owner = context.settings.text("decision_owner", context.settings.decisionOwner, locale: t.locale)
        let due = context.settings.decisionDate ?? context.asOf.adding(days: 45)
        return [
            "number": .text(String(number)),
            "question": .text(t.format("fmt_decision_question", ["theme": themeTitle(cluster.key)])),
            "band": .text(bandLabel(cluster.worst)),
            "bandClass": .text(bandClass(cluster.worst)),
            "owner": .safe(owner.isEmpty ? (signoffRoles().last ?? t["value_unassigned"]) : owner),
            "date": .text(date(due)),
            "options": .list(options),
        ]
    }

    /// "Critical 10 → 7, High 60 → 61 across the inventory; 3 findings change."
    func effect(_ comparison: ScenarioComparison) -> String {
        let before = comparison.bandsBefore, after = comparison.bandsAfter
        return t.format(
            "fmt_option_effect",
            [
                "criticalBefore": Self.grouped(before[.critical, default: 0]),
                "critical": Self.grouped(after[.critical, default: 0]),
                "highBefore": Self.grouped(before[.high, default: 0]), "high": Self.grouped(after[.high, default: 0]),
                "changed": Self.grouped(comparison.findingsChanged),
            ])
    }

    func option(_ label: String, _ text: String, effect: String) -> ViewNode {
        ["label": .text(label), "text": .text(text), "effect": .text(effect)]
    }

    // MARK: - Exceptions

    /// Expired or expiring acceptances, overdue actions, contradictions and jurisdictions not assessed.
    func exceptions() -> ViewNode {
        let a = context.aggregate
        var items: [ViewNode] = []
        for f in a.expiredAcceptances.prefix(3) {
            guard let d = f.decision, let expiry = d.decision.expiresOn else { continue }
            items.append(
                exception(
                    "expired",
                    t.format(
                        "fmt_exception_expired",
                        [
                            "id": f.id, "date": date(expiry), "owner": d.decision.decidedBy.isEmpty ? d.decision.owner : d.decision.decidedBy,
                            "band": bandLabel(f.residualBand),
                        ])))
        }
        let horizon = context.asOf.adding(days: Self.expiringWithinDays)
        for f in a.accepted where f.decision?.decision.expiresOn.map({ $0 >= context.asOf && $0 <= horizon }) == true {
            items.append(
                exception(
                    "expiring",
                    t.format("fmt_exception_expiring", ["id": f.id, "date": date(f.decision!.decision.expiresOn)])))
        }
        if a.overdueCount > 0 {
            let overdue = a.decided.filter { $0.decision?.overdue == true }.prefix(3).map(\.id)
            items.append(
                exception(
                    "overdue",
                    t.format(
                        "fmt_exception_overdue",
                        ["count": Self.grouped(a.overdueCount), "examples": overdue.joined(separator: t["list_separator"])])))
        }
        let contradictions = context.contradictions
        if contradictions.count > 0 {
            items.append(
                exception(
                    "contradiction",
                    t.format(
                        "fmt_exception_contradictions",
                        [
                            "count": Self.grouped(contradictions.count),
                            "examples": contradictions.entries.prefix(3).map(\.findingID).joined(separator: t["list_separator"]),
                        ])))
        }
        let gaps = context.coverage.gaps
        if !gaps.isEmpty {
            items.append(
                exception(
                    "coverage",
                    t.format(
                        "fmt_exception_coverage",
                        [
                            "count": Self.grouped(gaps.count),
                            "names": gaps.prefix(5).map { context.countryName($0.country) }.joined(separator: t["list_separator"]),
                        ])))
        }
        return ["hasItems": .flag(!items.isEmpty), "items": .list(items)]
    }

    func exception(_ kind: String, _ text: String) -> ViewNode {
        ["kind": .text(t["exception_\(kind)"]), "kindClass": .text("exception-\(kind)"), "text": .text(text)]
    }
}
