/// Which jurisdictions the inventory touches that the reference data does not cover
/// (Inputs/README.md): a jurisdiction a flow touches in a way a government risk looks at, with no
/// exposures.csv row for that risk, is *not assessed* for it — a warning names it and the flows
/// affected, and the report says so; it is never shown as level 0, i.e. safe.
package struct Coverage: Sendable {
    /// A jurisdiction without rows for some risk types.
    package struct Gap: Sendable {
        /// The jurisdiction.
        package var country: Country
        /// The risk types it is not assessed for, in contract order.
        package var risks: [RiskType]
        /// Flows affected.
        package var flowCount: Int
        /// The first few of them, in flow order.
        package var sampleFlowIDs: [String]
        /// The first affected flow's row.
        package var location: SourceLocation
    }

    /// Flow IDs named per gap.
    static let sampleSize = 5

    /// Jurisdictions the inventory touches, sorted.
    package private(set) var touched: [Country] = []
    /// Gaps, by country.
    package private(set) var gaps: [Gap] = []

    /// Jurisdictions touched and assessed for every risk type they are touched for.
    package var assessedCount: Int { touched.count - gaps.count }

    /// Checks every flow against `exposures`.
    package init(flows: [Flow], exposures: ExposureIndex) {
        var touched = Set<Country>()
        var gaps: [Country: Gap] = [:]
        for flow in flows {
            let leaves = flow.leavesOrigin
            for (country, _) in ExposureRating.touches(flow) {
                touched.insert(country)
                guard leaves else { continue }
                var missing: [RiskType] = []
                for risk in [RiskType.localization, .governmentAccess, .disclosure] where !exposures.covers(country, risk) {
                    let relevant =
                        switch risk {
                        case .localization: !ExposureRating.onward(from: country, in: flow).isEmpty
                        case .governmentAccess: country != flow.origin
                        default: true
                        }
                    if relevant { missing.append(risk) }
                }
                guard !missing.isEmpty else { continue }
                var gap = gaps[country] ?? Gap(country: country, risks: [], flowCount: 0, sampleFlowIDs: [], location: flow.location)
                for risk in missing where !gap.risks.contains(risk) { gap.risks.append(risk) }
                gap.flowCount += 1
                if gap.sampleFlowIDs.count < Self.sampleSize { gap.sampleFlowIDs.append(flow.id) }
                gaps[country] = gap
            }
        }
        self.touched = touched.sorted()
        self.gaps = gaps.values.map { gap in
            var gap = gap
            gap.risks.sort()
            return gap
        }.sorted { $0.country < $1.country }
    }

    /// One warning per jurisdiction not assessed, naming the risk types and the flows.
    package func report(into log: inout DiagnosticLog) {
        for gap in gaps {
            let risks = gap.risks.map(\.rawValue).joined(separator: ", ")
            let more = gap.flowCount > gap.sampleFlowIDs.count ? ", …" : ""
            var diagnostic = Diagnostic(
                .warning, code: "reference.not-assessed",
                "\(gap.country.name) (\(gap.country.code)) has no exposures.csv rows for \(risks): \(gap.flowCount) flow\(gap.flowCount == 1 ? " is" : "s are") not assessed for \(gap.risks.count == 1 ? "it" : "them") there (\(gap.sampleFlowIDs.joined(separator: ", "))\(more)); add reviewed rows (level 0 if no law applies)",
                at: gap.location)
            diagnostic.arguments = [
                "country": gap.country.code, "risks": risks, "count": String(gap.flowCount),
                "flows": gap.sampleFlowIDs.joined(separator: ", ") + more,
            ]
            log.emit(diagnostic)
        }
    }
}
