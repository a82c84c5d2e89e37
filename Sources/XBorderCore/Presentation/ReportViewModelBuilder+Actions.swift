extension ReportViewModelBuilder {
    func step3() -> ViewNode {
        let a = context.aggregate
        let measures = context.reference.measuresByID
        let recommended: [ViewNode] = a.recommendedCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { id, count in
            [
                "id": .safe(id),
                "title": .safe(measures[id]?.title(locale: t.locale) ?? ""),
                "risks": .text(measures[id]?.risks.map(\.rawValue).joined(separator: ", ") ?? ""),
                "findings": number(count),
                "highOrCritical": number(a.recommendedHighCounts[id, default: 0]),
            ]
        }
        let actions = actionRows(a.decided)
        let accepted: [ViewNode] = a.accepted.map { f in
            let d = f.decision!.decision
            let soon = d.expiresOn.map { expiry in
                let limit = CalendarDate(year: context.asOf.year + (context.asOf.month > 9 ? 1 : 0),
                                         month: (context.asOf.month + 2) % 12 + 1, day: 1) ?? context.asOf
                return expiry < limit
            } ?? false
            return [
                "findingId": .safe(f.id),
                "anchor": .text(Self.anchor(f.id)),
                "hasDetail": .flag(detailed.contains(f.id)),
                "band": .text(bandLabel(f.residualBand)),
                "bandClass": .text(bandClass(f.residualBand)),
                "justification": .safe(d.justification),
                "owner": .safe(d.owner),
                "decidedBy": .safe(d.decidedBy),
                "decidedOn": .text(date(d.decidedOn)),
                "expiresOn": .text(date(d.expiresOn)),
                "expiresSoon": .flag(soon),
            ]
        }
        let open = a.statusCounts[.open, default: 0]
        let inProgress = a.statusCounts[.inProgress, default: 0]
        return [
            "hasMeasures": .flag(!recommended.isEmpty),
            "measures": .list(recommended),
            "hasActions": .flag(!actions.isEmpty),
            "actions": .list(actions),
            "actionsSummary": .text(
                t.format(
                    "fmt_actions_summary",
                    [
                        "count": Self.grouped(a.decidedCount), "open": Self.grouped(open),
                        "inProgress": Self.grouped(inProgress), "overdue": Self.grouped(a.overdueCount),
                    ])),
            "actionsTruncated": .flag(a.decidedCount - a.acceptedCount > a.decided.count),
            "actionsNote": .text(
                truncation(shown: a.decided.count, total: a.decidedCount - a.acceptedCount, file: "findings.csv")),
            "overdueCount": number(a.overdueCount),
            "hasAccepted": .flag(!accepted.isEmpty),
            "accepted": .list(accepted),
        ]
    }

    func quality() -> ViewNode {
        let shownLimit = 200
        let all = context.diagnostics
        let shown = all.prefix(shownLimit).map { d -> ViewNode in
            [
                "location": .safe(d.location?.description ?? ""),
                "severity": .text(t["severity_\(d.severity.rawValue)"]),
                "severityClass": .text("sev-\(d.severity.rawValue)"),
                "code": .text(d.code),
                "message": .safe(d.message(in: t)),
            ]
        }
        let inventory = context.inventory
        return [
            "rowsRead": number(inventory.rowsRead),
            "rowsAssessed": number(inventory.flows.count),
            "rowsRejected": number(inventory.rejected.count),
            "errors": number(all.filter { $0.severity == .error }.count),
            "warnings": number(all.filter { $0.severity == .warning }.count),
            "notes": number(all.filter { $0.severity == .note }.count),
            "hasDiagnostics": .flag(!all.isEmpty),
            "assumed": .list(
                AssumedDefaults.all.compactMap { (flag, key) -> ViewNode? in
                    let n = context.aggregate.assumedCounts[flag.rawValue.trailingZeroBitCount]
                    guard n > 0 else { return nil }
                    return [
                        "column": .text(t["assumed_\(key)"]), "count": number(n),
                        "share": .text(String(n * 100 / max(1, context.inventory.flows.count))),
                    ]
                }),
            "hasAssumed": .flag(AssumedDefaults.all.contains { context.aggregate.assumedCounts[$0.0.rawValue.trailingZeroBitCount] > 0 }),
            "diagnostics": .list(Array(shown)),
            "diagnosticsTruncated": .flag(all.count > shown.count),
            "diagnosticsNote": .text(truncation(shown: shown.count, total: all.count, file: "diagnostics.txt")),
        ]
    }

    /// `UTF-8, comma, LF` in the report language: the delimiter and line-end words from the
    /// catalogue (`format_<word>`), the encoding name as it is.
    func formatText(_ format: String) -> String {
        format.split(separator: ",").map { raw in
            let part = raw.trimmingWhitespace()
            let key = "format_" + String(part.lowercased().map { $0 == " " ? "_" : $0 })
            return t.messages[key] ?? part
        }.joined(separator: t["list_separator"])
    }

    func appendix() -> ViewNode {
        let scales = context.reference.scales
        func levels(_ list: [Scales.Level]) -> ViewNode {
            .list(
                list.map {
                    [
                        "value": .text(String($0.level)), "label": .safe($0.label(locale: t.locale)),
                        "description": .safe($0.description(locale: t.locale)),
                    ]
                })
        }
        func files(_ list: [ReportContext.FileInfo]) -> ViewNode {
            .list(list.map {
                ["path": .safe($0.path), "rows": number($0.rows), "encoding": .text(formatText($0.format)), "sha256": .text($0.sha256)]
            })
        }
        let options = context.recordedOptions.map { "--\($0.0.replacingUnderscores()) \($0.1)" }.joined(separator: " ")
        return [
            "matrixSize": .text("\(scales.size) × \(scales.size)"),
            "likelihoodScale": levels(scales.likelihood),
            "hasCalibration": .flag(!scales.calibration.rules.isEmpty),
            "calibration": .list(
                scales.calibration.rules.map {
                    [
                        "kind": .text(t["calibration_\($0.kind)"]), "key": .text($0.key), "value": .text(String($0.value)),
                        "description": .safe($0.description(locale: t.locale)),
                    ]
                }),
            "impactScale": levels(scales.impact),
            "bands": .list(
                scales.bands.reversed().map {
                    [
                        "key": .text($0.band.rawValue), "band": .text(bandLabel($0.band)), "bandClass": .text($0.band.cssClass),
                        "range": .text("\($0.min)–\($0.max)"),
                    ]
                }),
            "hasReferenceFiles": .flag(!context.referenceFiles.isEmpty),
            "referenceFiles": files(context.referenceFiles),
            "hasInputFiles": .flag(!context.inputFiles.isEmpty),
            "inputFiles": files(context.inputFiles),
            "runOptions": .safe("xborder run \(context.period) --as-of \(context.asOf) \(options)"),
        ]
    }
}

extension String {
    /// `top_n` → `top-n`.
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

extension ReportViewModelBuilder {
    /// Regulatory watch: dated reference rows (effective_on) for touched jurisdictions, from 18
    /// months before to 24 months after the as-of date, oldest first.
    func watch() -> ViewNode {
        let asOf = context.asOf
        let from = CalendarDate(year: asOf.year - 2, month: asOf.month, day: 1).map { d -> CalendarDate in
            let months = d.year * 12 + d.month - 1 + 6
            return CalendarDate(year: months / 12, month: months % 12 + 1, day: 1) ?? d
        } ?? asOf
        let until = CalendarDate(year: asOf.year + 2, month: asOf.month, day: min(asOf.day, 28)) ?? asOf
        let countries = Set(context.aggregate.countryFlows.keys)
        let items: [ViewNode] = context.reference.exposures.filter { e in
            guard e.level > 0, let date = CalendarDate(e.effectiveOn), date >= from, date <= until else { return false }
            if let country = Country(code: e.jurisdiction) { return countries.contains(country) }
            return context.reference.groups[e.jurisdiction].map { !$0.isDisjoint(with: countries) } ?? false
        }.sorted { ($0.effectiveOn, $0.jurisdiction, $0.index) < ($1.effectiveOn, $1.jurisdiction, $1.index) }.map { e in
            let date = CalendarDate(e.effectiveOn)!
            return [
                "date": .text(self.date(date)),
                "jurisdiction": .text(e.jurisdiction),
                "jurisdictionName": .text(Country(code: e.jurisdiction).map(context.countryName) ?? e.jurisdiction),
                "riskShort": .text(riskShort(e.risk)),
                "law": .safe(e.law(locale: t.locale)),
                "summary": .safe(e.summary(locale: t.locale)),
                "source": .safe(e.source),
                "status": .text(date <= asOf ? t["watch_in_force"] : t["watch_upcoming"]),
                "upcoming": .flag(date > asOf),
            ]
        }
        return ["hasItems": .flag(!items.isEmpty), "items": .list(items)]
    }
}
