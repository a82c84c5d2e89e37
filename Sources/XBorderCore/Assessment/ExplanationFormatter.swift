import Foundation

/// Words a finding's explanation: which jurisdictions and laws, which data attributes and which
/// controls produced each number. Phrases come from a message catalogue (`why_*` keys) so the
/// report can explain in its own language; companions always use `MessageCatalog.explanations`,
/// the built-in English.
package struct ExplanationFormatter: Sendable {
    let messages: MessageCatalog
    let reference: ReferenceData
    let exposures: ExposureIndex
    let countryName: @Sendable (Country) -> String

    /// Creates a formatter.
    package init(
        messages: MessageCatalog, reference: ReferenceData, exposures: ExposureIndex,
        countryName: @escaping @Sendable (Country) -> String = { $0.name }
    ) {
        self.messages = messages
        self.reference = reference
        self.exposures = exposures
        self.countryName = countryName
    }

    /// One sentence per step: likelihood, the laws behind it, impact, controls, residual.
    package func lines(for finding: Finding) -> [String] {
        var lines = [likelihoodSentence(level: finding.inherent.likelihood, reasons: finding.likelihoodReasons)]
        for index in finding.exposureIndices {
            let e = exposures[index]
            lines.append(
                messages.format(
                    "why_law",
                    [
                        "jurisdiction": e.jurisdiction, "law": e.law, "level": String(e.level), "scope": e.scope.description,
                        "source": e.source, "reviewed": e.reviewedOn,
                    ]))
        }
        lines.append(impactSentence(level: finding.inherent.impact, reasons: finding.impactReasons))
        lines.append(controlsSentence(finding.controls))
        lines.append(residualSentence(inherent: finding.inherent, residual: finding.residual, band: finding.residualBand))
        return lines
    }

    /// "Likelihood 3 (Possible): …." — the inherent likelihood and why.
    package func likelihoodSentence(level: Int, reasons: [Reason], phrase: ((Reason) -> String)? = nil) -> String {
        messages.format(
            "why_likelihood",
            [
                "level": String(level), "label": reference.scales.likelihood[level - 1].label,
                "reasons": reasons.map { phrase?($0) ?? self.phrase($0) }.joined(separator: "; "),
            ])
    }

    /// "Impact 4 (Major): …." — the inherent impact and why.
    package func impactSentence(level: Int, reasons: [Reason], phrase: ((Reason) -> String)? = nil) -> String {
        messages.format(
            "why_impact",
            [
                "level": String(level), "label": reference.scales.impact[level - 1].label,
                "reasons": reasons.map { phrase?($0) ?? self.phrase($0) }.joined(separator: "; "),
            ])
    }

    /// The controls in place and what each changed.
    package func controlsSentence(_ controls: [Finding.AppliedControl]) -> String {
        guard !controls.isEmpty else { return messages["why_no_controls"] }
        let list = controls.map { control -> String in
            let key =
                switch (control.likelihood, control.impact) {
                case (0, 0): "why_control_no_effect"
                case (_, 0): "why_control_likelihood"
                case (0, _): "why_control_impact"
                default: "why_control"
                }
            return messages.format(key, ["id": control.measureID, "l": String(control.likelihood), "i": String(control.impact)])
        }.joined(separator: "; ")
        return messages.format("why_controls", ["list": list])
    }

    /// "Residual 3 × 4 = 12 (High), from inherent 12."
    package func residualSentence(inherent: Finding.Rating, residual: Finding.Rating, band: Band) -> String {
        messages.format(
            "why_residual",
            [
                "l": String(residual.likelihood), "i": String(residual.impact),
                "score": String(residual.score), "band": messages["band_\(band.rawValue)"],
                "inherent": String(inherent.score),
            ])
    }

    /// The text of one reason.
    package func phrase(_ reason: Reason) -> String {
        switch reason {
        case .exposureLevel(let country, let role, let level, let scoped):
            messages.format(
                scoped ? "why_exposure_scoped" : "why_exposure",
                ["country": countryName(country), "code": country.code, "role": messages["role_\(role.rawValue)"], "level": String(level)])
        case .recipient(let r): messages.format("why_recipient", ["recipient": messages[r.catalogueKey]])
        case .mechanism(let m): messages.format("why_mechanism", ["mechanism": m.map { messages[$0.catalogueKey] } ?? messages["why_unknown_mechanism"]])
        case .foreignProvider(let c): messages.format("why_foreign_provider", ["country": countryName(c), "code": c.code])
        case .confidentiality(let c): messages.format("why_confidentiality", ["class": messages[c.catalogueKey]])
        case .criticality(let c): messages.format("why_criticality", ["criticality": messages[c.catalogueKey]])
        case .importantData: messages["why_important_data"]
        case .exportControlled: messages["why_export_controlled"]
        case .personalData: messages["why_personal_data"]
        case .continuousFlow: messages["why_continuous"]
        }
    }
}

extension MessageCatalog {
    /// Built-in English wording of explanations and enumeration labels: used for the companions
    /// (findings.csv/json speak English whatever the report language) and as the fallback of
    /// every report catalogue.
    package static let explanations = MessageCatalog(
        locale: "en",
        messages: [
            "why_likelihood": "Likelihood {level} ({label}): {reasons}.",
            "why_law": "{jurisdiction} — {law} (level {level}, applies to {scope}; source {source}, reviewed {reviewed}).",
            "why_impact": "Impact {level} ({label}): {reasons}.",
            "why_no_controls": "No control in place lowers this risk.",
            "why_controls": "Controls in place: {list}.",
            "why_control": "{id} lowers likelihood by {l} and impact by {i}",
            "why_control_no_effect": "{id} (no effect on the score)",
            "why_control_likelihood": "{id} lowers likelihood by {l}",
            "why_control_impact": "{id} lowers impact by {i}",
            "why_residual": "Residual {l} × {i} = {score} ({band}), from inherent {inherent}.",
            "why_exposure": "{country} ({code}) as {role}, regime level {level}",
            "why_exposure_scoped": "{country} ({code}) as {role}, regime level {level} that targets this kind of data",
            "why_recipient": "recipient is a {recipient}",
            "why_mechanism": "transferred by {mechanism}",
            "why_unknown_mechanism": "an unrecorded channel",
            "why_foreign_provider": "provider controlled from a third jurisdiction, {country} ({code})",
            "why_confidentiality": "confidentiality '{class}'",
            "why_criticality": "business criticality '{criticality}'",
            "why_important_data": "important/core data under a local law (+1)",
            "why_export_controlled": "export-controlled data (+1)",
            "why_personal_data": "identified personal data (at least 3)",
            "why_continuous": "continuous flow of high-criticality data (+1)",
            "role_origin": "origin", "role_destination": "destination", "role_storage": "storage location",
            "role_access": "remote-access location", "role_provider": "provider's home jurisdiction",
            "band_Low": "Low", "band_Medium": "Medium", "band_High": "High", "band_Critical": "Critical",
        ]
            .merging(Self.englishEnumerationLabels, uniquingKeysWith: { a, _ in a }))

    /// `category_supply_chain` → "supply chain", and so on for every enumeration.
    static let englishEnumerationLabels: [String: String] = {
        var labels: [String: String] = [:]
        func add<E: InventoryEnumeration>(_: E.Type) {
            for value in E.allCases { labels[value.catalogueKey] = value.rawValue.replacingOccurrences(of: "_", with: " ") }
        }
        add(DataCategory.self)
        add(PersonalData.self)
        add(Confidentiality.self)
        add(Criticality.self)
        add(RecipientType.self)
        add(Frequency.self)
        add(Mechanism.self)
        add(DecisionStatus.self)
        return labels
    }()

    /// This catalogue with `fallback`'s entries for keys it lacks.
    package func withFallback(_ fallback: MessageCatalog) -> MessageCatalog {
        MessageCatalog(locale: locale, messages: messages.merging(fallback.messages, uniquingKeysWith: { mine, _ in mine }))
    }
}
