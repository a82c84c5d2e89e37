/// What one parse is for; decides the parser options and the DOCTYPE policy of the hooks.
enum ParseMode {
    /// Load the DTD through the local catalogue and validate; the DOCTYPE must carry this public id.
    case validate(expectedPublicID: String)
    /// Load the DTD without validating, to keep it for a later validation (`PreloadedDTD`).
    case preload(publicID: String)
    /// Check well-formedness only; the DOCTYPE must be exactly `<!DOCTYPE html>`.
    case wellFormed
    /// Parse for the structural checks; any DOCTYPE is accepted, entity declarations are not.
    case structure

    /// Whether this parse loads and validates against the external DTD.
    var loadsDTD: Bool {
        switch self {
        case .validate, .preload: true
        case .wellFormed, .structure: false
        }
    }

    /// Whether this parse validates (a preload only reads the DTD).
    var validates: Bool {
        if case .validate = self { return true }
        return false
    }

    /// The public id the DOCTYPE must carry, for the modes that load a DTD.
    var expectedPublicID: String? {
        switch self {
        case .validate(let id), .preload(let id): id
        case .wellFormed, .structure: nil
        }
    }
}
