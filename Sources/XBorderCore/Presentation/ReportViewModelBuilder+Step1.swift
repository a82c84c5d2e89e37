import Foundation

extension ReportViewModelBuilder {
    /// Regions of the flow map, west to east; each is a column of country nodes.
    static let mapRegions: [(key: String, members: Set<String>)] = [
        ("americas", ["north_america", "latin_america"]),
        ("europe", ["europe"]),
        ("mea", ["middle_east", "africa", "central_asia"]),
        ("south_asia", ["south_asia", "southeast_asia"]),
        ("east_asia", ["east_asia", "oceania"]),
    ]

    /// Countries shown in the matrices.
    static let maxCountries = 16
    /// Countries drawn on the flow map (every jurisdiction touched, up to this many; the rest
    /// are named under it).
    static let maxMapCountries = 36
    /// Country pairs drawn on the map.
    static let maxEdges = 40

    /// Countries ordered by how many flows touch them (then code), at most `limit`.
    func busiestCountries(_ limit: Int) -> [Country] {
        context.aggregate.countryFlows.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }

    func step1() -> ViewNode {
        let a = context.aggregate
        let flows = context.inventory.flows
        let countries = busiestCountries(Self.maxCountries)
        let pairCountries = countries.sorted()
        let confidentialities = Confidentiality.allCases
        var totals = [Int](repeating: 0, count: confidentialities.count)
        let inventoryRows: [ViewNode] = DataCategory.allCases.map { category in
            let counts = confidentialities.map { a.categoryMatrix[category]?[$0] ?? 0 }
            for (i, c) in counts.enumerated() { totals[i] += c }
            return [
                "key": .text(category.rawValue),
                "label": .text(t[category.catalogueKey]),
                "cells": .list(counts.map { ["count": number($0)] }),
                "total": number(counts.reduce(0, +)),
            ]
        }
        let pairRows: [ViewNode] = pairCountries.map { origin in
            [
                "code": .text(origin.code),
                "name": .text(context.countryName(origin)),
                "cells": .list(
                    pairCountries.map { destination in
                        matrixCell(
                            a.pairs[.init(origin: origin, destination: destination)], titleKey: "fmt_pair_title",
                            ["origin": context.countryName(origin), "destination": context.countryName(destination)])
                    }),
            ]
        }
        // Every jurisdiction touched, however many: a table row each (none dropped silently).
        let jurisdictionRows: [ViewNode] = a.countryFlows.keys.sorted().map { country in
            let roles = (a.countryRoles[country]?.roles ?? []).map { t["role_\($0.rawValue)"] }
            var node: [String: ViewNode] = [
                "code": .text(country.code),
                "name": .text(context.countryName(country)),
                "anchor": .text("j-\(country.code)"),
                "flows": number(a.countryFlows[country, default: 0]),
                "roles": .text(roles.joined(separator: t["list_separator"])),
            ]
            for risk in ReportSummaries.profiledRisks {
                let key = risk.rawValue.lowercased()
                if let level = profileLevel(country, risk) {
                    node[key] = .text(String(level))
                    node[key + "Class"] = .text("level-\(level)")
                    node[key + "Title"] = .text(t.format("fmt_level_title", ["level": String(level)]))
                } else {
                    node[key] = .text(t["level_not_assessed_short"])
                    node[key + "Class"] = .text("level-na")
                    node[key + "Title"] = .text(t["level_not_assessed"])
                }
            }
            return .object(node)
        }
        return [
            "stats": [
                "flows": number(flows.count),
                "crossBorder": number(a.crossBorderFlows),
                "assets": number(summaries.assets),
                "countries": number(a.countryFlows.count),
                "recipients": number(summaries.recipients),
            ],
            "hasFlowMap": .flag(!flows.isEmpty),
            "flowMap": flowMap(busiestCountries(Self.maxMapCountries)),
            "hasCountryPairs": .flag(!pairCountries.isEmpty),
            "countryPairs": [
                "columns": .list(pairCountries.map { ["code": .text($0.code), "name": .text(context.countryName($0))] }),
                "rows": .list(pairRows),
                "truncated": .flag(a.countryFlows.count > pairCountries.count),
                "note": .text(
                    t.format(
                        "fmt_pairs_truncated",
                        ["shown": Self.grouped(pairCountries.count), "total": Self.grouped(a.countryFlows.count)])),
            ],
            "hasInventory": .flag(!flows.isEmpty),
            "inventory": [
                "columns": .list(confidentialities.map { ["key": .text($0.rawValue), "label": .text(t[$0.catalogueKey])] }),
                "rows": .list(inventoryRows),
                "totals": .list(totals.map { ["count": number($0)] }),
                "grandTotal": number(flows.count),
            ],
            "hasJurisdictions": .flag(!jurisdictionRows.isEmpty),
            "jurisdictions": .list(jurisdictionRows),
            "coverage": coverage(),
        ]
    }

    /// One cell of a count matrix: count, worst residual band and a title naming both.
    func matrixCell(_ cell: ReportAggregate.PairCell?, titleKey: String, _ names: [String: String]) -> ViewNode {
        let count = cell?.count ?? 0
        var values = names
        values["count"] = Self.grouped(count)
        values["band"] = bandLabel(cell?.worst)
        return [
            "count": number(count),
            "isEmpty": .flag(count == 0),
            "bandClass": .text(bandClass(cell?.worst)),
            "band": .text(bandLabel(cell?.worst)),
            "title": .text(t.format(titleKey, values)),
        ]
    }

    /// The strongest level exposures.csv gives a country for a risk in force on the as-of
    /// date, whatever the scope; nil when no row covers the pair (not assessed, never 0).
    func profileLevel(_ country: Country, _ risk: RiskType) -> Int? {
        guard let levels = summaries.profileLevels[country] else {
            return ReportSummaries.profileLevel(country, risk, context: context)
        }
        return levels[risk]
    }

    /// "22 of 24 jurisdictions assessed" and the jurisdictions that are not, with the risk
    /// types and flows concerned (Step 1 and data quality).
    func coverage() -> ViewNode {
        let coverage = context.coverage
        let gaps: [ViewNode] = coverage.gaps.map { gap in
            [
                "code": .text(gap.country.code),
                "name": .text(context.countryName(gap.country)),
                "risks": .text(gap.risks.map { t["risk_\($0.rawValue)_short"] }.joined(separator: t["list_separator"])),
                "flows": number(gap.flowCount),
                "sample": .text(
                    gap.sampleFlowIDs.joined(separator: t["list_separator"]) + (gap.flowCount > gap.sampleFlowIDs.count ? "…" : "")),
            ]
        }
        return [
            "summary": .text(
                t.format(
                    "fmt_coverage",
                    ["assessed": Self.grouped(coverage.assessedCount), "touched": Self.grouped(coverage.touched.count)])),
            "complete": .flag(coverage.gaps.isEmpty),
            "hasGaps": .flag(!coverage.gaps.isEmpty),
            "gaps": .list(gaps),
        ]
    }

    /// The flow map: regions as columns, countries as nodes, country pairs as weighted arcs.
    func flowMap(_ countries: [Country]) -> ViewNode {
        let a = context.aggregate
        let width = 960.0
        let columns = Self.mapRegions.enumerated().compactMap { (i, region) -> (Int, String, [Country])? in
            let members = countries.filter { region.members.contains($0.entry.region) }.sorted()
            return members.isEmpty ? nil : (i, region.key, members)
        }
        // Countries of no region column (none today) are named under the map with the overflow.
        let placed = Set(columns.flatMap(\.2))
        let shown = placed
        let leftOut = a.countryFlows.keys.filter { !placed.contains($0) }.sorted()
        // Rows of at least 38 units: a node and its label beside it never touch the next ones.
        let rows = columns.map(\.2.count).max() ?? 1
        let boxHeight = max(340.0, 40 + 38 * Double(rows))
        let height = boxHeight + 60
        let gap = 12.0
        let columnWidth = columns.isEmpty ? 0 : (width - 40 - gap * Double(columns.count - 1)) / Double(columns.count)
        var regions: [ViewNode] = []
        var nodes: [ViewNode] = []
        var positions: [Country: (x: Double, y: Double)] = [:]
        for (k, column) in columns.enumerated() {
            let x = 20 + Double(k) * (columnWidth + gap)
            regions.append([
                "label": .text(t["region_\(column.1)"]),
                "x": fmt(x), "y": "40", "width": fmt(columnWidth), "height": fmt(boxHeight),
                "labelX": fmt(x + 10), "labelY": "58",
            ])
            let slot = (boxHeight - 40) / Double(column.2.count)
            for (j, country) in column.2.enumerated() {
                // Nodes in the left third of the column, labels to their right.
                let cx = x + 30
                let cy = 40 + 30 + slot * (Double(j) + 0.5)
                positions[country] = (cx, cy)
                let total = a.countryFlows[country, default: 0]
                let r = min(min(17.0, slot / 2 - 3), 9 + 2.5 * log2(Double(total) + 1))
                let d = a.countryDirections[country] ?? (0, 0, 0)
                nodes.append([
                    "code": .text(country.code),
                    "label": .text(context.countryName(country)),
                    "cx": fmt(cx), "cy": fmt(cy), "r": fmt(r),
                    "codeY": fmt(cy + 4), "labelX": fmt(cx + r + 5), "labelY": fmt(cy + 4),
                    "title": .text(
                        t.format(
                            "fmt_node_title",
                            [
                                "country": context.countryName(country), "outbound": Self.grouped(d.outbound),
                                "inbound": Self.grouped(d.inbound), "domestic": Self.grouped(d.domestic),
                            ])),
                ])
            }
        }
        let pairs = a.pairs.filter { $0.key.origin != $0.key.destination && shown.contains($0.key.origin)
            && shown.contains($0.key.destination) }
            .sorted { ($0.value.count, $1.key.origin, $1.key.destination) > ($1.value.count, $0.key.origin, $0.key.destination) }
            .prefix(Self.maxEdges)
            .sorted { ($0.key.origin, $0.key.destination) < ($1.key.origin, $1.key.destination) }
        let edges: [ViewNode] = pairs.compactMap { pair in
            guard let from = positions[pair.key.origin], let to = positions[pair.key.destination] else { return nil }
            let dx = to.x - from.x, dy = to.y - from.y
            let length = max(1, (dx * dx + dy * dy).squareRoot())
            let bend = 0.18 * length
            let mx = (from.x + to.x) / 2 - dy / length * bend
            let my = (from.y + to.y) / 2 + dx / length * bend
            let origin = context.countryName(pair.key.origin), destination = context.countryName(pair.key.destination)
            return [
                "d": .text("M\(fmt1(from.x)),\(fmt1(from.y)) Q\(fmt1(mx)),\(fmt1(my)) \(fmt1(to.x)),\(fmt1(to.y))"),
                "strokeWidth": fmt(min(9, 1.5 + 1.5 * log2(Double(pair.value.count) + 1))),
                "bandClass": .text(bandClass(pair.value.worst)),
                "band": .text(bandLabel(pair.value.worst)),
                "count": number(pair.value.count),
                "origin": .text(pair.key.origin.code),
                "destination": .text(pair.key.destination.code),
                "title": .text(
                    t.format(
                        "fmt_edge_title",
                        [
                            "origin": origin, "destination": destination, "count": Self.grouped(pair.value.count),
                            "band": bandLabel(pair.value.worst),
                        ])),
            ]
        }
        return [
            "title": .text(t.format("fmt_flowmap_title", ["period": context.period])),
            "desc": .text(
                t.format(
                    "fmt_flowmap_desc",
                    ["flows": Self.grouped(a.crossBorderFlows), "countries": String(a.countryFlows.count)])),
            "caption": .text(t["fmt_flowmap_caption"]),
            "hasLeftOut": .flag(!leftOut.isEmpty),
            "leftOut": .text(
                t.format(
                    "fmt_flowmap_left_out",
                    [
                        "count": Self.grouped(leftOut.count),
                        "names": leftOut.map(context.countryName).joined(separator: t["list_separator"]),
                    ])),
            "width": fmt(width), "height": fmt(height), "viewBox": .text("0 0 960 \(fmt1(height))"),
            "regions": .list(regions),
            "nodes": .list(nodes),
            "edges": .list(edges),
            "legend": .list(
                [Band.critical, .high, .medium, .low].map { ["label": .text(bandLabel($0)), "bandClass": .text($0.cssClass)] }),
        ]
    }

    /// A coordinate with at most one decimal, no trailing `.0`.
    func fmt(_ value: Double) -> ViewNode { .text(fmt1(value)) }

    /// Formats with one decimal, dropping `.0` (locale-independent, deterministic).
    func fmt1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, frac = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }
}
