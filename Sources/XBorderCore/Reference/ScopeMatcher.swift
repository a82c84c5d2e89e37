/// A `Scope` compiled to plain values for the assessment's inner loops: matching it reads no
/// array and touches no reference count, so threads assessing different flows never contend
/// on the shared reference data.
package struct ScopeMatcher: Sendable {
    private var importantData = false
    private var exportControlled = false
    private var personal = false
    private var nonPersonal = false
    private var category: DataCategory?
    private var recipient: RecipientType?
    /// Two different categories (or recipients) can never both hold.
    private var impossible = false

    /// Compiles `scope`.
    package init(_ scope: Scope) {
        for term in scope.terms {
            switch term {
            case .importantData: importantData = true
            case .exportControlled: exportControlled = true
            case .personal: personal = true
            case .nonPersonal: nonPersonal = true
            case .category(let c):
                if let category, category != c { impossible = true }
                category = c
            case .recipient(let r):
                if let recipient, recipient != r { impossible = true }
                recipient = r
            }
        }
    }

    /// Same answer as `Scope.matches(_:)`.
    package func matches(_ flow: Flow) -> Bool {
        if impossible { return false }
        if importantData && !flow.importantData { return false }
        if exportControlled && !flow.exportControlled { return false }
        if personal || nonPersonal {
            let hasPersonal = flow.hasPersonalData
            if personal && !hasPersonal { return false }
            if nonPersonal && hasPersonal { return false }
        }
        if let category, flow.category != category { return false }
        if let recipient, flow.recipientType != recipient { return false }
        return true
    }
}
