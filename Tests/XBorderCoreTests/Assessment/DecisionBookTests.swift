import Testing
import XBorderCore

/// decisions.csv: the most specific pattern wins, an expired acceptance re-opens, overdue work
/// is flagged, incomplete acceptances are rejected and unused decisions are warned about.
@Suite("Decision book")
struct DecisionBookTests {
    static let header = "finding_id,decision,measures,owner,due_date,justification,decided_by,decided_on,expires_on"
    static let asOf = CalendarDate("2026-09-30")!

    /// A book from data rows (the header is added), with the diagnostics it produced.
    func book(_ rows: [String]) -> (DecisionBook, DiagnosticLog) {
        var diagnostics = DiagnosticLog()
        let table = makeKeyedTable(
            ([Self.header] + rows).joined(separator: "\n") + "\n", path: "decisions.csv",
            required: ["finding_id", "decision", "owner", "due_date", "justification", "expires_on"],
            diagnostics: &diagnostics)
        return (DecisionBook(table: table, diagnostics: &diagnostics), diagnostics)
    }

    static let wildcardRows = [
        "*:GOV,open,,Risk office,,,,,",
        "F1:*,in_progress,M03,IT,,,,,",
        "F1:GOV,mitigated,M06;M07,IT,,Keys held by us,K. Tanaka,2026-09-02,",
    ]

    @Test(
        "The most specific pattern wins whatever the row order",
        arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func specificity(order: [Int]) throws {
        var (decisions, diagnostics) = book(order.map { Self.wildcardRows[$0] })
        #expect(diagnostics.all.isEmpty)
        let state = decisions.state(for: "F1", risk: .governmentAccess, asOf: Self.asOf)
        let exact = try #require(state)
        #expect(exact.status == .mitigated)
        #expect(exact.decision.measures == ["M06", "M07"])
        #expect(decisions.state(for: "F1", risk: .localization, asOf: Self.asOf)?.status == .inProgress)
        #expect(decisions.state(for: "F2", risk: .governmentAccess, asOf: Self.asOf)?.status == .open)
        #expect(decisions.state(for: "F2", risk: .localization, asOf: Self.asOf) == nil)
    }

    @Test("An acceptance past its expiry re-opens the finding")
    func expiredAcceptance() throws {
        let row = "F1:GOV,accepted,,CFO,,Public-sector customer only,Board,2025-12-01,2026-06-30"
        var (decisions, diagnostics) = book([row])
        #expect(diagnostics.all.isEmpty)
        let afterExpiry = decisions.state(for: "F1", risk: .governmentAccess, asOf: Self.asOf)
        let expired = try #require(afterExpiry)
        #expect(expired.status == .open)
        #expect(expired.expired)
        #expect(expired.decision.status == .accepted)

        // On the expiry date itself the acceptance still holds.
        let onExpiry = decisions.state(for: "F1", risk: .governmentAccess, asOf: CalendarDate("2026-06-30")!)
        let current = try #require(onExpiry)
        #expect(current.status == .accepted)
        #expect(!current.expired)
    }

    @Test(
        "Open and in-progress decisions past their due date are overdue",
        arguments: [
            ("open", "2026-09-01", true), ("in_progress", "2026-09-29", true), ("in_progress", "2026-09-30", false),
            ("open", "2026-10-31", false), ("mitigated", "2026-09-01", false), ("open", "", false),
        ])
    func overdue(status: String, due: String, overdue: Bool) throws {
        var (decisions, diagnostics) = book(["F1:LOC,\(status),,Legal,\(due),,,,"])
        #expect(diagnostics.all.isEmpty)
        let found = decisions.state(for: "F1", risk: .localization, asOf: Self.asOf)
        let state = try #require(found)
        #expect(state.overdue == overdue)
    }

    @Test(
        "An acceptance without owner, justification or expiry is an error and is not applied",
        arguments: [
            ("F1:GOV,accepted,,,,Low value,Board,2026-01-10,2027-01-10", "owner"),
            ("F1:GOV,accepted,,CFO,,,Board,2026-01-10,2027-01-10", "justification"),
            ("F1:GOV,accepted,,CFO,,Low value,Board,2026-01-10,", "expires_on"),
        ])
    func incompleteAcceptance(row: String, missing: String) throws {
        var (decisions, diagnostics) = book([row])
        let diagnostic = try #require(diagnostics.all.first)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == "decision.incomplete-acceptance")
        #expect(diagnostic.message.contains(missing))
        #expect(diagnostic.location?.line == 2)
        #expect(decisions.decisions.isEmpty)
        #expect(decisions.state(for: "F1", risk: .governmentAccess, asOf: Self.asOf) == nil)
    }

    @Test("A decision that matches no finding is a warning")
    func unmatchedDecision() throws {
        var (decisions, diagnostics) = book([
            "F1:GOV,open,,IT,,,,,",
            "F9:LOC,in_progress,,Legal,,,,,",
        ])
        #expect(decisions.state(for: "F1", risk: .governmentAccess, asOf: Self.asOf) != nil)
        decisions.unmatched(diagnostics: &diagnostics)
        let diagnostic = try #require(diagnostics.all.first)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == "decision.unmatched")
        #expect(diagnostic.message.contains("'F9:LOC'"))
        #expect(diagnostic.location?.line == 3)
    }
}
