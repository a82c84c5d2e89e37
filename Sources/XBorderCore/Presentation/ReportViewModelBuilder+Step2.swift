extension ReportViewModelBuilder {
    func step2() -> ViewNode {
        let a = context.aggregate
        let matrix = riskMatrixColumns()
        let findings = a.top.map { findingDetail($0.finding) }
        let laws: [ViewNode] = a.citedExposures.sorted {
            let x = context.exposures[$0], y = context.exposures[$1]
            return (x.jurisdiction, x.risk, x.index) < (y.jurisdiction, y.risk, y.index)
        }.map { index in
            let e = context.exposures[index]
            let name = Country(code: e.jurisdiction).map(context.countryName) ?? e.jurisdiction
            return [
                "jurisdiction": .text(e.jurisdiction),
                "jurisdictionName": .text(name),
                "riskId": .text(e.risk.rawValue),
                "riskName": .text(riskName(e.risk)),
                "riskShort": .text(riskShort(e.risk)),
                "level": .text(String(e.level)),
                "levelClass": .text("level-\(e.level)"),
                "law": .safe(e.law(locale: t.locale)),
                "summary": .safe(e.summary(locale: t.locale)),
                "source": .safe(e.source),
                "reviewedOn": .safe(date(e.reviewedOn)),
            ]
        }
        return [
            "heatmaps": .list([
                heatmap(id: "heat-inherent", heading: t["heatmap_inherent"], counts: a.inherentHeat),
                heatmap(id: "heat-residual", heading: t["heatmap_residual"], counts: a.residualHeat),
            ]),
            "hasRiskMatrix": .flag(!matrix.shown.isEmpty),
            "riskMatrix": riskMatrixTable(matrix.shown.map(\.country), total: matrix.total),
            "riskChart": riskMatrixChart(matrix.shown, total: matrix.total),
            "hasFindings": .flag(!findings.isEmpty),
            "findings": .list(findings),
            "findingsShown": number(findings.count),
            "findingsTotal": number(a.findingCount),
            "findingsTruncated": .flag(a.findingCount > findings.count),
            "findingsNote": .text(truncation(shown: findings.count, total: a.findingCount, file: "findings.csv")),
            "hasLaws": .flag(!laws.isEmpty),
            "laws": .list(laws),
            "hasMeasures": .flag(!context.reference.measures.isEmpty),
            "measures": .list(context.reference.measures.map(measureEffect)),
        ]
    }

    func measureEffect(_ m: Measure) -> ViewNode {
        let effect = m.effects.isEmpty ? t["effect_none"]
            : m.effects.map { e in
                t.format(
                    e.factor == .likelihood ? "fmt_effect_likelihood" : "fmt_effect_impact",
                    ["risk": riskShort(e.risk), "n": String(e.amount)])
            }.joined(separator: t["list_separator"])
        return [
            "id": .safe(m.id),
            "title": .safe(m.title(locale: t.locale)),
            "risks": .text(m.risks.map(\.rawValue).joined(separator: ", ")),
            "effect": .text(effect),
        ]
    }

    /// One detailed finding.
    func findingDetail(_ f: Finding) -> ViewNode {
        let flow = flow(of: f)
        let controls: [ViewNode] = f.controls.map { ["id": .safe($0.measureID)] }
        let recommended: [ViewNode] = f.recommended.map { ["id": .safe($0)] }
        let owner = f.decision?.decision.owner.isEmpty == false ? f.decision!.decision.owner : flow.owner
        let explanation = formatter.lines(for: f).map { ViewNode.object(["text": .safe($0)]) }
        func rating(_ r: Finding.Rating, _ band: Band) -> ViewNode {
            [
                "likelihood": .text(String(r.likelihood)), "impact": .text(String(r.impact)),
                "score": .text(String(r.score)), "band": .text(bandLabel(band)), "bandClass": .text(band.cssClass),
            ]
        }
        return [
            "anchor": .text(Self.anchor(f.id)),
            "findingId": .safe(f.id),
            "asset": .safe(flow.asset),
            "category": .text(t[flow.category.catalogueKey]),
            "confidentiality": .text(t[flow.confidentiality.catalogueKey]),
            "riskId": .text(f.risk.rawValue),
            "riskName": .text(riskName(f.risk)),
            "riskShort": .text(riskShort(f.risk)),
            "route": .text(route(flow)),
            "jurisdictions": .text(
                f.jurisdictions.isEmpty
                    ? t.format("fmt_jurisdiction_destination", ["code": flow.destination.code])
                    : f.jurisdictions.map(\.code).joined(separator: ", ")),
            "inherent": rating(f.inherent, f.inherentBand),
            "residual": rating(f.residual, f.residualBand),
            "explanation": .list(explanation),
            "hasExplanation": .flag(!explanation.isEmpty),
            "controls": .list(controls),
            "hasControls": .flag(!controls.isEmpty),
            "recommended": .list(recommended),
            "hasRecommended": .flag(!recommended.isEmpty),
            "owner": .safe(owner.isEmpty ? t["value_unassigned"] : owner),
            "hasOwner": .flag(!owner.isEmpty),
            "hasDecision": .flag(f.decision != nil),
            "decision": .text(statusLabel(f.decision)),
            "decisionClass": .text(statusClass(f.decision)),
            "dueDate": .text(date(f.decision?.decision.dueDate)),
            "hasDueDate": .flag(f.decision?.decision.dueDate != nil),
            "overdue": .flag(f.decision?.overdue ?? false),
        ]
    }

    /// A 5×5 (or n×n) heat map: likelihood across, impact up.
    func heatmap(id: String, heading: String, counts: [[Int]]) -> ViewNode {
        let n = context.reference.scales.size
        let cell = 64
        let left = 70, top = 10
        let total = counts.joined().reduce(0, +)
        var cells: [ViewNode] = []
        for impact in stride(from: n, through: 1, by: -1) {
            for likelihood in 1...n {
                let x = left + (likelihood - 1) * cell
                let y = top + (n - impact) * cell
                let count = counts[likelihood - 1][impact - 1]
                let band = context.reference.scales.band(for: likelihood * impact)
                cells.append([
                    "likelihood": .text(String(likelihood)), "impact": .text(String(impact)),
                    "x": .text(String(x)), "y": .text(String(y)), "width": .text(String(cell)), "height": .text(String(cell)),
                    "count": number(count), "hasCount": .flag(count > 0),
                    "bandClass": .text(band.cssClass), "band": .text(bandLabel(band)),
                    "textX": .text(String(x + cell / 2)), "textY": .text(String(y + cell / 2 + 6)),
                    "title": .text(
                        t.format(
                            "fmt_heatmap_cell",
                            [
                                "likelihood": String(likelihood), "impact": String(impact), "count": Self.grouped(count),
                                "band": bandLabel(band),
                            ])),
                ])
            }
        }
        let gridBottom = top + n * cell
        let width = left + n * cell + 10
        let height = gridBottom + 50
        return [
            "id": .text(id),
            "heading": .text(heading),
            "title": .text(heading),
            "desc": .text(t.format("fmt_heatmap_desc", ["kind": heading, "total": Self.grouped(total)])),
            "caption": .text(t["fmt_heatmap_caption"]),
            "width": .text(String(width)), "height": .text(String(height)),
            "viewBox": .text("0 0 \(width) \(height)"),
            "cells": .list(cells),
            "xAxis": .list(
                (1...n).map { ["label": .text(String($0)), "x": .text(String(left + ($0 - 1) * cell + cell / 2)),
                               "y": .text(String(gridBottom + 18))] }),
            "yAxis": .list(
                stride(from: n, through: 1, by: -1).map { ["label": .text(String($0)), "x": .text(String(left - 8)),
                                                           "y": .text(String(top + (n - $0) * cell + cell / 2 + 4))] }),
            "xTitle": .text(t["axis_likelihood"]),
            "xTitleX": .text(String(left + n * cell / 2)), "xTitleY": .text(String(gridBottom + 42)),
            "yTitle": .text(t["axis_impact"]),
            "yTitleX": "20", "yTitleY": .text(String(top + n * cell / 2)),
            "yTitleTransform": .text("rotate(-90 20 \(top + n * cell / 2))"),
        ]
    }
}
