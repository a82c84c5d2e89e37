/// The `applies_to` column of exposures.csv and measures.csv: which flows a row concerns.
///
/// Grammar: terms joined with `+`, all of which must hold. Terms: `any`, `important_data`,
/// `export_controlled`, `personal` (identified or pseudonymized personal data), `non_personal`,
/// `category=<data_category>`, `recipient=<recipient_type>`.
package struct Scope: Sendable, Hashable, CustomStringConvertible {
    /// One condition.
    package enum Term: Sendable, Hashable {
        case importantData, exportControlled, personal, nonPersonal
        case category(DataCategory)
        case recipient(RecipientType)
    }

    /// The conditions (empty means `any`).
    package var terms: [Term]
    /// The text as written.
    package var description: String

    /// True when the scope is `any` (applies to every flow).
    package var isGeneral: Bool { terms.isEmpty }

    /// Parses `text`; returns the offending term when it is not understood.
    package static func parse(_ text: String) -> Result<Scope, ScopeError> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.lowercased() == "any" { return .success(Scope(terms: [], description: "any")) }
        var terms: [Term] = []
        for raw in trimmed.split(separator: "+") {
            let term = raw.trimmingWhitespace().lowercased()
            if term == "any" { continue }
            if term == "important_data" {
                terms.append(.importantData)
            } else if term == "export_controlled" {
                terms.append(.exportControlled)
            } else if term == "personal" {
                terms.append(.personal)
            } else if term == "non_personal" {
                terms.append(.nonPersonal)
            } else if term.hasPrefix("category="), let c = DataCategory(rawValue: String(term.dropFirst(9))) {
                terms.append(.category(c))
            } else if term.hasPrefix("recipient="), let r = RecipientType(rawValue: String(term.dropFirst(10))) {
                terms.append(.recipient(r))
            } else {
                return .failure(ScopeError(term: term))
            }
        }
        return .success(Scope(terms: terms, description: terms.isEmpty ? "any" : trimmed))
    }

    /// True when every term holds for `flow`.
    package func matches(_ flow: Flow) -> Bool {
        terms.allSatisfy { term in
            switch term {
            case .importantData: flow.importantData
            case .exportControlled: flow.exportControlled
            case .personal: flow.hasPersonalData
            case .nonPersonal: !flow.hasPersonalData
            case .category(let c): flow.category == c
            case .recipient(let r): flow.recipientType == r
            }
        }
    }
}

/// An `applies_to` term that is not part of the grammar.
package struct ScopeError: Error, Sendable {
    /// The term.
    package var term: String
}
