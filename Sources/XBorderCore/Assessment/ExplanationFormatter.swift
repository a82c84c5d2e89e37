import Foundation

/// Words a finding's explanation: which jurisdictions and laws, which data attributes and which
/// controls produced each number. Every phrase comes from a message catalogue of the templates
/// (`why_*` keys): the report's own language for the report, `en.csv` for the companions — one
/// wording, never a second copy in code.
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
                        "jurisdiction": e.jurisdiction, "law": e.law(locale: messages.locale), "level": String(e.level),
                        "scope": scopeText(e.scope), "roles": e.roles.roles.map { messages["role_\($0.rawValue)"] }
                            .joined(separator: messages["list_separator"]),
                        "source": e.source, "reviewed": e.reviewedOn,
                    ]))
        }
        lines.append(impactSentence(level: finding.inherent.impact, reasons: finding.impactReasons))
        lines.append(controlsSentence(finding.controls, withheld: finding.withheld, unmetDuty: finding.unmetDuty))
        lines.append(residualSentence(inherent: finding.inherent, residual: finding.residual, band: finding.residualBand))
        return lines
    }

    /// "Likelihood 3 (Possible): …." — the inherent likelihood and why.
    package func likelihoodSentence(level: Int, reasons: [Reason], phrase: ((Reason) -> String)? = nil) -> String {
        messages.format(
            "why_likelihood",
            [
                "level": String(level), "label": reference.scales.likelihood[level - 1].label(locale: messages.locale),
                "reasons": reasons.map { phrase?($0) ?? self.phrase($0) }.joined(separator: messages["reason_separator"]),
            ])
    }

    /// "Impact 4 (Major): …." — the inherent impact and why.
    package func impactSentence(level: Int, reasons: [Reason], phrase: ((Reason) -> String)? = nil) -> String {
        messages.format(
            "why_impact",
            [
                "level": String(level), "label": reference.scales.impact[level - 1].label(locale: messages.locale),
                "reasons": reasons.map { phrase?($0) ?? self.phrase($0) }.joined(separator: messages["reason_separator"]),
            ])
    }

    /// The controls in place and what each changed, the listed controls that earn no credit
    /// because their decision is still open, and a binding duty not yet discharged.
    package func controlsSentence(_ controls: [Finding.AppliedControl], withheld: [String], unmetDuty: String) -> String {
        var text = controlsSentence(controls)
        if !withheld.isEmpty {
            text += " " + messages.format("why_withheld", ["list": withheld.joined(separator: ", ")])
        }
        if !unmetDuty.isEmpty { text += " " + messages.format("why_duty_unmet", ["id": unmetDuty]) }
        return text
    }

    /// "Acceptance expired on 2026-08-31; the finding is open again."
    package func acceptanceExpiredSentence(_ expiry: CalendarDate) -> String {
        messages.format("why_acceptance_expired", ["date": expiry.description])
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

    /// An `applies_to` scope in words: `important data`, `personal data + cloud provider`.
    package func scopeText(_ scope: Scope) -> String {
        guard !scope.terms.isEmpty else { return messages["scope_any"] }
        return scope.terms.map { term -> String in
            switch term {
            case .importantData: messages["scope_important_data"]
            case .exportControlled: messages["scope_export_controlled"]
            case .personal: messages["scope_personal"]
            case .nonPersonal: messages["scope_non_personal"]
            case .category(let c): messages[c.catalogueKey]
            case .recipient(let r): messages[r.catalogueKey]
            }
        }.joined(separator: messages["scope_separator"])
    }

    /// The text of one reason.
    package func phrase(_ reason: Reason) -> String {
        switch reason {
        case .exposureLevel(let country, let role, let level, let scoped, let duty):
            messages.format(
                !duty.isEmpty ? "why_exposure_duty" : scoped ? "why_exposure_scoped" : "why_exposure",
                [
                    "country": countryName(country), "code": country.code, "role": messages["role_\(role.rawValue)"],
                    "level": String(level), "id": duty,
                ])
        case .recipient(let r): messages.format("why_recipient", ["recipient": messages[r.catalogueKey]])
        case .received(let r): messages.format("why_received", ["source": messages[r.catalogueKey]])
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
    /// Labels of the enumeration tokens (`category_supply_chain` → "supply chain"): the last
    /// fallback of every catalogue, derived from the contract tokens rather than written twice.
    package static let tokenLabels = MessageCatalog(locale: "en", messages: englishEnumerationLabels)

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
