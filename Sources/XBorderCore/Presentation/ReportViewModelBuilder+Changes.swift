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
        var chartRows = context.history.periods.map { (period: $0.period, bands: $0.bands) }
        chartRows.append((period: context.period, bands: a.residualBands))
        return [
            "hasTrend": .flag(trend.count > 1),
            "trend": .list(trend),
            "trendChart": trendChart(chartRows),
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

extension ReportViewModelBuilder {
    /// Stacked bars of residual findings per band for every archived period and this one.
    func trendChart(_ rows: [(period: String, bands: [Band: Int])]) -> ViewNode {
        let bands: [Band] = [.low, .medium, .high, .critical]
        let maxTotal = max(1, rows.map { $0.bands.values.reduce(0, +) }.max() ?? 1)
        let step = Self.niceStep(maxTotal)
        let top = ((maxTotal + step - 1) / step) * step
        let left = 60.0, right = 20.0, plotTop = 20.0, plotHeight = 200.0
        let barWidth = 36.0, gap = 28.0
        let width = left + Double(rows.count) * (barWidth + gap) + right + 110
        let axisBottom = plotTop + plotHeight
        func y(_ value: Int) -> Double { axisBottom - plotHeight * Double(value) / Double(top) }
        var bars: [ViewNode] = []
        for (i, row) in rows.enumerated() {
            let x = left + gap / 2 + Double(i) * (barWidth + gap)
            var running = 0
            var segments: [ViewNode] = []
            for band in bands {
                let count = row.bands[band, default: 0]
                guard count > 0 else { continue }
                let y0 = y(running + count), y1 = y(running)
                segments.append([
                    "x": fmt(x), "y": fmt(y0), "width": fmt(barWidth), "height": fmt(max(0.5, y1 - y0)),
                    "bandClass": .text(band.cssClass),
                    "title": .text(t.format("fmt_trend_segment", ["period": row.period, "count": Self.grouped(count), "band": bandLabel(band)])),
                ])
                running += count
            }
            bars.append([
                "segments": .list(segments), "label": .text(row.period), "labelX": fmt(x + barWidth / 2),
                "labelY": fmt(axisBottom + 16), "total": number(running), "totalY": fmt(y(running) - 4),
            ])
        }
        let ticks: [ViewNode] = stride(from: 0, through: top, by: step).map { value in
            ["label": number(value), "x": fmt(left - 6), "y": fmt(y(value) + 4), "lineX1": fmt(left),
             "lineX2": fmt(width - right - 110), "lineY": fmt(y(value))]
        }
        let legend: [ViewNode] = bands.reversed().enumerated().map { (i, band) in
            let ly = plotTop + Double(i) * 20
            return ["bandClass": .text(band.cssClass), "label": .text(bandLabel(band)), "x": fmt(width - 100), "y": fmt(ly),
                    "textX": fmt(width - 82), "textY": fmt(ly + 10)]
        }
        let height = axisBottom + 30
        return [
            "title": .text(t["fmt_trend_title"]),
            "desc": .text(t.format("fmt_trend_desc", ["count": String(rows.count), "first": rows.first?.period ?? "",
                                                       "last": rows.last?.period ?? ""])),
            "caption": .text(t["trend_caption"]),
            "width": fmt(width), "height": fmt(height), "viewBox": .text("0 0 \(fmt1(width)) \(fmt1(height))"),
            "axisX": fmt(left), "axisTop": fmt(plotTop), "axisBottom": fmt(axisBottom), "axisRight": fmt(width - right - 110),
            "ticks": .list(ticks), "bars": .list(bars), "legend": .list(legend),
        ]
    }

    /// A round tick step giving about five ticks up to `maximum`.
    static func niceStep(_ maximum: Int) -> Int {
        let raw = max(1, maximum / 5)
        var magnitude = 1
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where magnitude * factor >= raw { return magnitude * factor }
        return magnitude * 10
    }
}
