extension ScenarioComparison {
    /// The comparison as aligned text for `xborder whatif`: the scenario, its measures, owner
    /// and cost, the residual band counts before and after, and the changed findings (the first
    /// `limit`, then how many more).
    /// - Parameters:
    ///   - locale: Language of the title and notes (`ja` uses their `_ja` columns).
    ///   - limit: Changed findings listed at most.
    package func text(locale: String, limit: Int) -> String {
        var lines = ["\(scenario.id)  \(scenario.title(locale: locale))"]
        var facts: [[String]] = [
            [
                "measures",
                measures.map { "\($0.id) \($0.title(locale: locale))" }.joined(separator: "; "),
            ]
        ]
        if !scenario.owner.isEmpty { facts.append(["owner", scenario.owner]) }
        if !scenario.cost.isEmpty { facts.append(["cost", scenario.cost]) }
        let notes = scenario.notes(locale: locale)
        if !notes.isEmpty { facts.append(["notes", notes]) }
        facts.append(["flows selected", String(flowsSelected)])
        facts.append(["findings changed", String(findingsChanged)])
        lines += TextTable(facts).lines(indent: "    ")
        lines.append("")
        var bands: [[String]] = [["residual band", "before", "after", "change"]]
        for band in Band.allCases.reversed() {
            let before = bandsBefore[band, default: 0], after = bandsAfter[band, default: 0]
            let delta = after - before
            bands.append([band.rawValue, String(before), String(after), delta == 0 ? "0" : (delta > 0 ? "+\(delta)" : "\(delta)")])
        }
        lines += TextTable(bands, rightAligned: [1, 2, 3]).lines(indent: "    ")
        if !changes.isEmpty {
            lines.append("")
            var rows: [[String]] = [["finding", "before", "after", "score"]]
            for change in changes.prefix(limit) {
                rows.append([
                    change.findingID, "\(change.beforeBand.rawValue) \(change.before.score)",
                    "\(change.afterBand.rawValue) \(change.after.score)", String(change.after.score - change.before.score),
                ])
            }
            lines += TextTable(rows, rightAligned: [3]).lines(indent: "    ")
            if changes.count > limit { lines.append("    … \(changes.count - limit) more (--top to list more)") }
        }
        return lines.joined(separator: "\n")
    }
}
