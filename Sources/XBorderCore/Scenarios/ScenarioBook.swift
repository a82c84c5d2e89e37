/// Reads scenarios.csv (README, "`scenarios.csv`: what-if options"). Every problem is a located error naming the bad value
/// (codes `scenario.*`), and a scenario with one is left out: an unknown or missing measure, an
/// unknown column, an unreadable value, a flow ID not in the inventory, a selector that matches
/// no flow, a missing or repeated `scenario_id`.
package struct ScenarioBook: Sendable {
    /// Columns scenarios.csv must have.
    package static let requiredColumns = ["scenario_id", "measures", "flows"]

    /// Valid scenarios in file order.
    package var scenarios: [Scenario]

    /// No scenarios (no scenarios.csv).
    package init() { scenarios = [] }

    /// Parses the table, checking measures against the catalogue and selectors against `flows`.
    package init(
        table: KeyedTable, parser: FlowSelector.Parser, flows: [Flow], diagnostics: inout DiagnosticLog
    ) {
        var scenarios: [Scenario] = []
        var seen: [String: Int] = [:]
        let flowIDs = Set(flows.map(\.id))
        for row in table.rows {
            let id = row["scenario_id"]
            if id.isEmpty && row.raw.cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            var ok = true
            if id.isEmpty {
                diagnostics.error("scenario.missing-id", "scenario_id is empty", at: row.location("scenario_id"))
                ok = false
            } else if let line = seen[id] {
                diagnostics.error(
                    "scenario.duplicate-id", "scenario_id \(Diagnostic.quoted(id)) is already used on line \(line)",
                    at: row.location("scenario_id"))
                ok = false
            } else {
                seen[id] = row.raw.line
            }
            let measures = Self.measures(row, known: parser.context.knownMeasures, ok: &ok, diagnostics: &diagnostics)
            let selector = parser.parse(row["flows"], at: row.location("flows"), diagnostics: &diagnostics)
            if let selector, !Self.selects(selector, flowIDs: flowIDs, flows: flows, row: row, diagnostics: &diagnostics) {
                ok = false
            }
            guard ok, let selector else { continue }
            var scenario = Scenario(
                id: id, title: row["title"], measures: measures, selector: selector, location: row.location)
            scenario.titleJa = row["title_ja"]
            scenario.owner = row["owner"]
            scenario.cost = row["cost"]
            scenario.notes = row["notes"]
            scenario.notesJa = row["notes_ja"]
            scenarios.append(scenario)
        }
        self.scenarios = scenarios
    }

    /// The `measures` cell: known catalogue IDs, sorted and unique; at least one.
    private static func measures(
        _ row: KeyedTable.Row, known: Set<String>, ok: inout Bool, diagnostics: inout DiagnosticLog
    ) -> [String] {
        var ids: Set<String> = []
        for part in row["measures"].split(whereSeparator: { ";, ".contains($0) }) {
            let id = part.trimmingWhitespace().uppercased()
            if known.contains(id) {
                ids.insert(id)
            } else {
                diagnostics.error(
                    "scenario.unknown-measure", "unknown measure \(Diagnostic.quoted(String(part))); it is not in measures.csv",
                    at: row.location("measures"))
                ok = false
            }
        }
        if row["measures"].trimmingWhitespace().isEmpty {
            diagnostics.error("scenario.no-measures", "measures is empty; name catalogue IDs such as M06", at: row.location("measures"))
            ok = false
        }
        return ids.sorted()
    }

    /// True when the selector picks at least one flow and every flow ID it names exists.
    private static func selects(
        _ selector: FlowSelector, flowIDs: Set<String>, flows: [Flow], row: KeyedTable.Row, diagnostics: inout DiagnosticLog
    ) -> Bool {
        if case .flows(let ids) = selector {
            let unknown = ids.filter { !flowIDs.contains($0) }
            for id in unknown {
                diagnostics.error(
                    "scenario.unknown-flow", "flow \(Diagnostic.quoted(id)) is not in flows.csv", at: row.location("flows"))
            }
            if !unknown.isEmpty { return false }
        }
        guard flows.contains(where: selector.matches) else {
            diagnostics.error(
                "scenario.no-match", "selector \(Diagnostic.quoted(row["flows"])) matches no flow", at: row.location("flows"))
            return false
        }
        return true
    }
}
