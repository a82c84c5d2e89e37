/// How exposure levels and data attributes become likelihood and impact (scales.csv rows of kind
/// `likelihood_rule` and `impact_rule`, `key,value,description`): the organization's documented
/// risk criteria, shown in the report's method appendix. Keys a file leaves out keep the
/// defaults below, which follow this reading of likelihood: the top of the likelihood scale only for a binding
/// duty the flow breaches now, a power to compel access at most "Likely".
package struct Calibration: Sendable {
    /// One documented rule.
    package struct Rule: Sendable {
        /// `likelihood_rule` or `impact_rule`.
        package var kind: String
        /// Key such as `targeted_3`.
        package var key: String
        /// The value (a scale level, or a step for `+` rules).
        package var value: Int
        /// Why.
        package var description: String
        /// Why, in Japanese.
        package var descriptionJa = ""

        /// The reason in `locale`.
        package func description(locale: String) -> String {
            locale == "ja" && !descriptionJa.isEmpty ? descriptionJa : description
        }
    }

    /// Rule keys and their defaults, in the order the appendix lists them.
    package static let likelihoodDefaults: [(String, Int)] = [
        ("general_1", 2), ("general_2", 3), ("general_3", 4),
        ("targeted_1", 2), ("targeted_2", 3), ("targeted_3", 4),
        ("binding_duty", 5), ("cap_GOV", 4), ("cap_LOC", 5), ("cap_DIS", 4),
    ]
    /// Impact rule keys and their defaults.
    package static let impactDefaults: [(String, Int)] = [
        ("confidentiality_public", 1), ("confidentiality_internal", 2), ("confidentiality_confidential", 3),
        ("confidentiality_secret", 4), ("legal_weight", 1), ("personal_floor", 3),
        ("criticality_low", 2), ("criticality_medium", 3), ("criticality_high", 4), ("continuous_high", 1),
    ]

    /// The rules read from scales.csv, in file order.
    package var rules: [Rule]
    private var values: [String: Int]
    /// The impact values the assessment reads for every finding, looked up once here rather than
    /// by a string key each time (that was 4 % of `check`).
    private var confidentialityImpacts: [Int] = []
    private var criticalityImpacts: [Int] = []
    /// `legal_weight`: added for important or export-controlled data.
    package private(set) var legalWeight = 0
    /// `personal_floor`: the least impact of identified personal data.
    package private(set) var personalFloor = 0
    /// `continuous_high`: added for a continuous flow of high criticality.
    package private(set) var continuousHigh = 0

    /// Calibration from `rules`; keys they do not set keep their defaults.
    package init(rules: [Rule] = []) {
        self.rules = rules
        var values = Dictionary(uniqueKeysWithValues: Self.likelihoodDefaults + Self.impactDefaults)
        for rule in rules { values[rule.key] = rule.value }
        self.values = values
        confidentialityImpacts = Confidentiality.allCases.map { values["confidentiality_\($0.rawValue)"] ?? 0 }
        criticalityImpacts = Criticality.allCases.map { values["criticality_\($0.rawValue)"] ?? 0 }
        legalWeight = values["legal_weight"] ?? 0
        personalFloor = values["personal_floor"] ?? 0
        continuousHigh = values["continuous_high"] ?? 0
    }

    /// The value of `key` (its default when the file leaves it out).
    package subscript(_ key: String) -> Int { values[key] ?? 0 }

    /// Likelihood of a regime of `level` (1–3) that targets this data or not; a binding duty of
    /// level 2 or 3 (an approval the law requires) gives `binding_duty`. Capped per risk type.
    package func likelihood(level: Int, targeted: Bool, duty: Bool, risk: RiskType) -> Int {
        let base =
            duty && level >= 2
            ? self["binding_duty"] : self["\(targeted ? "targeted" : "general")_\(min(max(level, 1), 3))"]
        return min(base, values["cap_\(risk.rawValue)"] ?? base)
    }

    /// Impact of a confidentiality class.
    package func impact(_ confidentiality: Confidentiality) -> Int {
        switch confidentiality {
        case .public: confidentialityImpacts[0]
        case .internal: confidentialityImpacts[1]
        case .confidential: confidentialityImpacts[2]
        case .secret: confidentialityImpacts[3]
        }
    }

    /// Impact of a business criticality.
    package func impact(_ criticality: Criticality) -> Int {
        switch criticality {
        case .low: criticalityImpacts[0]
        case .medium: criticalityImpacts[1]
        case .high: criticalityImpacts[2]
        }
    }

    /// True for a key this version reads.
    static func isKnown(_ key: String) -> Bool {
        likelihoodDefaults.contains { $0.0 == key } || impactDefaults.contains { $0.0 == key }
    }
}
