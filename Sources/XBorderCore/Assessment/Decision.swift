/// The status of a carried decision (README, "`decisions.csv`").
package enum DecisionStatus: String, Sendable, CaseIterable, Comparable, InventoryEnumeration {
    case open, inProgress = "in_progress", mitigated, accepted, notApplicable = "not_applicable"
    package static let catalogueKey = "decision"
}

/// One row of decisions.csv.
package struct Decision: Sendable {
    /// Flow ID or `*`.
    package var flowPattern: String
    /// Risk or nil for `*`.
    package var risk: RiskType?
    /// Declared status.
    package var status: DecisionStatus
    /// Measures decided on.
    package var measures: [String]
    /// Owner.
    package var owner: String
    /// Due date.
    package var dueDate: CalendarDate?
    /// Justification (required for acceptance).
    package var justification: String
    /// Who decided.
    package var decidedBy: String
    /// When.
    package var decidedOn: CalendarDate?
    /// Expiry (required for acceptance).
    package var expiresOn: CalendarDate?
    /// Where the row is.
    package var location: SourceLocation

    /// Creates a decision (decisions.csv rows are read by `DecisionBook`).
    package init(
        flowPattern: String, risk: RiskType?, status: DecisionStatus, measures: [String], owner: String,
        dueDate: CalendarDate?, justification: String, decidedBy: String, decidedOn: CalendarDate?,
        expiresOn: CalendarDate?, location: SourceLocation
    ) {
        self.flowPattern = flowPattern
        self.risk = risk
        self.status = status
        self.measures = measures
        self.owner = owner
        self.dueDate = dueDate
        self.justification = justification
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.expiresOn = expiresOn
        self.location = location
    }

    /// How specific the pattern is: exact finding 3, whole flow 2, whole risk 1, everything 0.
    package var specificity: Int { (flowPattern == "*" ? 0 : 2) + (risk == nil ? 0 : 1) }

    /// True when the decision covers the finding.
    package func matches(flowID: String, risk: RiskType) -> Bool {
        (flowPattern == "*" || flowPattern == flowID) && (self.risk == nil || self.risk == risk)
    }
}

/// A decision as it stands for one finding on the as-of date.
package struct DecisionState: Sendable {
    /// The status in effect (an expired acceptance is `open`).
    package var status: DecisionStatus
    /// The decision applied.
    package var decision: Decision
    /// Open or in progress past its due date.
    package var overdue: Bool
    /// An acceptance past its expiry (re-opened).
    package var expired: Bool

    /// Creates a state.
    package init(status: DecisionStatus, decision: Decision, overdue: Bool, expired: Bool) {
        self.status = status
        self.decision = decision
        self.overdue = overdue
        self.expired = expired
    }
}
