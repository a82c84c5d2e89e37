extension ReportViewModelBuilder {
    /// Columns of the risk type × jurisdiction chart and table (legibility bound; `--top` may lower it).
    static let maxMatrixColumns = 12

    /// Jurisdictions with findings, most findings first (then code), and how many there are in all.
    /// At most `maxMatrixColumns` or the configured top-N, whichever is smaller.
    func riskMatrixColumns() -> (shown: [(country: Country, findings: Int)], total: Int) {
        var counts: [Country: Int] = [:]
        for (key, cell) in context.aggregate.countryRisk { counts[key.country, default: 0] += cell.count }
        let limit = max(1, min(Self.maxMatrixColumns, context.topN))
        let sorted = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return (sorted.prefix(limit).map { (country: $0.key, findings: $0.value) }, counts.count)
    }

    /// `step2.riskMatrix`: the numbers behind the chart as a table (docs/VIEW_MODEL.md, Matrix).
    func riskMatrixTable(_ columns: [Country], total: Int) -> ViewNode {
        let a = context.aggregate
        let rows: [ViewNode] = RiskType.allCases.map { risk in
            [
                "riskId": .text(risk.rawValue),
                "riskName": .text(riskName(risk)),
                "riskShort": .text(riskShort(risk)),
                "cells": .list(
                    columns.map { country in
                        matrixCell(
                            a.countryRisk[.init(country: country, risk: risk)], titleKey: "fmt_matrix_title",
                            ["risk": riskName(risk), "jurisdiction": TextSanitizer.clean(context.countryName(country))])
                    }),
            ]
        }
        return [
            "columns": .list(columns.map { ["code": .text($0.code), "name": .safe(context.countryName($0))] }),
            "rows": .list(rows),
            "truncated": .flag(total > columns.count),
            "note": .text(total > columns.count ? truncation(shown: columns.count, total: total, file: "findings.csv") : ""),
        ]
    }

    /// `step2.riskChart`: the risk type × jurisdiction matrix as one SVG. Rows are the six risk
    /// types, columns the busiest jurisdictions; each cell is coloured by its worst residual band
    /// and carries its count. Country names are drawn at -45° above the grid, codes below it,
    /// the band legend under the codes.
    func riskMatrixChart(_ columns: [(country: Country, findings: Int)], total: Int) -> ViewNode {
        let a = context.aggregate
        let cellWidth = 52.0, cellHeight = 40.0
        let rowLabels = RiskType.allCases.map(riskShort)
        let left = 16 + max(60, rowLabels.map { Self.textWidth($0, size: 12, bold: true) }.max() ?? 0) + 12
        let labels = columns.map { Self.abbreviated(context.countryName($0.country), size: 11, maxWidth: 130) }
        let rise = (labels.map { Self.textWidth($0, size: 11) }.max() ?? 0) * 0.7072
        let top = (28 + rise + 14).rounded(.up)
        let gridBottom = top + Double(RiskType.allCases.count) * cellHeight
        var right = left + Double(columns.count) * cellWidth + 16

        var columnNodes: [ViewNode] = []
        for (i, column) in columns.enumerated() {
            let cx = left + (Double(i) + 0.5) * cellWidth
            let x = cx - 2, y = top - 8
            right = max(right, cx + Self.textWidth(labels[i], size: 11) * 0.7072 + 12)
            let name = context.countryName(column.country)
            columnNodes.append([
                "code": .text(column.country.code),
                "name": .safe(name),
                "label": .safe(labels[i]),
                "title": .safe(
                    t.format("fmt_matrix_column_title", ["jurisdiction": name, "count": Self.grouped(column.findings)])),
                "labelX": fmt(x), "labelY": fmt(y), "labelTransform": .text("rotate(-45 \(fmt1(x)) \(fmt1(y)))"),
                "codeX": fmt(cx), "codeY": fmt(gridBottom + 15),
            ])
        }
        let rows: [ViewNode] = RiskType.allCases.enumerated().map { (r, risk) in
            let y = top + Double(r) * cellHeight
            let cells: [ViewNode] = columns.enumerated().map { (c, column) in
                let x = left + Double(c) * cellWidth
                let cell = a.countryRisk[.init(country: column.country, risk: risk)]
                let count = cell?.count ?? 0
                let title = t.format(
                    "fmt_matrix_title",
                    [
                        "risk": riskName(risk), "jurisdiction": context.countryName(column.country),
                        "count": Self.grouped(count), "band": bandLabel(cell?.worst),
                    ])
                return [
                    "x": fmt(x), "y": fmt(y), "width": fmt(cellWidth), "height": fmt(cellHeight),
                    "count": number(count), "hasCount": .flag(count > 0),
                    "band": .text(bandLabel(cell?.worst)), "bandClass": .text(bandClass(cell?.worst)),
                    "title": .safe(title),
                    "textX": fmt(x + cellWidth / 2), "textY": fmt(y + cellHeight / 2 + 5),
                ]
            }
            return [
                "riskId": .text(risk.rawValue), "riskName": .text(riskName(risk)), "riskShort": .text(riskShort(risk)),
                "labelX": fmt(left - 10), "labelY": fmt(y + 18), "idY": fmt(y + 32),
                "cells": .list(cells),
            ]
        }
        let legendY = gridBottom + 42
        let legendTitle = t["label_worst_residual"]
        var x = 16 + Self.textWidth(legendTitle, size: 12, bold: true) + 12
        var legend: [ViewNode] = []
        for band in [Band.critical, .high, .medium, .low, nil] {
            let label = bandLabel(band)
            legend.append([
                "label": .text(label), "bandClass": .text(bandClass(band)),
                "x": fmt(x), "y": fmt(legendY - 10), "textX": fmt(x + 17), "textY": fmt(legendY),
            ])
            x += 17 + Self.textWidth(label, size: 11) + 16
        }
        right = max(right, x)
        let width = right.rounded(.up), height = legendY + 12
        let shown = columns.count
        return [
            "title": .text(t.format("fmt_matrix_chart_title", ["period": context.period])),
            "desc": .safe(
                t.format(
                    total > shown ? "fmt_matrix_desc" : "fmt_matrix_desc_all",
                    ["findings": Self.grouped(a.findingCount), "shown": Self.grouped(shown), "total": Self.grouped(total)])),
            "caption": .text(t["matrix_caption"]),
            "width": fmt(width), "height": fmt(height), "viewBox": .text("0 0 \(fmt1(width)) \(fmt1(height))"),
            "columnTitle": .text(t["axis_jurisdictions"]), "columnTitleX": fmt(left), "columnTitleY": "16",
            "rowTitle": .text(t["label_risk_type"]), "rowTitleX": fmt(left - 10), "rowTitleY": fmt(top - 8),
            "columns": .list(columnNodes),
            "rows": .list(rows),
            "legendTitle": .text(legendTitle), "legendTitleX": "16", "legendTitleY": fmt(legendY),
            "legend": .list(legend),
            "truncated": .flag(total > shown),
            "note": .text(
                total > shown
                    ? t.format(
                        "fmt_matrix_omitted",
                        ["omitted": Self.grouped(total - shown), "shown": Self.grouped(shown), "total": Self.grouped(total)])
                    : ""),
        ]
    }

    /// Estimated advance width of `text` in px: CJK and other wide scripts take one em, the rest
    /// about 0.6 em (0.65 bold). Deliberately generous, so labels never overlap the grid.
    package static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            sum + size * (scalar.value >= 0x1100 ? 1.0 : bold ? 0.65 : 0.6)
        }
    }

    /// `text`, cut with an ellipsis so its estimated width stays within `maxWidth` px.
    package static func abbreviated(_ text: String, size: Double, maxWidth: Double) -> String {
        guard textWidth(text, size: size) > maxWidth else { return text }
        var kept = ""
        for character in text {
            let candidate = kept + String(character)
            if textWidth(candidate + "…", size: size) > maxWidth { break }
            kept = candidate
        }
        return kept.trimmingWhitespace() + "…"
    }
}
