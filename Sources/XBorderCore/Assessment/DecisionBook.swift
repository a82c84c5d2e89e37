/// Reads decisions.csv and matches decisions to findings: the most specific pattern wins
/// (`F0042:GOV` over `F0042:*` over `*:GOV`), an expired acceptance re-opens its finding, and
/// a decision that matches nothing is a warning.
package struct DecisionBook: Sendable {
    /// Valid decisions in file order.
    package var decisions: [Decision]
    private var used: [Bool]

    /// Parses the table; invalid rows are errors and are not applied.
    package init(table: KeyedTable, diagnostics: inout DiagnosticLog) {
        var decisions: [Decision] = []
        for row in table.rows {
            let parts = row["finding_id"].split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else {
                diagnostics.error(
                    "decision.finding-id", "finding_id \(Diagnostic.quoted(row["finding_id"])) is not FLOW:RISK (wildcards: F0042:*, *:GOV)",
                    at: row.location("finding_id"))
                continue
            }
            let risk = parts[1] == "*" ? nil : RiskType(rawValue: parts[1].uppercased())
            if parts[1] != "*" && risk == nil {
                diagnostics.error(
                    "decision.risk", "unknown risk \(Diagnostic.quoted(parts[1])) in finding_id", at: row.location("finding_id"))
                continue
            }
            guard let status = DecisionStatus(rawValue: row["decision"].lowercased()) else {
                diagnostics.error(
                    "decision.status",
                    "decision \(Diagnostic.quoted(row["decision"])) is not one of open, in_progress, mitigated, accepted, not_applicable",
                    at: row.location("decision"))
                continue
            }
            var dates: [String: CalendarDate?] = [:]
            var badDate = false
            for column in ["due_date", "decided_on", "expires_on"] {
                let text = row[column]
                if text.isEmpty {
                    dates[column] = .some(nil)
                } else if let date = CalendarDate(text) {
                    dates[column] = date
                } else {
                    diagnostics.error("decision.date", "\(column) \(Diagnostic.quoted(text)) is not a date (YYYY-MM-DD)", at: row.location(column))
                    badDate = true
                }
            }
            if badDate { continue }
            let decision = Decision(
                flowPattern: parts[0], risk: risk, status: status,
                measures: row["measures"].split(whereSeparator: { ";, ".contains($0) }).map { $0.uppercased() },
                owner: row["owner"], dueDate: dates["due_date"] ?? nil, justification: row["justification"],
                decidedBy: row["decided_by"], decidedOn: dates["decided_on"] ?? nil, expiresOn: dates["expires_on"] ?? nil,
                location: row.location)
            if status == .accepted {
                var missing: [String] = []
                if decision.owner.isEmpty { missing.append("owner") }
                if decision.justification.isEmpty { missing.append("justification") }
                if decision.expiresOn == nil { missing.append("expires_on") }
                if !missing.isEmpty {
                    diagnostics.error(
                        "decision.incomplete-acceptance",
                        "acceptance of '\(row["finding_id"])' needs \(missing.joined(separator: ", ")); the decision is not applied",
                        at: row.location("decision"))
                    continue
                }
            }
            decisions.append(decision)
        }
        self.decisions = decisions
        self.used = Array(repeating: false, count: decisions.count)
    }

    /// An empty book (no decisions.csv).
    package init() {
        decisions = []
        used = []
    }

    /// The decision state for a finding on `asOf`, marking every matching decision as used.
    package mutating func state(for flowID: String, risk: RiskType, asOf: CalendarDate) -> DecisionState? {
        let result = lookup(flowID: flowID, risk: risk, asOf: asOf)
        markUsed(result.matched)
        return result.state
    }

    /// The decision state for a finding and every decision that matched it (a wildcard that a
    /// more specific decision overrides still matched), without changing the book.
    package func lookup(flowID: String, risk: RiskType, asOf: CalendarDate) -> (state: DecisionState?, matched: [Int]) {
        guard !decisions.isEmpty else { return (nil, []) }
        var best: Int?
        var matched: [Int] = []
        for (i, decision) in decisions.enumerated() where decision.matches(flowID: flowID, risk: risk) {
            matched.append(i)
            if best == nil || decision.specificity > decisions[best!].specificity { best = i }
        }
        guard let i = best else { return (nil, matched) }
        let decision = decisions[i]
        var status = decision.status
        var expired = false
        if status == .accepted, let expiry = decision.expiresOn, expiry < asOf {
            status = .open
            expired = true
        }
        let overdue = (status == .open || status == .inProgress) && (decision.dueDate.map { $0 < asOf } ?? false)
        return (DecisionState(status: status, decision: decision, overdue: overdue, expired: expired), matched)
    }

    /// Records decisions as matched (for the unmatched-decision warnings).
    package mutating func markUsed(_ indices: some Sequence<Int>) {
        for i in indices { used[i] = true }
    }

    /// Warnings for decisions that matched no finding.
    package func unmatched(diagnostics: inout DiagnosticLog) {
        for (i, decision) in decisions.enumerated() where !used[i] {
            let id = "\(decision.flowPattern):\(decision.risk?.rawValue ?? "*")"
            var diagnostic = Diagnostic(
                .warning, code: "decision.unmatched", "decision for '\(id)' matches no finding of this period",
                at: decision.location)
            diagnostic.arguments = ["finding": id]
            diagnostics.emit(diagnostic)
        }
    }
}
