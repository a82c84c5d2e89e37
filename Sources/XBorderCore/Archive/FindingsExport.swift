/// Writes findings.csv and findings.json as findings stream past (PRODUCT §5, §7). English
/// tokens whatever the report language; lists `;`-separated; CSV cells formula-neutralized.
///
/// Sized for a million flows: findings.json cites exposure rows by ID and lists each cited row
/// once (in `exposures`, after the findings), and the CSV explanation leaves the law and source
/// to their own columns instead of repeating them.
package struct FindingsExport {
    /// The findings.csv columns, in contract order, then xborder's additions.
    package static let csvHeader = [
        "finding_id", "flow_id", "risk", "likelihood", "impact", "inherent_score", "inherent_band",
        "residual_likelihood", "residual_impact", "residual_score", "residual_band", "jurisdictions", "laws",
        "sources", "controls", "recommended_measures", "decision", "owner", "due_date", "explanation",
        "origin_country", "destination_country", "overdue", "data_asset",
    ]

    let formatter: ExplanationFormatter
    let exposures: ExposureIndex
    /// findings.csv rows so far (no header: see `csvHead`).
    package var csv = CSVWriter()
    /// findings.json array elements so far, comma-separated (no brackets: see `jsonHead`).
    package var json = JSONWriter(indent: 0, insideArray: true)
    /// Exposure rows cited so far.
    package private(set) var cited: Set<Int> = []
    private var memo: [ExplanationKey: String] = [:]
    /// Findings written.
    package private(set) var count = 0

    /// Starts an export (of one chunk of flows, or of all of them).
    package init(reference: ReferenceData, exposures: ExposureIndex) {
        self.exposures = exposures
        formatter = ExplanationFormatter(messages: .explanations, reference: reference, exposures: exposures)
    }

    /// The header row of findings.csv.
    package static var csvHead: [UInt8] {
        var header = CSVWriter(header: csvHeader)
        return header.drain()
    }

    /// The opening of findings.json, up to the findings array's first element.
    package static func jsonHead(period: String, asOf: CalendarDate) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.string(period, "period")
        w.string(asOf.description, "as_of")
        var bytes = w.drain()
        bytes += Array(",\"findings\":[".utf8)
        return bytes
    }

    /// The stable ID of an exposure row in findings.json (`exposures.csv:12`).
    static func exposureID(_ e: Exposure) -> String { "\(FileSystem.baseName(e.location.file)):\(e.location.line)" }

    /// Appends one finding to both documents.
    package mutating func add(_ finding: Finding, flow: Flow) {
        count += 1
        var text = explanationText(finding)
        if let state = finding.decision, state.expired, let expiry = state.decision.expiresOn {
            text += " Acceptance expired on \(expiry); the finding is open again."
        }
        let indices = finding.exposureIndices
        cited.formUnion(indices)
        let rows = indices.map { exposures[$0] }
        let laws = unique(rows.map { "\($0.jurisdiction): \($0.law)" })
        let sources = unique(rows.map(\.source))
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
            decision?.decision.dueDate?.description ?? "", text,
            flow.origin.code, flow.destination.code, decision?.overdue == true ? "yes" : "no", flow.asset,
        ])

        json.beginObject()
        json.string(finding.id, "finding_id")
        json.string(flow.id, "flow_id")
        json.string(finding.risk.rawValue, "risk")
        json.int(flow.location.line, "flows_csv_line")
        rating("inherent", finding.inherent, finding.inherentBand)
        rating("residual", finding.residual, finding.residualBand)
        json.beginArray("jurisdictions")
        for hit in finding.hits {
            json.beginObject()
            json.string(hit.country.code, "country")
            json.string(hit.role.rawValue, "role")
            json.int(hit.level, "level")
            json.bool(hit.scoped, "targets_this_data")
            json.strings(hit.exposures.map { Self.exposureID(exposures[$0]) }, "exposures")
            json.endObject()
        }
        json.endArray()
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
        json.beginObject("reasons")
        // Exposure levels are already under "jurisdictions"; the other reasons are listed here.
        json.strings(
            finding.likelihoodReasons.filter { if case .exposureLevel = $0 { false } else { true } }.map(Self.code),
            "likelihood")
        json.strings(finding.impactReasons.map(Self.code), "impact")
        json.endObject()
        json.endObject()
    }

    /// The explanation sentence of a finding, memoized: across a large inventory the same
    /// combination of reasons, controls and ratings recurs thousands of times.
    private mutating func explanationText(_ finding: Finding) -> String {
        let key = ExplanationKey(
            risk: finding.risk, inherent: finding.inherent, residual: finding.residual, band: finding.residualBand,
            likelihood: finding.likelihoodReasons, impact: finding.impactReasons, controls: finding.controls)
        if let text = memo[key] { return text }
        let text = formatter.summaryLines(for: finding).joined(separator: " ")
        if memo.count < 100_000 { memo[key] = text }
        return text
    }

    /// What an explanation sentence depends on.
    private struct ExplanationKey: Hashable {
        var risk: RiskType
        var inherent: Finding.Rating
        var residual: Finding.Rating
        var band: Band
        var likelihood: [Reason]
        var impact: [Reason]
        var controls: [Finding.AppliedControl]
    }

    /// A reason as a compact, stable code for findings.json (`exposure:JP:origin:2:targeted`,
    /// `confidentiality:secret`, `export_controlled` …); the sentence is in findings.csv.
    static func code(_ reason: Reason) -> String {
        switch reason {
        case .exposureLevel(let c, let role, let level, let scoped):
            "exposure:\(c.code):\(role.rawValue):\(level)\(scoped ? ":targeted" : "")"
        case .recipient(let r): "recipient:\(r.rawValue)"
        case .mechanism(let m): "mechanism:\(m?.rawValue ?? "unknown")"
        case .foreignProvider(let c): "foreign_provider:\(c.code)"
        case .confidentiality(let c): "confidentiality:\(c.rawValue)"
        case .criticality(let c): "criticality:\(c.rawValue)"
        case .importantData: "important_data"
        case .exportControlled: "export_controlled"
        case .personalData: "personal_data"
        case .continuousFlow: "continuous_flow"
        }
    }

    private mutating func rating(_ name: String, _ rating: Finding.Rating, _ band: Band) {
        json.beginObject(name)
        json.int(rating.likelihood, "likelihood")
        json.int(rating.impact, "impact")
        json.int(rating.score, "score")
        json.string(band.rawValue, "band")
        json.endObject()
    }

    /// The closing of findings.json: the end of the findings array and the table of every cited
    /// exposure row.
    package static func jsonTail(cited: Set<Int>, exposures: ExposureIndex) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.beginObject("exposures")
        for e in cited.sorted().map({ exposures[$0] }) {
            w.beginObject(exposureID(e))
            w.string(e.jurisdiction, "jurisdiction")
            w.string(e.risk.rawValue, "risk")
            w.string(e.scope.description, "applies_to")
            w.int(e.level, "level")
            w.string(e.law, "law")
            w.string(e.summary, "summary")
            w.string(e.source, "source")
            w.string(e.reviewedOn, "reviewed_on")
            w.string(e.confidence, "confidence")
            w.endObject()
        }
        w.endObject()
        w.endObject()
        // Drop the tail object's opening brace: its members continue the top-level object.
        return Array("],".utf8) + Array(w.finish().dropFirst())
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
