/// One countermeasure (打ち手) of measures.csv.
package struct Measure: Sendable {
    /// How a measure changes one risk's score.
    package struct Effect: Sendable, Hashable, CustomStringConvertible {
        /// Which factor it lowers.
        package enum Factor: String, Sendable { case likelihood = "L", impact = "I" }
        /// The risk type.
        package var risk: RiskType
        /// The factor.
        package var factor: Factor
        /// By how many steps.
        package var amount: Int
        /// `GOV:L-2`.
        package var description: String { "\(risk.rawValue):\(factor.rawValue)-\(amount)" }

        /// Parses `GOV:L-2`.
        package init?(_ text: String) {
            let parts = text.trimmingWhitespace().split(separator: ":")
            guard parts.count == 2, let risk = RiskType(rawValue: parts[0].uppercased()) else { return nil }
            let rest = parts[1].uppercased()
            guard let first = rest.first, let factor = Factor(rawValue: String(first)) else { return nil }
            let number = rest.dropFirst().trimmingWhitespace()
            guard number.hasPrefix("-"), let amount = Int(number.dropFirst()), (0...4).contains(amount) else { return nil }
            self.risk = risk
            self.factor = factor
            self.amount = amount
        }
    }

    /// `measure_id` such as `M06`.
    package var id: String
    /// `title`.
    package var title: String
    /// `title_ja`.
    package var titleJa: String = ""
    /// `risks` the measure addresses.
    package var risks: [RiskType]
    /// `effect` on scores.
    package var effects: [Effect]
    /// `applies_to`.
    package var scope: Scope
    /// `description`.
    package var description: String
    /// `description_ja`.
    package var descriptionJa: String = ""
    /// `source` URL.
    package var source: String
    /// Where the row is.
    package var location: SourceLocation

    /// The title in `locale` (`ja` uses `title_ja` when given).
    package func title(locale: String) -> String { locale == "ja" && !titleJa.isEmpty ? titleJa : title }

    /// The description in `locale` (`ja` uses `description_ja` when given).
    package func description(locale: String) -> String {
        locale == "ja" && !descriptionJa.isEmpty ? descriptionJa : description
    }

    /// Total reduction this measure gives `risk` on `factor`.
    package func reduction(of risk: RiskType, _ factor: Effect.Factor) -> Int {
        effects.lazy.filter { $0.risk == risk && $0.factor == factor }.reduce(0) { $0 + $1.amount }
    }
}
