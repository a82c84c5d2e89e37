/// The slow-changing, sourced knowledge the assessment uses (`Inputs/reference/`; README, "Inputs", and Inputs/README.md).
package struct ReferenceData: Sendable {
    /// exposures.csv rows.
    package var exposures: [Exposure]
    /// groups.csv: group name → member countries.
    package var groups: [String: Set<Country>]
    /// measures.csv, sorted by ID.
    package var measures: [Measure]
    /// scales.csv.
    package var scales: Scales

    /// Measures by ID.
    package var measuresByID: [String: Measure] {
        Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The groups a country belongs to, sorted.
    package func groups(of country: Country) -> [String] {
        groups.filter { $0.value.contains(country) }.map(\.key).sorted()
    }
}
