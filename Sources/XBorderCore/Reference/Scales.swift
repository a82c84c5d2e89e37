/// Likelihood and impact scales and the bands (scales.csv): an organization's risk criteria.
package struct Scales: Sendable {
    /// A named band of scores. Names are the contract tokens `Low`, `Medium`, `High`, `Critical`.
    package struct BandRange: Sendable {
        /// The band.
        package var band: Band
        /// Label from scales.csv.
        package var label: String
        /// Lowest score in the band.
        package var min: Int
        /// Highest score in the band.
        package var max: Int
        /// What the band asks of management.
        package var description: String
    }

    /// A level of the likelihood or impact scale.
    package struct Level: Sendable {
        /// 1-based level.
        package var level: Int
        /// Label such as `Likely`.
        package var label: String
        /// Meaning.
        package var description: String
        /// `label_ja` and `description_ja` (the Japanese report's wording).
        package var labelJa = ""
        package var descriptionJa = ""

        /// The label in `locale`.
        package func label(locale: String) -> String { locale == "ja" && !labelJa.isEmpty ? labelJa : label }
        /// The meaning in `locale`.
        package func description(locale: String) -> String {
            locale == "ja" && !descriptionJa.isEmpty ? descriptionJa : description
        }
    }

    /// Likelihood levels 1…n.
    package var likelihood: [Level]
    /// Impact levels 1…n.
    package var impact: [Level]
    /// Bands in ascending order.
    package var bands: [BandRange]
    /// How levels and attributes become likelihood and impact.
    package var calibration = Calibration()

    /// Size of the matrix (levels on each axis).
    package var size: Int { likelihood.count }

    /// The band of a score.
    package func band(for score: Int) -> Band {
        for range in bands where score >= range.min && score <= range.max { return range.band }
        return score < (bands.first?.min ?? 1) ? .low : .critical
    }

    /// Clamps a level into the scale.
    package func clamp(_ level: Int) -> Int { Swift.min(Swift.max(level, 1), size) }
}

/// Risk bands, from a likelihood × impact score through the thresholds of scales.csv.
package enum Band: String, Sendable, CaseIterable, Comparable, Codable {
    case low = "Low", medium = "Medium", high = "High", critical = "Critical"

    package static func < (lhs: Band, rhs: Band) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Position in `allCases` (Low 0 … Critical 3), for comparisons and tables indexed by band.
    package var ordinal: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }
}
