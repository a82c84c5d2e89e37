import Foundation

/// Stage 2: decodes flows.csv records into typed flows, one located diagnostic per problem.
/// A row with any error is rejected (and listed), never dropped silently.
package struct InventoryDecoder {
    /// Everything the decoder needs besides the file.
    package struct Context: Sendable {
        /// Accepted enumeration spellings.
        package var vocabulary: Vocabulary
        /// Measure IDs of the catalogue (controls are checked against them).
        package var knownMeasures: Set<String>
        /// Extra header mappings (columns.csv), keys folded.
        package var customHeaders: [String: FlowColumn]

        /// Creates a context.
        package init(vocabulary: Vocabulary, knownMeasures: Set<String>, customHeaders: [String: FlowColumn] = [:]) {
            self.vocabulary = vocabulary
            self.knownMeasures = knownMeasures
            self.customHeaders = customHeaders
        }
    }

    let context: Context
    /// Rows above the header that are skipped when looking for it.
    static let maxPreambleRows = 30
    /// Longest text remembered by the country caches (country names are short; a garbage cell
    /// of a megabyte must not be copied into a cache).
    static let cachedTextBytes = 256
    /// Characters of a rejected row's flow ID kept when it is longer than `cachedTextBytes`.
    static let rejectedIDCharacters = 200
    /// `1.200` means 1,200 (files with `;` separators come from decimal-comma locales).
    var thousandsWithDots = false
    private var countryCache: [String: Country?] = [:]
    private var suggestionCache: [String: Country?] = [:]

    /// Creates a decoder.
    package init(context: Context) { self.context = context }

    /// Reads the whole inventory. Data rows are decoded in batches on `parallelism` threads and
    /// joined in file order, so flows, rejected rows and diagnostics do not depend on scheduling.
    /// - Parameter keptRejected: How many rows rejected while decoding are kept in memory
    ///   (the rest are counted, and read again for rejected.csv: `RejectedRows`).
    package static func decode(
        _ sheet: Spreadsheet, context: Context, parallelism: Int = 1, keptRejected: Int = RejectedRows.keptLimit,
        diagnostics: inout DiagnosticLog
    ) -> Inventory? {
        var decoder = InventoryDecoder(context: context)
        var mapping: HeaderMapping?
        var headerCount = 0
        var flows: [Flow] = []
        var rejected = RejectedRows(limit: keptRejected)
        var rowsRead = 0
        decoder.thousandsWithDots = sheet.delimiter == UInt8(ascii: ";")
        // The header is the first record that names every required column; up to
        // `maxPreambleRows` records above it (register templates' title and contact blocks)
        // are skipped with a note. Without such a record, the first one's problems are reported.
        var candidates = 0
        var firstCandidateLog: DiagnosticLog?
        var firstCandidateLine = 0
        var done = false
        var batch = RowBatch()
        var workers = Array(repeating: decoder, count: max(1, parallelism))
        // A full batch is decoded on other threads while this one tokenizes the next batch;
        // results are taken in file order, one batch at a time.
        var pending: Background<RowBatch.Job>?
        /// Takes the results of the batch being decoded, in file order.
        func collect() {
            guard let job = pending?.value() else { return }
            pending = nil
            workers = job.decoders
            let before = rowsRead
            defer { ProgressMeter.shared.addRows(rowsRead - before) }
            for (row, outcome) in zip(job.batch.rows, job.outcomes) {
                diagnostics.merge(row.problems)
                diagnostics.merge(outcome.log)
                switch outcome.row {
                case nil:
                    break
                case .flow(let flow)?:
                    rowsRead += 1
                    flows.append(flow)
                case .rejected(let reject)?:
                    rowsRead += 1
                    rejected.append(reject, at: row.start)
                }
            }
        }
        /// Starts decoding the full batch (after taking the previous one's results).
        func flush() {
            guard let map = mapping, !batch.rows.isEmpty else { return }
            collect()
            let handed = RowBatch.Job(batch: batch, decoders: workers)
            batch = RowBatch()
            let columns = headerCount
            pending = Background {
                var job = handed
                job.outcomes = job.batch.decode(mapping: map, headerCount: columns, decoders: &job.decoders)
                return job
            }
        }
        var recordLog = DiagnosticLog()
        sheet.forEachRecord(
            diagnostics: &recordLog,
            finish: { _ in
                flush()
                collect()
            }
        ) { record, recordLog in
            // This record's CSV problems: kept with the row so they stay before its own diagnostics.
            let problems = recordLog
            recordLog = DiagnosticLog()
            guard mapping != nil else {
                diagnostics.merge(problems)
                var headerLog = DiagnosticLog()
                var headers: [String] = []
                for i in 0..<record.count { headers.append(record.string(at: i, diagnostics: &headerLog) ?? "") }
                let candidate = HeaderMapping(
                    headers: headers, custom: context.customHeaders, location: sheet.location(line: record.line),
                    diagnostics: &headerLog)
                candidates += 1
                if candidate.isComplete {
                    mapping = candidate
                    headerCount = headers.count
                    diagnostics.merge(headerLog)
                    if candidates > 1 {
                        diagnostics.emit(
                            Diagnostic(
                                .note, code: "input.preamble",
                                "the header is on line \(record.line); the \(candidates - 1) rows above it are not flow rows and were skipped",
                                at: sheet.location(line: record.line)))
                    }
                    return true
                }
                if firstCandidateLog == nil {
                    firstCandidateLog = headerLog
                    firstCandidateLine = record.line
                }
                if candidates >= Self.maxPreambleRows {
                    done = true
                    return false
                }
                return true
            }
            batch.add(record, problems: problems)
            if batch.rows.count >= RowBatch.size { flush() }
            return true
        }
        diagnostics.merge(recordLog)
        guard let mapping, mapping.isComplete else {
            if let firstCandidateLog {
                diagnostics.merge(firstCandidateLog)
                if done || candidates > 1 {
                    diagnostics.emit(
                        Diagnostic(
                            .note, code: "input.header-not-found",
                            "no row among the first \(candidates) names every required column; the header is expected on line \(firstCandidateLine)",
                            at: sheet.location(line: firstCandidateLine)))
                }
            } else {
                diagnostics.error("input.empty", "flows.csv has no header row", at: sheet.location())
            }
            return nil
        }
        // Flow IDs are unique per period: the first row keeps the ID, later ones are rejected.
        // Flows are assessed in ID order; most exports already list them so, strictly
        // increasing, and then there is nothing to sort or reject.
        if (1..<max(1, flows.count)).allSatisfy({ flows[$0 - 1].id < flows[$0].id }) {
            rejected.finish(sheet: sheet, context: context, mapping: mapping, headerCount: headerCount)
            return Inventory(flows: flows, rejected: rejected, rowsRead: rowsRead)
        }
        flows.sort { ($0.id, $0.location.line) < ($1.id, $1.location.line) }
        var unique: [Flow] = []
        unique.reserveCapacity(flows.count)
        for flow in flows {
            if let last = unique.last, last.id == flow.id {
                var at = flow.location
                at.column = (mapping.index[.flowID] ?? 0) + 1
                diagnostics.error(
                    "input.duplicate-flow-id",
                    "flow_id \(Diagnostic.quoted(flow.id)) is already used on line \(last.location.line); this row is rejected",
                    at: at)
                rejected.appendDuplicate(
                    .init(location: flow.location, flowID: flow.id, codes: ["input.duplicate-flow-id"], reason: "duplicate flow_id"))
            } else {
                unique.append(flow)
            }
        }
        rejected.finish(sheet: sheet, context: context, mapping: mapping, headerCount: headerCount)
        return Inventory(flows: unique, rejected: rejected, rowsRead: rowsRead)
    }

    /// What one data record is.
    enum Row: Sendable {
        /// A valid flow.
        case flow(Flow)
        /// A row with an error.
        case rejected(Inventory.RejectedRow)
    }

    /// Reads one data record after the header: nil for a row of nothing but delimiters (Excel
    /// pads sheets with `,,,` rows), else a flow or a rejected row (errors in `diagnostics`).
    mutating func read(
        _ record: borrowing CSVRecord, mapping: HeaderMapping, headerCount: Int, diagnostics: inout DiagnosticLog
    ) -> Row? {
        if !record.hasSyntaxError && (0..<record.count).allSatisfy({ record.isBlank(at: $0) }) { return nil }
        var rowLog = DiagnosticLog()
        // A record with a CSV syntax error has unreliable cells: reject it on that error alone.
        let flow = record.hasSyntaxError
            ? nil : decodeRow(record, mapping: mapping, headerCount: headerCount, diagnostics: &rowLog)
        let errors = rowLog.all.filter { $0.severity == .error }
        diagnostics.merge(rowLog)
        if let flow, errors.isEmpty, !record.hasSyntaxError { return .flow(flow) }
        let codes = Set(errors.map(\.code) + record.syntaxErrors.map(\.code))
        var id = mapping.index[.flowID].flatMap { i -> String? in
            var scratch = DiagnosticLog()
            return record.string(at: i, diagnostics: &scratch)?.trimmingWhitespace()
        } ?? ""
        // Ten thousand kept rows with megabyte IDs would hold gigabytes; the line finds the row.
        if id.utf8.count > Self.cachedTextBytes { id = String(id.prefix(Self.rejectedIDCharacters)) + "…" }
        return .rejected(
            .init(
                location: SourceLocation(file: record.path, line: record.line, sheet: record.sheet), flowID: id,
                codes: codes.sorted(), reason: errors.first?.message ?? record.syntaxErrors.first?.message ?? ""))
    }

    /// Decodes one data row; nil when a required value is unusable (errors are in `diagnostics`).
    mutating func decodeRow(
        _ record: borrowing CSVRecord, mapping: HeaderMapping, headerCount: Int, diagnostics: inout DiagnosticLog
    ) -> Flow? {
        var undecodable: Set<FlowColumn> = []
        func cell(_ column: FlowColumn) -> String {
            guard let i = mapping.index[column] else { return "" }
            guard let text = record.string(at: i, diagnostics: &diagnostics) else {
                undecodable.insert(column)
                return ""
            }
            return text.trimmingWhitespace()
        }
        func at(_ column: FlowColumn) -> SourceLocation { record.location(mapping.index[column] ?? 0) }

        if record.count > headerCount {
            for i in headerCount..<record.count where !record.isEmpty(at: i) {
                diagnostics.warning(
                    "input.extra-cell", "cell beyond the last header column is ignored", at: record.location(i))
                break
            }
        }
        var ok = true
        func required(_ column: FlowColumn) -> String {
            let value = cell(column)
            if value.isEmpty {
                // An undecodable cell already has its own error.
                if !undecodable.contains(column) {
                    diagnostics.error("input.required", "required value '\(column.rawValue)' is empty", at: at(column))
                }
                ok = false
            }
            return value
        }
        func enumeration<E: InventoryEnumeration>(_ column: FlowColumn, _ type: E.Type, required: Bool) -> E? {
            let text = required ? requiredValue(column) : cell(column)
            if text.isEmpty { return nil }
            if let value = context.vocabulary.value(E.self, text) { return value }
            let values = E.allCases.map(\.rawValue).joined(separator: ", ")
            let tail = context.vocabulary.suggestion(E.self, text).map { "; did you mean '\($0.rawValue)'? (one of \(values))" }
                ?? "; expected one of \(values)"
            diagnostics.error(
                "input.\(column.rawValue)", "unknown \(column.rawValue) \(Diagnostic.quoted(text))\(tail)", at: at(column))
            ok = false
            return nil
        }
        func requiredValue(_ column: FlowColumn) -> String { required(column) }
        func flag(_ column: FlowColumn) -> Bool {
            let text = cell(column)
            if text.isEmpty { return false }
            if let value = context.vocabulary.flag(text) { return value }
            diagnostics.error(
                "input.\(column.rawValue)", "\(column.rawValue) \(Diagnostic.quoted(text)) is not yes or no", at: at(column))
            ok = false
            return false
        }
        func countries(_ column: FlowColumn, single: Bool) -> [Country] {
            let text = cell(column)
            if text.isEmpty { return [] }
            if let whole = resolveCountry(text) { return [whole] }
            let parts = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "、" || $0 == "/" || $0 == "|" || $0 == "\n" })
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if single || parts.count <= 1 {
                self.reportUnknownCountry(text, column: column, at: at(column), diagnostics: &diagnostics)
                ok = false
                return []
            }
            var result: [Country] = []
            for part in parts {
                if let country = resolveCountry(part) {
                    if !result.contains(country) { result.append(country) }
                } else {
                    self.reportUnknownCountry(part, column: column, at: at(column), diagnostics: &diagnostics)
                    ok = false
                }
            }
            return result
        }

        let id = required(.flowID)
        let asset = required(.dataAsset)
        let category = enumeration(.dataCategory, DataCategory.self, required: true)
        let confidentiality = enumeration(.confidentiality, Confidentiality.self, required: true)
        let originText = required(.originCountry)
        let destinationText = required(.destinationCountry)
        let origin = originText.isEmpty ? nil : countries(.originCountry, single: true).first
        let destination = destinationText.isEmpty ? nil : countries(.destinationCountry, single: true).first
        let personal = enumeration(.personalData, PersonalData.self, required: false)
        let criticality = enumeration(.criticality, Criticality.self, required: false)
        let recipient = enumeration(.recipientType, RecipientType.self, required: false)
        let originType = enumeration(.originType, RecipientType.self, required: false)
        let frequency = enumeration(.frequency, Frequency.self, required: false)
        let mechanism = enumeration(.mechanism, Mechanism.self, required: false)
        let important = flag(.importantData)
        let exportControlled = flag(.exportControlled)
        let provider = countries(.providerCountry, single: true).first
        let storage = countries(.storageCountries, single: false)
        let access = countries(.accessCountries, single: false)
        let volume = readVolume(cell(.volume), at: at(.volume), diagnostics: &diagnostics)
        let controls = readControls(cell(.controls), at: at(.controls), diagnostics: &diagnostics)

        guard ok, let category, let confidentiality, let origin, let destination else { return nil }
        var flow = Flow(
            id: id, asset: asset, category: category, confidentiality: confidentiality,
            origin: origin, destination: destination, location: SourceLocation(file: record.path, line: record.line, sheet: record.sheet))
        flow.personalData = personal ?? (category == .personal ? .personal : .none)
        flow.criticality = criticality ?? .medium
        flow.recipientType = recipient
        flow.originType = originType
        flow.frequency = frequency
        flow.mechanism = mechanism
        flow.importantData = important
        flow.exportControlled = exportControlled
        flow.providerCountry = provider
        flow.storage = storage
        flow.access = access
        flow.volume = volume
        flow.controls = controls
        var assumed: AssumedDefaults = []
        if storage.isEmpty { assumed.insert(.storage) }
        if access.isEmpty { assumed.insert(.access) }
        if criticality == nil { assumed.insert(.criticality) }
        if personal == nil { assumed.insert(.personalData) }
        if cell(.importantData).isEmpty { assumed.insert(.importantData) }
        if recipient == nil { assumed.insert(.recipientType) }
        if originType == nil { assumed.insert(.originType) }
        if mechanism == nil { assumed.insert(.mechanism) }
        flow.assumed = assumed
        flow.originEntity = cell(.originEntity)
        flow.destinationEntity = cell(.destinationEntity)
        flow.owner = cell(.owner)
        flow.notes = cell(.notes)
        for (column, text) in [
            (FlowColumn.flowID, flow.id), (.dataAsset, flow.asset), (.originEntity, flow.originEntity),
            (.destinationEntity, flow.destinationEntity), (.owner, flow.owner), (.notes, flow.notes),
        ] where text.unicodeScalars.contains(where: TextSanitizer.isRemoved) {
            diagnostics.warning(
                "input.control-character",
                "\(column.rawValue) \(Diagnostic.quoted(text)) contains control or bidirectional-override characters; the reports leave them out",
                at: at(column))
        }
        return flow
    }

    private mutating func resolveCountry(_ text: String) -> Country? {
        if let cached = countryCache[text] { return cached }
        let country = CountryTable.shared.resolve(text)
        if countryCache.count < 100_000 && text.utf8.count <= Self.cachedTextBytes { countryCache[text] = country }
        return country
    }

    private mutating func reportUnknownCountry(
        _ text: String, column: FlowColumn, at location: SourceLocation, diagnostics: inout DiagnosticLog
    ) {
        var message = "unknown country \(Diagnostic.quoted(text))"
        // The search over every spelling is costly: remember its answer per distinct text.
        let guess: Country?
        if let cached = suggestionCache[text] {
            guess = cached
        } else {
            guess = CountryTable.shared.suggestion(for: text)
            if suggestionCache.count < 10_000 && text.utf8.count <= Self.cachedTextBytes { suggestionCache[text] = guess }
        }
        if let guess {
            message += "; did you mean '\(guess.name)' (\(guess.code))?"
        }
        diagnostics.error("input.country", message, at: location)
    }

    /// Reads `volume` as Excel writes numbers: `1200`, `1,200`, `1 200`, `7.5E+15`.
    private func readVolume(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> Int? {
        if text.isEmpty { return nil }
        var text = text
        if thousandsWithDots, text.contains("."), !text.contains(","),
            text.components(separatedBy: ".").dropFirst().allSatisfy({ $0.count == 3 })
        {
            text = text.replacingOccurrences(of: ".", with: "")
        }
        let digits = text.filter { $0 != "," && $0 != " " && $0 != "_" && $0 != "\u{00A0}" && $0 != "'" }
        if let value = Int(digits), value >= 0 { return value }
        if let value = Double(digits), value.isFinite, value >= 0, value < 9.0e18 {
            diagnostics.warning(
                "input.volume-rounded",
                "volume \(Diagnostic.quoted(text)) was read as \(Int(value.rounded())); spreadsheet display may have rounded it",
                at: location)
            return Int(value.rounded())
        }
        diagnostics.warning(
            "input.volume", "volume \(Diagnostic.quoted(text)) is not a whole number of records and is ignored", at: location)
        return nil
    }

    /// Reads `controls`: measure IDs separated by `;`, `,` or spaces; unknown IDs are warnings.
    private func readControls(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> [String] {
        if text.isEmpty { return [] }
        var ids: Set<String> = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " || $0 == "、" || $0 == "\n" }) {
            let id = part.trimmingWhitespace().uppercased()
            if id.isEmpty { continue }
            if context.knownMeasures.contains(id) {
                ids.insert(id)
            } else {
                diagnostics.warning(
                    "input.unknown-measure",
                    "control \(Diagnostic.quoted(String(part))) is not in measures.csv and has no effect",
                    at: location)
            }
        }
        return ids.sorted()
    }
}
