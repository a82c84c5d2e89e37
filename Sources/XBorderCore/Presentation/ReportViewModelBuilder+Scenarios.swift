extension ReportViewModelBuilder {
    /// The what-if scenarios of scenarios.csv (docs/VIEW_MODEL.md, `scenarios`): per scenario
    /// its measures, owner, cost, the residual band counts before and after, and the first
    /// top-N findings it changes.
    func scenarios() -> ViewNode {
        let limit = context.topN
        let items: [ViewNode] = context.scenarios.map { comparison in
            let scenario = comparison.scenario
            let bands: [ViewNode] = Band.allCases.reversed().map { band in
                let before = comparison.bandsBefore[band, default: 0], after = comparison.bandsAfter[band, default: 0]
                return [
                    "key": .text(band.rawValue), "band": .text(bandLabel(band)), "bandClass": .text(band.cssClass),
                    "before": number(before), "after": number(after),
                    "change": .text(after > before ? "+" + Self.grouped(after - before) : Self.grouped(after - before)),
                ]
            }
            let shown = comparison.changes.prefix(limit).map { change -> ViewNode in
                [
                    "findingId": .safe(change.findingID),
                    "anchor": .text(Self.anchor(change.findingID)),
                    "hasDetail": .flag(detailed.contains(change.findingID)),
                    "before": .text(bandLabel(change.beforeBand)),
                    "beforeClass": .text(bandClass(change.beforeBand)),
                    "beforeScore": .text(String(change.before.score)),
                    "after": .text(bandLabel(change.afterBand)),
                    "afterClass": .text(bandClass(change.afterBand)),
                    "afterScore": .text(String(change.after.score)),
                ]
            }
            let owner = scenario.owner
            let notes = scenario.notes(locale: t.locale)
            return [
                "id": .safe(scenario.id),
                "title": .safe(scenario.title(locale: t.locale)),
                "measures": .list(
                    comparison.measures.map { ["id": .safe($0.id), "title": .safe($0.title(locale: t.locale))] }),
                "owner": .safe(owner.isEmpty ? t["value_unassigned"] : owner),
                "hasOwner": .flag(!owner.isEmpty),
                "cost": .safe(scenario.cost),
                "hasCost": .flag(!scenario.cost.isEmpty),
                "notes": .safe(notes),
                "hasNotes": .flag(!notes.isEmpty),
                "flowsSelected": number(comparison.flowsSelected),
                "findingsChanged": number(comparison.findingsChanged),
                "bands": .list(bands),
                "hasChanges": .flag(!shown.isEmpty),
                "changes": .list(Array(shown)),
                "changesTruncated": .flag(comparison.changes.count > shown.count),
                "changesNote": .text(
                    comparison.changes.count > shown.count
                        ? t.format(
                            "fmt_scenario_truncated",
                            ["shown": Self.grouped(shown.count), "total": Self.grouped(comparison.changes.count)])
                        : ""),
            ]
        }
        return ["hasScenarios": .flag(!items.isEmpty), "items": .list(items)]
    }
}
