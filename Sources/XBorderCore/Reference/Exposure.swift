/// One row of exposures.csv: what a jurisdiction's law means for one risk type and scope.
package struct Exposure: Sendable {
    /// Position in the loaded list (stable reference used by findings).
    package var index: Int
    /// `jurisdiction`: alpha-2 code or group name such as `EU`.
    package var jurisdiction: String
    /// `risk` (a governmental risk type).
    package var risk: RiskType
    /// `applies_to`.
    package var scope: Scope
    /// `level` 0–3.
    package var level: Int
    /// `law`.
    package var law: String
    /// `summary`.
    package var summary: String
    /// `source` URL.
    package var source: String
    /// `reviewed_on` (YYYY-MM-DD).
    package var reviewedOn: String
    /// `effective_on` (YYYY-MM-DD) or "".
    package var effectiveOn: String
    /// `confidence`: V verified, P partly, B background (unverified).
    package var confidence: String
    /// Where the row is.
    package var location: SourceLocation
}
