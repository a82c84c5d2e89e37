extension Band {
    /// CSS class used by the templates.
    package var cssClass: String { "band-\(rawValue.lowercased())" }
}
