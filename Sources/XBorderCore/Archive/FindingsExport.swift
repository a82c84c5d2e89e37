/// Writes findings.csv and findings.json as findings stream past (PRODUCT §5, §7). English
/// tokens whatever the report language; lists `;`-separated; CSV cells formula-neutralized.
package struct FindingsExport {
    /// The findings.csv columns, in contract order, then xborder's additions.
    package static let csvHeader = [
        "finding_id", "flow_id", "risk", "likelihood", "impact", "inherent_score", "inherent_band",
        "residual_likelihood", "residual_impact", "residual_score", "residual_band", "jurisdictions", "laws",
        "sources", "controls", "recommended_measures", "decision", "owner", "due_date", "explanation",
        "data_asset", "origin_country", "destination_country", "overdue",
    ]

    let formatter: ExplanationFormatter
    let reference: ReferenceData
    let exposures: ExposureIndex
    /// findings.csv so far.
    package var csv = CSVWriter(header: FindingsExport.csvHeader)
    /// findings.json so far.
    package var json = JSONWriter(indent: 1)

    /// Starts both documents.
    package init(reference: ReferenceData, exposures: ExposureIndex, period: String, asOf: CalendarDate) {
        self.reference = reference
        self.exposures = exposures
        formatter = ExplanationFormatter(messages: .explanations, reference: reference, exposures: exposures)
        json.beginObject()
        json.string(period, "period")
        json.string(asOf.description, "as_of")
        json.beginArray("findings")
    }

    /// Appends one finding to both documents.
    package mutating func add(_ finding: Finding, flow: Flow) {
        var explanation = formatter.lines(for: finding)
        if let state = finding.decision, state.expired, let expiry = state.decision.expiresOn {
            explanation.append("Acceptance expired on \(expiry); the finding is open again.")
        }
        let cited = finding.exposureIndices.map { exposures[$0] }
        let laws = unique(cited.map { "\($0.jurisdiction): \($0.law)" })
        let sources = unique(cited.map(\.source))
        let decision = finding.decision
        let owner = decision.map { $0.decision.owner.isEmpty ? flow.owner : $0.decision.owner } ?? flow.owner
        csv.row([
            finding.id, flow.id, finding.risk.rawValue,
            String(finding.inherent.likelihood), String(finding.inherent.impact), String(finding.inherent.score),
            finding.inherentBand.rawValue,
            String(finding.residual.likelihood), String(finding.residual.impact), String(finding.residual.score),
            finding.residualBand.rawValue,
            finding.jurisdictions.map(\.code).joined(separator: ";"), laws.joined(separator: ";"),
            sources.joined(separator: ";"), finding.controls.map(\.measureID).joined(separator: ";"),
            finding.recommended.joined(separator: ";"), decision?.status.rawValue ?? "", owner,
            decision?.decision.dueDate?.description ?? "", explanation.joined(separator: " "),
            flow.asset, flow.origin.code, flow.destination.code, decision?.overdue == true ? "yes" : "no",
        ])

        json.beginObject()
        json.string(finding.id, "finding_id")
        json.string(flow.id, "flow_id")
        json.string(finding.risk.rawValue, "risk")
        json.string(finding.risk.value.rawValue, "value")
        json.beginObject("flow")
        json.string(flow.asset, "data_asset")
        json.string(flow.category.rawValue, "data_category")
        json.string(flow.personalData.rawValue, "personal_data")
        json.string(flow.confidentiality.rawValue, "confidentiality")
        json.bool(flow.importantData, "important_data")
        json.bool(flow.exportControlled, "export_controlled")
        json.string(flow.criticality.rawValue, "criticality")
        json.string(flow.origin.code, "origin_country")
        json.string(flow.destination.code, "destination_country")
        json.string(flow.recipientType?.rawValue ?? "", "recipient_type")
        json.string(flow.providerCountry?.code ?? "", "provider_country")
        json.strings(flow.storageCountries.map(\.code), "storage_countries")
        json.strings(flow.access.map(\.code), "access_countries")
        json.string(flow.owner, "owner")
        json.string(flow.location.description, "source")
        json.endObject()
        rating("inherent", finding.inherent, finding.inherentBand)
        rating("residual", finding.residual, finding.residualBand)
        json.beginArray("jurisdictions")
        for hit in finding.hits {
            json.beginObject()
            json.string(hit.country.code, "country")
            json.string(hit.role.rawValue, "role")
            json.int(hit.level, "level")
            json.bool(hit.scoped, "targets_this_data")
            json.beginArray("exposures")
            for e in hit.exposures.map({ exposures[$0] }) {
                json.beginObject()
                json.string(e.jurisdiction, "jurisdiction")
                json.string(e.risk.rawValue, "risk")
                json.string(e.scope.description, "applies_to")
                json.int(e.level, "level")
                json.string(e.law, "law")
                json.string(e.summary, "summary")
                json.string(e.source, "source")
                json.string(e.reviewedOn, "reviewed_on")
                json.string(e.confidence, "confidence")
                json.string(e.location.description, "reference_row")
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.strings(finding.likelihoodReasons.map(formatter.phrase), "likelihood_reasons")
        json.strings(finding.impactReasons.map(formatter.phrase), "impact_reasons")
        json.beginArray("controls")
        for control in finding.controls {
            json.beginObject()
            json.string(control.measureID, "measure_id")
            json.int(control.likelihood, "likelihood_reduction")
            json.int(control.impact, "impact_reduction")
            json.endObject()
        }
        json.endArray()
        json.strings(finding.recommended, "recommended_measures")
        if let decision {
            json.beginObject("decision")
            json.string(decision.status.rawValue, "status")
            json.string(decision.decision.status.rawValue, "declared")
            json.string(decision.decision.owner, "owner")
            json.string(decision.decision.dueDate?.description ?? "", "due_date")
            json.string(decision.decision.expiresOn?.description ?? "", "expires_on")
            json.strings(decision.decision.measures, "measures")
            json.string(decision.decision.justification, "justification")
            json.bool(decision.overdue, "overdue")
            json.bool(decision.expired, "acceptance_expired")
            json.string(decision.decision.location.description, "source")
            json.endObject()
        } else {
            json.null("decision")
        }
        json.strings(explanation, "explanation")
        json.endObject()
    }

    private mutating func rating(_ name: String, _ rating: Finding.Rating, _ band: Band) {
        json.beginObject(name)
        json.int(rating.likelihood, "likelihood")
        json.int(rating.impact, "impact")
        json.int(rating.score, "score")
        json.string(band.rawValue, "band")
        json.endObject()
    }

    /// Closes findings.json.
    package mutating func finish() -> [UInt8] {
        json.endArray()
        json.endObject()
        return json.finish()
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
