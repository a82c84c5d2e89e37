/// Stage 4: turns the run's aggregate into the view model the templates receive
/// (docs/VIEW_MODEL.md). Everything is sorted, bounded, formatted and localized here; the
/// templates only place it.
package struct ReportViewModelBuilder: Sendable {
    let context: ReportContext
    let t: MessageCatalog
    let formatter: ExplanationFormatter
    /// Findings shown in detail (their anchors exist in the document).
    let detailed: Set<String>
    /// What goes over the whole inventory, worked out once and shared by the builders of every
    /// edition (`sharingSummaries`).
    private var summariesMemo = Memo<ReportSummaries>()
    /// The view model without the two members that tell the documents apart, built once for
    /// both documents.
    private let body = Memo<[String: ViewNode]>()

    /// Creates a builder.
    package init(context: ReportContext) {
        self.context = context
        self.t = context.messages
        let ctx = context
        self.formatter = ExplanationFormatter(
            messages: context.messages, reference: context.reference, exposures: context.exposures,
            countryName: { ctx.countryName($0) })
        self.detailed = Set(context.aggregate.top.map(\.finding.id))
    }

    /// The builders of one run's editions (one per language, same inventory and aggregate),
    /// sharing the first one's inventory-wide summaries so they are worked out once.
    package static func sharingSummaries(_ builders: [ReportViewModelBuilder]) -> [ReportViewModelBuilder] {
        guard let first = builders.first else { return builders }
        return builders.map { builder in
            var builder = builder
            builder.summariesMemo = first.summariesMemo
            return builder
        }
    }

    /// The inventory-wide counts and re-assessments, worked out on first use.
    var summaries: ReportSummaries { summariesMemo.value { ReportSummaries(context: context) } }

    /// The whole view model for one document. The HTML and XHTML documents differ only in
    /// `xhtml` and `svgPrefix`; the rest is built on the first call and reused.
    package func build(xhtml: Bool) -> ViewNode {
        var members = body.value { edition() }
        members["xhtml"] = .flag(xhtml)
        members["svgPrefix"] = .text(xhtml ? "svg:" : "")
        return .object(members)
    }

    /// Every member of the view model but `xhtml` and `svgPrefix`.
    private func edition() -> [String: ViewNode] {
        [
            "lang": .text(t.locale),
            "t": .object(t.messages.mapValues { .text($0) }),
            "meta": meta(),
            "show": .object(
                Dictionary(uniqueKeysWithValues: ReportSettings.optionalSections.map {
                    ($0, ViewNode.flag(!context.settings.hiddenSections.contains($0)))
                })),
            "brief": brief(),
            "summary": summary(),
            "step1": step1(),
            "step2": step2(),
            "step3": step3(),
            "scenarios": scenarios(),
            "watch": watch(),
            "changes": changes(),
            "quality": quality(),
            "appendix": appendix(),
        ]
    }

    // MARK: - Shared formatting

    /// `1,204`.
    func number(_ n: Int) -> ViewNode { .text(Self.grouped(n)) }

    /// Groups digits by thousands.
    static func grouped(_ n: Int) -> String { groupedDigits(n) }

    /// A date for display: ISO `2026-09-30` in English, `2026年9月30日` in Japanese.
    func date(_ value: CalendarDate?) -> String {
        guard let value else { return "" }
        return t.locale == "ja" ? "\(value.year)年\(value.month)月\(value.day)日" : value.description
    }

    /// A date cell from reference data (kept as written when it is not a date).
    func date(_ text: String) -> String { CalendarDate(text).map { date($0) } ?? text }

    func bandLabel(_ band: Band?) -> String { band.map { t["band_\($0.rawValue)"] } ?? t["band_none"] }
    func bandClass(_ band: Band?) -> String { band?.cssClass ?? "band-none" }
    func riskName(_ risk: RiskType) -> String { t["risk_\(risk.rawValue)"] }
    func riskShort(_ risk: RiskType) -> String { t["risk_\(risk.rawValue)_short"] }

    /// Anchor of a finding's detail block (`f-F0001-GOV`), made id-safe.
    static func anchor(_ findingID: String) -> String {
        "f-" + String(findingID.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    func flow(of finding: Finding) -> Flow { context.inventory.flows[finding.flowIndex] }

    func route(_ flow: Flow) -> String { "\(flow.origin.code) → \(flow.destination.code)" }

    /// The "Showing N of M" note.
    func truncation(shown: Int, total: Int, file: String) -> String {
        t.format("fmt_truncated", ["shown": Self.grouped(shown), "total": Self.grouped(total), "file": file])
    }

    /// Localized decision status.
    func statusLabel(_ state: DecisionState?) -> String {
        guard let state else { return t["decision_none"] }
        if state.expired, let expiry = state.decision.expiresOn {
            return "\(t[state.status.catalogueKey]) (\(t.format("fmt_acceptance_expired", ["date": date(expiry)])))"
        }
        return t[state.status.catalogueKey]
    }

    func statusClass(_ state: DecisionState?) -> String { "status-\(state?.status.rawValue ?? "none")" }

    /// One sentence in business language for a finding.
    func statement(_ finding: Finding) -> String {
        let flow = flow(of: finding)
        let jurisdictions = finding.jurisdictions.map(context.countryName).joined(separator: t["list_separator"])
        let recipient = flow.destinationEntity.isEmpty
            ? (flow.recipientType.map { t[$0.catalogueKey] } ?? context.countryName(flow.destination))
            : flow.destinationEntity
        return TextSanitizer.clean(
            t.format(
                "fmt_business_\(finding.risk.rawValue)",
                [
                    "asset": flow.asset, "origin": context.countryName(flow.origin), "route": route(flow),
                    "jurisdictions": jurisdictions.isEmpty ? context.countryName(flow.destination) : jurisdictions,
                    "recipient": recipient,
                ]))
    }

    // MARK: - Meta

    func meta() -> ViewNode {
        let s = context.settings
        let title = t["report_title"]
        let organization = s.text("organization", s.organization, locale: t.locale)
        let classification = s.text(
            "classification", s.classification.isEmpty ? t["classification_default"] : s.classification, locale: t.locale)
        return [
            "organization": .safe(organization),
            "reportTitle": .text(title),
            "documentTitle": .safe(
                t.format("fmt_document_title", ["organization": organization, "title": title, "period": context.period])),
            "printHeader": .text(Self.cssString("\(classification) · \(organization) · \(context.period)")),
            "period": .text(context.period),
            "asOf": .text(date(context.asOf)),
            "revision": .text(String(context.revision)),
            "hasSupersedes": .flag(context.supersedes != nil),
            "supersedes": .text(context.supersedes ?? ""),
            "scope": .safe(s.text("scope", s.scope.isEmpty ? s.organization : s.scope, locale: t.locale)),
            "classification": .safe(classification),
            "generator": .text("xborder \(XBorder.version)"),
            "signoff": .list(signoffRoles().map { ["role": .safe($0), "name": "", "date": ""] }),
        ]
    }

    /// Sign-off roles in the report language (the catalogue's preparer, reviewer, approver by default).
    func signoffRoles() -> [String] {
        let roles = context.settings.signoffRoles(locale: t.locale)
        return roles.isEmpty ? [t["signoff_role_preparer"], t["signoff_role_reviewer"], t["signoff_role_approver"]] : roles
    }

    /// `text` as the body of a CSS string (for the print header's `content`). The report's CSS
    /// may contain no escapes, so every character that could end the string, the style element
    /// or an XML entity, or that Mustache would escape, becomes its full-width or typographic
    /// look-alike; control characters are dropped. Nothing from a spreadsheet can leave the string.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in TextSanitizer.clean(text).unicodeScalars {
            switch scalar {
            case "\"": out += "\u{201D}"
            case "'": out += "\u{2019}"
            case "\\": out += "\u{FF3C}"
            case "<": out += "\u{2039}"
            case ">": out += "\u{203A}"
            case "&": out += "\u{FF06}"
            case "{", "}", "=", "`": out += " "
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: - Executive summary

    func summary() -> ViewNode {
        let a = context.aggregate
        let bands: [Band] = [.critical, .high, .medium, .low]
        let jurisdictions = a.countryFlows.count
        let headline: String
        if a.findingCount == 0 || (a.residualBands[.critical, default: 0] + a.residualBands[.high, default: 0]
            + a.residualBands[.medium, default: 0]) == 0
        {
            headline = t.format(
                "fmt_headline_none", ["flows": Self.grouped(context.inventory.flows.count), "jurisdictions": String(jurisdictions)])
        } else {
            headline = t.format(
                "fmt_headline",
                [
                    "critical": Self.grouped(a.residualBands[.critical, default: 0]),
                    "high": Self.grouped(a.residualBands[.high, default: 0]),
                    "flows": Self.grouped(context.inventory.flows.count), "jurisdictions": String(jurisdictions),
                    "overdue": Self.grouped(a.overdueCount),
                ])
        }
        let values: [ViewNode] = ProtectedValue.allCases.map { value in
            let risks = RiskType.allCases.filter { $0.value == value }
            var count = 0
            var highOrCritical = 0
            var worst: Band?
            for risk in risks {
                for (band, n) in a.riskBands[risk] ?? [:] where n > 0 {
                    count += n
                    if band >= .high { highOrCritical += n }
                    worst = max(worst ?? band, band)
                }
            }
            return [
                "key": .text(value.rawValue),
                "name": .text(t["value_\(value.rawValue)"]),
                "risks": .text(risks.map(riskShort).joined(separator: t["list_separator"])),
                "worstBand": .text(bandLabel(worst)),
                "worstBandClass": .text(bandClass(worst)),
                "findings": number(count),
                "statement": .text(
                    count == 0 ? t["fmt_value_statement_none"]
                        : t.format(
                            "fmt_value_statement",
                            ["count": Self.grouped(count), "highOrCritical": Self.grouped(highOrCritical)])),
            ]
        }
        let top = a.top.prefix(5).enumerated().map { (i, ranked) -> ViewNode in
            let f = ranked.finding
            let owner = f.decision?.decision.owner.isEmpty == false ? f.decision!.decision.owner : flow(of: f).owner
            return [
                "rank": .text(String(i + 1)),
                "findingId": .safe(f.id),
                "anchor": .text(Self.anchor(f.id)),
                "hasDetail": .flag(detailed.contains(f.id)),
                "statement": .text(statement(f)),
                "riskId": .text(f.risk.rawValue),
                "riskName": .text(riskName(f.risk)),
                "route": .text(route(flow(of: f))),
                "asset": .safe(flow(of: f).asset),
                "band": .text(bandLabel(f.residualBand)),
                "bandClass": .text(bandClass(f.residualBand)),
                "score": .text(String(f.residual.score)),
                "owner": .safe(owner.isEmpty ? t["value_unassigned"] : owner),
                "hasOwner": .flag(!owner.isEmpty),
                "status": .text(statusLabel(f.decision)),
                "statusClass": .text(statusClass(f.decision)),
                "overdue": .flag(f.decision?.overdue ?? false),
            ]
        }
        let due = actionRows(a.decided.filter { f in
            guard let d = f.decision, d.status == .open || d.status == .inProgress else { return false }
            return d.overdue || d.decision.dueDate != nil
        })
        let dueShown = Array(due.prefix(5))
        var node: [String: ViewNode] = [
            "headline": .text(headline),
            "bandCounts": .list(
                bands.map { band in
                    [
                        "key": .text(band.rawValue), "band": .text(bandLabel(band)), "bandClass": .text(band.cssClass),
                        "residual": number(a.residualBands[band, default: 0]),
                        "inherent": number(a.inherentBands[band, default: 0]),
                    ]
                }),
            "totalResidual": number(a.findingCount),
            "totalInherent": number(a.findingCount),
            "flowsAssessed": number(context.inventory.flows.count),
            "values": .list(values),
            "hasTopRisks": .flag(!top.isEmpty),
            "topRisks": .list(top),
            "hasActionsDue": .flag(!dueShown.isEmpty),
            "actionsDue": .list(dueShown),
            "actionsDueTruncated": .flag(due.count > dueShown.count),
            "actionsDueNote": .text(truncation(shown: dueShown.count, total: due.count, file: "findings.csv")),
        ]
        let change = changeSummary()
        node["hasChanges"] = .flag(change != nil)
        node["change"] = change ?? [:]
        return .object(node)
    }

    /// Rows of the action plan for decided findings.
    func actionRows(_ findings: [Finding]) -> [ViewNode] {
        findings.map { f in
            let d = f.decision!
            let measures = d.decision.measures.map { id in
                context.reference.measuresByID[id].map { "\(id) \($0.title(locale: t.locale))" } ?? id
            }.joined(separator: t["list_separator"])
            let owner = d.decision.owner.isEmpty ? flow(of: f).owner : d.decision.owner
            return [
                "findingId": .safe(f.id),
                "anchor": .text(Self.anchor(f.id)),
                "hasDetail": .flag(detailed.contains(f.id)),
                "riskName": .text(riskName(f.risk)),
                "route": .text(route(flow(of: f))),
                "measures": .safe(measures.isEmpty ? t["value_none_decided"] : measures),
                "owner": .safe(owner.isEmpty ? t["value_unassigned"] : owner),
                "dueDate": .text(d.decision.dueDate == nil ? t["value_no_date"] : date(d.decision.dueDate)),
                "status": .text(statusLabel(d)),
                "statusClass": .text(statusClass(d)),
                "overdue": .flag(d.overdue),
            ]
        }
    }
}
