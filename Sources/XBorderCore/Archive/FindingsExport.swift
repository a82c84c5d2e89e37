/// Writes findings.csv and findings.json as findings stream past (PRODUCT §5, §7). English
/// tokens whatever the report language; lists `;`-separated; CSV cells formula-neutralized.
///
/// Sized for a million flows: findings.json cites exposure rows by ID and lists each cited row
/// once (in `exposures`, after the findings), and the CSV explanation leaves the law and source
/// to their own columns instead of repeating them.
package struct FindingsExport: FindingSink {
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
    package private(set) var csv: [UInt8] = []
    /// findings.json array elements so far, comma-separated (no brackets: see `jsonHead`).
    package private(set) var json: [UInt8] = []
    /// Exposure rows cited by the parts this export built (see `add(_:flow:cache:)`).
    package private(set) var cited: Set<Int> = []
    /// Jurisdictions (countries) cited by the findings and parts this export built.
    package private(set) var citedJurisdictions: Set<Country> = []
    /// Findings written.
    package private(set) var count = 0
    /// Entries of findings.json's `assessments` table that this export's findings cite (ID,
    /// entry), each once, in the order first cited.
    package private(set) var assessments: [(id: UInt64, entry: [UInt8])] = []
    /// The IDs in `assessments`.
    private var builtIDs: Set<UInt64> = []
    /// The assessment entry being put together.
    private var scratch: [UInt8] = []
    /// The assessment part of a finding being put together (see `buildPart`).
    private var scratchPart = FragmentCache.FindingPart()
    /// How paths are shown (relative to the project folder, never absolute); as given when nil.
    package var layout: InputsLayout?
    /// The parts that recur across findings, for `add(_:findings:)` (see `FragmentCache`).
    package var cache = FragmentCache()

    /// Starts an export (of one chunk of flows, or of all of them) worded from `messages`, the
    /// English catalogue of the templates (the report's own wording).
    package init(reference: ReferenceData, exposures: ExposureIndex, messages: MessageCatalog) {
        self.exposures = exposures
        formatter = ExplanationFormatter(messages: messages, reference: reference, exposures: exposures)
    }

    /// Starts an export that writes into `buffers` (taken, emptied, their capacity kept): a
    /// chunk's megabytes then reuse memory that an earlier chunk already touched.
    package init(
        reference: ReferenceData, exposures: ExposureIndex, messages: MessageCatalog,
        buffers: inout (csv: [UInt8], json: [UInt8])
    ) {
        self.init(reference: reference, exposures: exposures, messages: messages)
        swap(&csv, &buffers.csv)
        swap(&json, &buffers.json)
        csv.removeAll(keepingCapacity: true)
        json.removeAll(keepingCapacity: true)
    }

    /// Takes the bytes written so far, leaving the export empty.
    package mutating func drain() -> (csv: [UInt8], json: [UInt8]) {
        defer {
            csv = []
            json = []
        }
        return (csv, json)
    }

    /// The header row of findings.csv.
    package static var csvHead: [UInt8] {
        var header = CSVWriter(header: csvHeader)
        return header.drain()
    }

    /// The version of findings.json's structure (docs/findings.schema.json, docs/FINDINGS_JSON.md).
    package static let schemaVersion = 3

    /// The opening of findings.json, up to the findings array's first element.
    package static func jsonHead(period: String, asOf: CalendarDate) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.int(schemaVersion, "schema_version")
        w.beginObject("tool")
        w.string("xborder", "name")
        w.string(XBorder.version, "version")
        w.endObject()
        w.string(period, "period")
        w.string(asOf.description, "as_of")
        var bytes = w.drain()
        bytes += Array(",\"findings\":[".utf8)
        return bytes
    }

    /// The stable ID of an exposure row in findings.json (`exposures.csv:12`).
    static func exposureID(_ e: Exposure) -> String { "\(FileSystem.baseName(e.location.file)):\(e.location.line)" }

    /// Appends the flow's findings to both documents, with the export's `cache`.
    package mutating func add(_ flow: Flow, findings: [Finding]) {
        guard !findings.isEmpty else { return }
        // Taken out while in use, so that passing it `inout` does not overlap `self`.
        var cache = FragmentCache()
        swap(&cache, &self.cache)
        // By index, not `for … in`, which copies each finding (a retain per array it holds).
        for i in findings.indices { add(findings[i], flow: flow, cache: &cache) }
        swap(&cache, &self.cache)
    }

    /// Appends one finding to both documents, with a cache of its own.
    package mutating func add(_ finding: Finding, flow: Flow) {
        var cache = FragmentCache()
        add(finding, flow: flow, cache: &cache)
    }

    /// Appends one finding to both documents. What depends on the assessment alone (ratings,
    /// jurisdictions with their laws, controls, recommendations, the explanation and the
    /// assessment ID) comes from `cache`, built once per distinct assessment (`FindingKey`);
    /// only the finding's identity, its flow's columns and its decision are written afresh.
    /// Exposure rows, jurisdictions and assessment entries are recorded (`cited`,
    /// `citedJurisdictions`, `assessments`) when a part citing them is built, so the union over
    /// every export sharing a cache is complete.
    package mutating func add(_ finding: Finding, flow: Flow, cache: inout FragmentCache) {
        count += 1
        let key = FragmentCache.FindingKey(finding)
        let part: FragmentCache.FindingPart
        if let known = cache.findings[key] {
            part = known
        } else {
            // Built in reused buffers; kept (copied to size) only when the assessment recurs:
            // most distinct assessments occur once, and caching those would cost more than
            // it saves.
            var built = FragmentCache.FindingPart()
            swap(&built, &scratchPart)
            buildPart(finding, key: key, into: &built, cache: &cache)
            if cache.admit(key) {
                part = built.copied()
                cache.findings[key] = part
            } else {
                part = built
            }
            swap(&built, &scratchPart)
        }
        let risk = finding.risk.rawValue
        let decision = finding.decision

        if !flowCells.holds(flow, index: finding.flowIndex) {
            flowCells.fill(flow, index: finding.flowIndex)
            citedJurisdictions.insert(flow.origin)
            citedJurisdictions.insert(flow.destination)
        }
        // The flow's cells and the part's bytes are appended from their buffers as borrowed: a
        // slice or `append(contentsOf:)` of an array retains and releases its buffer, several
        // times per finding (docs/PERFORMANCE.md, ninth round).
        // findings.csv
        if flowCells.plainID {
            csv.appendBytes(flowCells.bytes, flowCells.id)
            csv.append(UInt8(ascii: ":"))
            csv.append(contentsOf: risk.utf8)
            csv.append(UInt8(ascii: ","))
            csv.appendBytes(flowCells.bytes, flowCells.id)
        } else {
            CSVWriter.appendCell(finding.id, to: &csv)
            csv.append(UInt8(ascii: ","))
            CSVWriter.appendCell(flow.id, to: &csv)
        }
        csv.appendBytes(part.csv)
        if let decision {
            let owner = decision.decision.owner.isEmpty ? flow.owner : decision.decision.owner
            CSVWriter.appendCell(decision.status.rawValue, to: &csv)
            csv.append(UInt8(ascii: ","))
            CSVWriter.appendCell(owner, to: &csv)
            csv.append(UInt8(ascii: ","))
            CSVWriter.appendCell(decision.decision.dueDate?.description ?? "", to: &csv)
            csv.append(UInt8(ascii: ","))
            if decision.expired, let expiry = decision.decision.expiresOn {
                let text = part.sentences.map(\.text).joined(separator: " ")
                CSVWriter.appendCell(text + " " + formatter.acceptanceExpiredSentence(expiry), to: &csv)
            } else {
                csv.appendBytes(part.explanation)
            }
        } else {
            csv.append(UInt8(ascii: ","))
            csv.appendBytes(flowCells.bytes, flowCells.owner)
            csv.append(contentsOf: ",,".utf8)
            csv.appendBytes(part.explanation)
        }
        csv.appendBytes(flowCells.bytes, flowCells.countries)
        // String literals, not shared arrays: both workers retaining one array contend for it.
        csv.append(contentsOf: (decision?.overdue == true ? ",yes," : ",no,").utf8)
        csv.appendBytes(flowCells.bytes, flowCells.asset)
        csv.append(contentsOf: "\r\n".utf8)

        // findings.json (the ID's risk suffix needs no escaping, so the flow ID's escaped form is
        // reused for both members)
        if count > 1 { json.append(UInt8(ascii: ",")) }
        json.append(contentsOf: #"{"finding_id":""#.utf8)
        json.appendBytes(flowCells.bytes, flowCells.jsonID)
        json.append(UInt8(ascii: ":"))
        json.append(contentsOf: risk.utf8)
        json.append(contentsOf: #"","flow_id":""#.utf8)
        json.appendBytes(flowCells.bytes, flowCells.jsonID)
        json.append(contentsOf: #"","risk":""#.utf8)
        json.append(contentsOf: risk.utf8)
        json.append(contentsOf: #"","flows_csv_line":"#.utf8)
        json.appendBytes(flowCells.bytes, flowCells.line)
        json.appendBytes(flowCells.bytes, flowCells.countriesJSON)
        json.appendBytes(part.json)
        if let decision {
            var w = JSONWriter(indent: 0)
            w.beginObject()
            w.string(decision.status.rawValue, "status")
            w.string(decision.decision.status.rawValue, "declared")
            w.string(decision.decision.owner, "owner")
            w.string(decision.decision.dueDate?.description ?? "", "due_date")
            w.string(decision.decision.expiresOn?.description ?? "", "expires_on")
            w.strings(decision.decision.measures, "measures")
            w.string(decision.decision.justification, "justification")
            w.bool(decision.overdue, "overdue")
            w.bool(decision.expired, "acceptance_expired")
            w.string((layout?.display(decision.decision.location) ?? decision.decision.location).description, "source")
            w.endObject()
            json.append(contentsOf: w.drain())
        } else {
            json.append(contentsOf: "null".utf8)
        }
        json.append(UInt8(ascii: "}"))
    }

    /// The bytes of a finding that depend on its assessment alone, put together in `part`'s
    /// buffers (emptied first) from the parts cached per rating pair, set of hits, reasons,
    /// controls and recommendations.
    private mutating func buildPart(
        _ finding: Finding, key: FragmentCache.FindingKey, into part: inout FragmentCache.FindingPart,
        cache: inout FragmentCache
    ) {
        let risk = finding.risk.rawValue
        let ratings = ratingsPart(finding, cache: &cache)
        let hits = hitsPart(finding, key: key.hits, cache: &cache)
        let likelihood = reasonsPart(key.likelihood, likelihood: true, cache: &cache)
        let impact = reasonsPart(key.impact, likelihood: false, cache: &cache)
        let controls = controlsPart(key.controls, cache: &cache)
        let recommended = recommendedPart(key.recommended, cache: &cache)

        // `,risk,likelihood,…,recommended_measures,` (the cells between flow_id and decision)
        part.csv.removeAll(keepingCapacity: true)
        part.csv.append(UInt8(ascii: ","))
        part.csv.append(contentsOf: risk.utf8)
        part.csv.append(contentsOf: ratings.csv)
        part.csv.append(contentsOf: hits.csv)
        part.csv.append(contentsOf: controls.csv)
        part.csv.append(contentsOf: recommended.csv)
        part.csv.append(UInt8(ascii: ","))
        part.sentences = [likelihood.sentence, impact.sentence, controls.sentence, ratings.sentence]
        part.explanation.removeAll(keepingCapacity: true)
        Sentence.appendCell(joining: part.sentences, to: &part.explanation)
        // `,"assessment":"<id>","decision":`
        part.json.removeAll(keepingCapacity: true)
        part.json.append(contentsOf: #","assessment":""#.utf8)
        let assessment = assessmentID(
            risk: risk, parts: [ratings.json, hits.json, controls.json, recommended.json],
            likelihood: likelihood.json, impact: impact.json)
        Self.appendHex(assessment, to: &part.json)
        part.json.append(contentsOf: #"","decision":"#.utf8)
    }

    /// The ID of the finding's assessment (its ratings, hits, controls, recommendations and
    /// reasons) in findings.json's `assessments` table: the first 64 bits of the SHA-256 of the
    /// entry's bytes, so the same assessment has the same ID in every chunk, run and period. An
    /// entry new to this export is added to `assessments`.
    ///
    /// Called for a finding whose part is not cached (`buildPart`); a cached part holds the ID.
    private mutating func assessmentID(
        risk: String, parts: [[UInt8]], likelihood: [UInt8], impact: [UInt8]
    ) -> UInt64 {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: #"{"risk":""#.utf8)
        scratch.append(contentsOf: risk.utf8)
        scratch.append(UInt8(ascii: "\""))
        for part in parts { scratch.append(contentsOf: part) }
        scratch.append(contentsOf: #","reasons":{"likelihood":"#.utf8)
        scratch.append(contentsOf: likelihood)
        scratch.append(contentsOf: #","impact":"#.utf8)
        scratch.append(contentsOf: impact)
        scratch.append(contentsOf: "}}".utf8)
        let id = contentID(scratch)
        // A copy of the exact size: `scratch` keeps the capacity of the longest entry so far.
        if builtIDs.insert(id).inserted { assessments.append((id, scratch.withUnsafeBufferPointer { Array($0) })) }
        return id
    }

    /// An assessment ID as findings.json writes it: 16 lower-case hex digits.
    package static func appendHex(_ id: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8((id >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// The cells of the flow whose findings are being written: a flow has several findings.
    private var flowCells = FlowCells()

    /// A flow's own cells, escaped once for all of its findings, in one reused buffer.
    private struct FlowCells {
        /// Which flow: its index, ID and row (findings built by hand may reuse an index); nil
        /// before the first.
        private var index: Int?
        private var flowID = ""
        private var location = SourceLocation(file: "")
        /// The flow ID needs neither quotes nor neutralization in findings.csv.
        var plainID = false
        /// Every cell below, one after the other.
        var bytes: [UInt8] = []
        /// The flow ID as it is.
        var id = 0..<0
        /// The `owner` cell.
        var owner = 0..<0
        /// `,origin_country,destination_country`.
        var countries = 0..<0
        /// The `data_asset` cell.
        var asset = 0..<0
        /// The flow ID escaped for a JSON string, without the quotes.
        var jsonID = 0..<0
        /// The flows.csv line, in decimal.
        var line = 0..<0
        /// `,"origin":"JP","destination":"CN"` for findings.json.
        var countriesJSON = 0..<0

        /// True when the cells are those of `flow` at `index`.
        func holds(_ flow: Flow, index: Int) -> Bool {
            self.index == index && flowID == flow.id && location == flow.location
        }

        /// Replaces the cells with those of `flow` at `index`.
        mutating func fill(_ flow: Flow, index: Int) {
            self.index = index
            flowID = flow.id
            location = flow.location
            plainID = FindingsExport.isPlainCell(flow.id)
            bytes.removeAll(keepingCapacity: true)
            id = append { $0.append(contentsOf: flow.id.utf8) }
            owner = append { CSVWriter.appendCell(flow.owner, to: &$0) }
            countries = append {
                $0.append(UInt8(ascii: ","))
                $0.append(contentsOf: flow.origin.code.utf8)
                $0.append(UInt8(ascii: ","))
                $0.append(contentsOf: flow.destination.code.utf8)
            }
            asset = append { CSVWriter.appendCell(flow.asset, to: &$0) }
            let quoted = append { JSONWriter.appendString(flow.id, to: &$0) }
            jsonID = (quoted.lowerBound + 1)..<(quoted.upperBound - 1)
            line = append { $0.append(contentsOf: String(flow.location.line).utf8) }
            countriesJSON = append {
                $0.append(contentsOf: #","origin":""#.utf8)
                $0.append(contentsOf: flow.origin.code.utf8)
                $0.append(contentsOf: #"","destination":""#.utf8)
                $0.append(contentsOf: flow.destination.code.utf8)
                $0.append(UInt8(ascii: "\""))
            }
        }

        /// Appends what `write` writes and returns where it is.
        private mutating func append(_ write: (inout [UInt8]) -> Void) -> Range<Int> {
            let start = bytes.count
            write(&bytes)
            return start..<bytes.count
        }
    }


    /// True when a cell is written as it is: no quoting, no formula neutralization.
    static func isPlainCell(_ value: String) -> Bool {
        guard !CSVWriter.isFormulaTrigger(value) else { return false }
        return !value.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == 0x09
                || $0 == UInt8(ascii: " ")
        }
    }

    // MARK: - Parts

    /// `,likelihood,impact,inherent_score,inherent_band,residual_…` cells, the `inherent` and
    /// `residual` members, and the residual sentence.
    private func ratingsPart(_ finding: Finding, cache: inout FragmentCache) -> FragmentCache.RatingsPart {
        let key = FragmentCache.RatingsKey(inherent: finding.inherent, residual: finding.residual)
        if let known = cache.ratings[key] { return known }
        var csv: [UInt8] = []
        for value in [finding.inherent.likelihood, finding.inherent.impact, finding.inherent.score] {
            csv.append(UInt8(ascii: ","))
            csv.append(contentsOf: String(value).utf8)
        }
        csv.append(UInt8(ascii: ","))
        csv.append(contentsOf: finding.inherentBand.rawValue.utf8)
        for value in [finding.residual.likelihood, finding.residual.impact, finding.residual.score] {
            csv.append(UInt8(ascii: ","))
            csv.append(contentsOf: String(value).utf8)
        }
        csv.append(UInt8(ascii: ","))
        csv.append(contentsOf: finding.residualBand.rawValue.utf8)
        var json = JSONWriter(indent: 0)
        json.beginObject()
        rating(&json, "inherent", finding.inherent, finding.inherentBand)
        rating(&json, "residual", finding.residual, finding.residualBand)
        json.endObject()
        let part = FragmentCache.RatingsPart(
            csv: csv, json: Self.members(json.drain()),
            sentence: Sentence(
                formatter.residualSentence(inherent: finding.inherent, residual: finding.residual, band: finding.residualBand)))
        cache.ratings[key] = part
        return part
    }

    /// `,jurisdictions,laws,sources` cells and the `jurisdictions` member. A set of hits not
    /// seen before is put together from parts cached per exposure row and per hit.
    private mutating func hitsPart(
        _ finding: Finding, key: FragmentCache.HitsKey, cache: inout FragmentCache
    ) -> (csv: [UInt8], json: [UInt8]) {
        if let known = cache.hits[key] { return known }
        let cites = finding.exposureIndices
        cited.formUnion(cites)
        for hit in finding.hits { citedJurisdictions.insert(hit.country) }
        var laws: [Sentence] = []
        var sources: [Sentence] = []
        for index in cites {
            let row = exposurePieces(index, cache: &cache)
            if !laws.contains(where: { $0.text == row.law.text }) { laws.append(row.law) }
            if !sources.contains(where: { $0.text == row.source.text }) { sources.append(row.source) }
        }
        var csv = [UInt8(ascii: ",")]
        CSVWriter.appendCell(finding.jurisdictions.map(\.code).joined(separator: ";"), to: &csv)
        csv.append(UInt8(ascii: ","))
        Sentence.appendCell(joining: laws, separator: UInt8(ascii: ";"), to: &csv)
        csv.append(UInt8(ascii: ","))
        Sentence.appendCell(joining: sources, separator: UInt8(ascii: ";"), to: &csv)
        var json = Array(#","hits":["#.utf8)
        for (k, hit) in finding.hits.enumerated() {
            if k > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: hitJSON(hit, cache: &cache))
        }
        json.append(UInt8(ascii: "]"))
        let part = (csv, json)
        if cache.hits.count < FragmentCache.capacity { cache.hits[key] = part }
        return part
    }

    /// The `laws` and `sources` entries of one exposure row.
    private func exposurePieces(_ index: Int, cache: inout FragmentCache) -> FragmentCache.ExposurePieces {
        if let known = cache.exposureRows[index] { return known }
        let e = exposures[index]
        let pieces = FragmentCache.ExposurePieces(law: Sentence("\(e.jurisdiction): \(e.law)"), source: Sentence(e.source))
        cache.exposureRows[index] = pieces
        return pieces
    }

    /// One element of the `jurisdictions` member.
    private func hitJSON(_ hit: ExposureIndex.Hit, cache: inout FragmentCache) -> [UInt8] {
        if let known = cache.hitJSON[hit] { return known }
        var json = JSONWriter(indent: 0)
        json.beginObject()
        json.string(hit.country.code, "jurisdiction")
        json.string(hit.role.rawValue, "role")
        json.int(hit.level, "level")
        json.int(hit.likelihood, "likelihood")
        json.bool(hit.scoped, "targets_this_data")
        Self.optionalID(&json, hit.duty, "duty_measure")
        json.strings(hit.exposures.map { Self.exposureID(exposures[$0]) }, "exposures")
        json.endObject()
        let bytes = json.drain()
        if cache.hitJSON.count < FragmentCache.capacity { cache.hitJSON[hit] = bytes }
        return bytes
    }

    /// The likelihood or impact sentence and the reason codes for findings.json (exposure
    /// levels are listed under `jurisdictions`, so they are left out of the likelihood codes).
    /// A list of reasons not seen before is worded from cached phrases inside a cached frame
    /// ("Likelihood 4 (Likely): " … ".").
    private mutating func reasonsPart(
        _ key: FragmentCache.ReasonsKey, likelihood: Bool, cache: inout FragmentCache
    ) -> (sentence: Sentence, json: [UInt8]) {
        if let known = (likelihood ? cache.likelihood : cache.impact)[key] { return known }
        let texts = key.reasons.map { reason in cache.phrases.value(for: reason) { self.formatter.phrase($0) } }
        let text: String
        if let frame = sentenceFrame(level: key.level, likelihood: likelihood, cache: &cache) {
            text = frame.prefix + texts.joined(separator: formatter.messages["reason_separator"]) + frame.suffix
        } else {
            let (phrases, formatter) = (cache.phrases, formatter)
            let phrase = { (reason: Reason) -> String in phrases[reason] ?? formatter.phrase(reason) }
            text =
                likelihood
                ? formatter.likelihoodSentence(level: key.level, reasons: key.reasons, phrase: phrase)
                : formatter.impactSentence(level: key.level, reasons: key.reasons, phrase: phrase)
        }
        var json = JSONWriter(indent: 0)
        var codes: [String] = []
        for reason in key.reasons {
            if case .exposureLevel = reason, likelihood { continue }
            if case .foreignProvider(let country) = reason { citedJurisdictions.insert(country) }
            codes.append(cache.codes.value(for: reason, Self.code))
        }
        json.strings(codes)
        let part = (Sentence(text), json.drain())
        if likelihood {
            if cache.likelihood.count < FragmentCache.capacity { cache.likelihood[key] = part }
        } else {
            if cache.impact.count < FragmentCache.capacity { cache.impact[key] = part }
        }
        return part
    }

    /// The text around the reasons of a likelihood or impact sentence at `level`, or nil when
    /// the wording does not have the reasons exactly once.
    private func sentenceFrame(level: Int, likelihood: Bool, cache: inout FragmentCache) -> FragmentCache.Frame? {
        let key = FragmentCache.FrameKey(likelihood: likelihood, level: level)
        if let known = cache.frames[key] { return known }
        let marker = "\u{1}"
        let marked =
            likelihood
            ? formatter.likelihoodSentence(level: level, reasons: [.importantData], phrase: { _ in marker })
            : formatter.impactSentence(level: level, reasons: [.importantData], phrase: { _ in marker })
        let parts = marked.split(separator: marker, omittingEmptySubsequences: false)
        let frame = parts.count == 2 ? FragmentCache.Frame(prefix: String(parts[0]), suffix: String(parts[1])) : nil
        cache.frames[key] = .some(frame)
        return frame
    }

    /// `,controls` cell, the `controls` member and the controls sentence.
    private func controlsPart(
        _ key: FragmentCache.ControlsKey, cache: inout FragmentCache
    ) -> (csv: [UInt8], json: [UInt8], sentence: Sentence) {
        if let known = cache.controls[key] { return known }
        let controls = key.controls
        var csv = [UInt8(ascii: ",")]
        CSVWriter.appendCell(controls.map(\.measureID).joined(separator: ";"), to: &csv)
        var json = JSONWriter(indent: 0)
        json.beginObject()
        json.beginArray("controls")
        for control in controls {
            json.beginObject()
            json.string(control.measureID, "measure_id")
            json.int(control.likelihood, "likelihood_reduction")
            json.int(control.impact, "impact_reduction")
            json.endObject()
        }
        json.endArray()
        json.strings(key.withheld, "withheld_controls")
        Self.optionalID(&json, key.unmetDuty, "unmet_duty")
        json.endObject()
        let sentence = formatter.controlsSentence(controls, withheld: key.withheld, unmetDuty: key.unmetDuty)
        let part = (csv, Self.members(json.drain()), Sentence(sentence))
        if cache.controls.count < FragmentCache.capacity { cache.controls[key] = part }
        return part
    }

    /// `,recommended_measures` cell and member.
    private func recommendedPart(
        _ key: FragmentCache.RecommendedKey, cache: inout FragmentCache
    ) -> (csv: [UInt8], json: [UInt8]) {
        if let known = cache.recommended[key] { return known }
        let ids = key.ids
        var csv = [UInt8(ascii: ",")]
        CSVWriter.appendCell(ids.joined(separator: ";"), to: &csv)
        var json = JSONWriter(indent: 0)
        json.beginObject()
        json.strings(ids, "recommended_measures")
        json.endObject()
        let part = (csv, Self.members(json.drain()))
        if cache.recommended.count < FragmentCache.capacity { cache.recommended[key] = part }
        return part
    }

    /// A measure ID, or null when there is none ("").
    private static func optionalID(_ json: inout JSONWriter, _ id: String, _ name: String) {
        if id.isEmpty { json.null(name) } else { json.string(id, name) }
    }

    /// An object's members with a leading comma: `{"a":1,"b":2}` → `,"a":1,"b":2`.
    private static func members(_ object: [UInt8]) -> [UInt8] {
        [UInt8(ascii: ",")] + object.dropFirst().dropLast()
    }

    /// A reason as a compact, stable code for findings.json (`exposure:JP:origin:2:targeted`,
    /// `confidentiality:secret`, `export_controlled` …); the sentence is in findings.csv.
    static func code(_ reason: Reason) -> String {
        switch reason {
        case .exposureLevel(let c, let role, let level, let scoped, let duty):
            "exposure:\(c.code):\(role.rawValue):\(level)\(scoped ? ":targeted" : "")\(duty.isEmpty ? "" : ":duty=\(duty)")"
        case .recipient(let r): "recipient:\(r.rawValue)"
        case .received(let r): "received_from:\(r.rawValue)"
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

    private func rating(_ json: inout JSONWriter, _ name: String, _ rating: Finding.Rating, _ band: Band) {
        json.beginObject(name)
        json.int(rating.likelihood, "likelihood")
        json.int(rating.impact, "impact")
        json.int(rating.score, "score")
        json.string(band.rawValue, "band")
        json.endObject()
    }

    /// Writes the closing of findings.json through `write`, about a megabyte at a time: the end of
    /// the findings array, the table of the findings' assessments (ID → entry), the table of every
    /// cited exposure row, every measure of the reference, and every cited jurisdiction (those the
    /// findings and the cited rows name), each once and keyed by its ID.
    ///
    /// Each assessment is removed from `assessments` once written: at a million flows the table is
    /// 160 MB, and building it whole beside the map peaked at three times that.
    package static func writeJSONTail<Failure: Error>(
        assessments: inout [UInt64: [UInt8]], cited: Set<Int>, jurisdictions: Set<Country>, exposures: ExposureIndex,
        measures: [Measure], to write: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        let flushSize = 1 << 20
        var tail = Array(#"],"assessments":{"#.utf8)
        tail.reserveCapacity(flushSize + 4096)
        for (k, id) in assessments.keys.sorted().enumerated() {
            if k > 0 { tail.append(UInt8(ascii: ",")) }
            tail.append(UInt8(ascii: "\""))
            appendHex(id, to: &tail)
            tail.append(contentsOf: #"":"#.utf8)
            tail.append(contentsOf: assessments.removeValue(forKey: id)!)
            if tail.count >= flushSize {
                try write(tail)
                tail.removeAll(keepingCapacity: true)
            }
        }
        tail.append(contentsOf: "},".utf8)
        try write(tail)
        try write(otherTables(cited: cited, jurisdictions: jurisdictions, exposures: exposures, measures: measures))
    }

    /// findings.json's last members: the cited exposure rows, the measures and the jurisdictions.
    private static func otherTables(
        cited: Set<Int>, jurisdictions: Set<Country>, exposures: ExposureIndex, measures: [Measure]
    ) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.beginObject("exposures")
        var countries = jurisdictions
        for e in cited.sorted().map({ exposures[$0] }) {
            w.beginObject(exposureID(e))
            w.string(e.jurisdiction, "jurisdiction")
            if let country = Country(code: e.jurisdiction), country.code == e.jurisdiction { countries.insert(country) }
            w.string(e.risk.rawValue, "risk")
            w.string(e.scope.description, "applies_to")
            w.int(e.level, "level")
            w.string(e.roles.description, "roles")
            w.string(e.towardsText, "towards")
            optionalID(&w, e.dutyMeasure, "duty_measure")
            w.string(e.law, "law")
            w.string(e.lawJa, "law_ja")
            w.string(e.summary, "summary")
            w.string(e.source, "source")
            w.string(e.commentary, "commentary")
            w.string(e.reviewedOn, "reviewed_on")
            w.string(e.effectiveOn, "effective_on")
            w.string(e.confidence, "confidence")
            w.endObject()
        }
        w.endObject()
        w.beginObject("measures")
        var seen: Set<String> = []
        for m in measures.sorted(by: { $0.id < $1.id }) where seen.insert(m.id).inserted {
            w.beginObject(m.id)
            w.string(m.title, "title")
            w.string(m.titleJa, "title_ja")
            w.strings(m.risks.map(\.rawValue), "risks")
            w.strings(m.effects.map(\.description), "effects")
            w.string(m.scope.description, "applies_to")
            w.string(m.source, "source")
            w.endObject()
        }
        w.endObject()
        w.beginObject("jurisdictions")
        for country in countries.sorted(by: { $0.code < $1.code }) {
            w.beginObject(country.code)
            w.string(country.entry.name, "name")
            w.string(country.entry.nameJa, "name_ja")
            w.endObject()
        }
        w.endObject()
        w.endObject()
        // Drop the object's opening brace: its members continue the top-level object.
        return Array(w.finish().dropFirst())
    }
}

extension Array where Element == UInt8 {
    /// Appends `source` (or its bytes in `range`) straight from its buffer. The source is
    /// borrowed: `append(contentsOf:)` takes its argument owned, so the caller retains the
    /// buffer for it, and a slice retains it again.
    @inline(__always) fileprivate mutating func appendBytes(_ source: [UInt8], _ range: Range<Int>? = nil) {
        source.withUnsafeBufferPointer { bytes in
            append(contentsOf: range.map { UnsafeBufferPointer(rebasing: bytes[$0]) } ?? bytes)
        }
    }
}

extension Dictionary {
    /// The value for `key`, made by `make` and stored the first time.
    fileprivate mutating func value(for key: Key, _ make: (Key) -> Value) -> Value {
        if let known = self[key] { return known }
        let made = make(key)
        self[key] = made
        return made
    }
}

