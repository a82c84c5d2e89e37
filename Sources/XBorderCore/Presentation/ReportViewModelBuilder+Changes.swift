extension ReportViewModelBuilder {
    /// The summary's "since last quarter" block, nil for a first archived period.
    func changeSummary() -> ViewNode? {
        guard let c = context.changes else { return nil }
        return [
            "previousPeriod": .text(c.previousPeriod),
            "newCount": number(c.newCount),
            "resolvedCount": number(c.resolvedCount),
            "worsenedCount": number(c.worsenedCount),
            "improvedCount": number(c.improvedCount),
            "statement": .text(
                t.format(
                    "fmt_change_statement",
                    [
                        "previous": c.previousPeriod, "new": Self.grouped(c.newCount),
                        "resolved": Self.grouped(c.resolvedCount), "worsened": Self.grouped(c.worsenedCount),
                        "improved": Self.grouped(c.improvedCount),
                    ])),
        ]
    }

    func changes() -> ViewNode {
        let a = context.aggregate
        var trend: [ViewNode] = context.history.periods.map { p in
            trendRow(period: p.period, current: false, flows: p.flows, bands: p.bands)
        }
        trend.append(trendRow(period: context.period, current: true, flows: context.inventory.flows.count, bands: a.residualBands))
        func entry(_ e: ChangeSet.Entry, withDetail: Bool) -> ViewNode {
            [
                "findingId": .safe(e.findingID),
                "anchor": .text(Self.anchor(e.findingID)),
                "hasDetail": .flag(withDetail && detailed.contains(e.findingID)),
                "riskName": .text(e.risk.map(riskName) ?? ""),
                "asset": .safe(e.asset),
                "route": .safe(e.route),
                "band": .text(bandLabel(e.band)),
                "bandClass": .text(e.band.cssClass),
                "fromBand": .text(bandLabel(e.fromBand)),
                "fromBandClass": .text(bandClass(e.fromBand)),
                "fromScore": .text(String(e.fromScore)),
                "toBand": .text(bandLabel(e.band)),
                "toBandClass": .text(e.band.cssClass),
                "toScore": .text(String(e.score)),
                "direction": .text(e.fromBand.map { e.band > $0 ? t["direction_worsened"] : t["direction_improved"] } ?? ""),
                "reason": .text(t[e.reasonKey]),
            ]
        }
        let c = context.changes
        let total = (c?.newCount ?? 0) + (c?.resolvedCount ?? 0) + (c?.worsenedCount ?? 0) + (c?.improvedCount ?? 0)
        let shown = (c?.new.count ?? 0) + (c?.resolved.count ?? 0) + (c?.changed.count ?? 0)
        return [
            "hasTrend": .flag(trend.count > 1),
            "trend": .list(trend),
            "hasPrevious": .flag(c != nil),
            "previousPeriod": .text(c?.previousPeriod ?? ""),
            "hasAnyChange": .flag(total > 0),
            "hasNew": .flag(!(c?.new.isEmpty ?? true)),
            "new": .list((c?.new ?? []).map { entry($0, withDetail: true) }),
            "hasResolved": .flag(!(c?.resolved.isEmpty ?? true)),
            "resolved": .list((c?.resolved ?? []).map { entry($0, withDetail: false) }),
            "hasChanged": .flag(!(c?.changed.isEmpty ?? true)),
            "changed": .list((c?.changed ?? []).map { entry($0, withDetail: true) }),
            "truncated": .flag(total > shown),
            "note": .text(truncation(shown: shown, total: total, file: "findings.csv")),
        ]
    }

    func trendRow(period: String, current: Bool, flows: Int, bands: [Band: Int]) -> ViewNode {
        [
            "period": .text(period),
            "isCurrent": .flag(current),
            "flows": number(flows),
            "critical": number(bands[.critical, default: 0]),
            "high": number(bands[.high, default: 0]),
            "medium": number(bands[.medium, default: 0]),
            "low": number(bands[.low, default: 0]),
            "total": number(bands.values.reduce(0, +)),
        ]
    }
}
