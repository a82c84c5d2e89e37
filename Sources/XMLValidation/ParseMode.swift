/// What one parse is for; decides the parser options and the DOCTYPE policy of the hooks.
enum ParseMode {
    /// Load the DTD through the local catalogue and validate; the DOCTYPE must carry this public id.
    case validate(expectedPublicID: String)
    /// Check well-formedness only; the DOCTYPE must be exactly `<!DOCTYPE html>`.
    case wellFormed
    /// Parse for the structural checks; any DOCTYPE is accepted, entity declarations are not.
    case structure

    /// Whether this parse loads and validates against the external DTD.
    var loadsDTD: Bool {
        if case .validate = self { return true }
        return false
    }
}
