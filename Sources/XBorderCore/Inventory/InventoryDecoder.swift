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
    /// Resolved country spellings (`resolveCountry`).
    var countryCache: [String: Country?] = [:]
    /// "Did you mean" answers per unknown country text (`reportUnknownCountry`).
    var suggestionCache: [String: Country?] = [:]

    /// The context's spellings as byte tables.
    private(set) var spellings: Spellings

    /// Creates a decoder.
    package init(context: Context) {
        self.context = context
        spellings = Spellings(context)
    }

    /// This decoder for another thread: the same settings and caches, with spellings tables of
    /// its own.
    func forAnotherThread() -> InventoryDecoder {
        var copy = self
        copy.spellings = Spellings(context)
        return copy
    }

    /// Reads the whole inventory. Data rows are decoded in batches on `parallelism` threads and
    /// joined in file order, so flows, rejected rows and diagnostics do not depend on scheduling.
    /// - Parameter keptRejected: How many rows rejected while decoding are kept in memory
    ///   (the rest are counted, and spilled to a temporary file: `RejectedRows`).
    /// - Parameter maxRows: The most rows after the header (`--max-rows`). One more is an error
    ///   located at it, reading stops, and there is no inventory: a run assesses the whole
    ///   inventory or nothing.
    package static func decode(
        _ sheet: Spreadsheet, context: Context, parallelism: Int = 1, keptRejected: Int = RejectedRows.keptLimit,
        maxRows: Int = .max, diagnostics: inout DiagnosticLog
    ) -> Inventory? {
        var decoder = InventoryDecoder(context: context)
        decoder.thousandsWithDots = sheet.delimiter == UInt8(ascii: ";")
        var header = HeaderSearch(sheet: sheet, customHeaders: context.customHeaders)
        var rows: RowCollector?
        var rowCount = 0
        var tooMany = false
        var recordLog = DiagnosticLog()
        sheet.forEachRecord(diagnostics: &recordLog, finish: { _ in rows?.finish(diagnostics: &diagnostics) }) {
            record, recordLog in
            // This record's CSV problems: kept with the row so they stay before its own diagnostics.
            let problems = recordLog
            recordLog = DiagnosticLog()
            if rows != nil {
                rowCount += 1
                guard rowCount <= maxRows else {
                    tooMany = true
                    diagnostics.error(
                        "input.too-many-rows",
                        "the inventory has more than \(maxRows) rows after the header; nothing is assessed (raise the limit with --max-rows)",
                        at: SourceLocation(file: record.path, line: record.line, sheet: record.sheet))
                    return false
                }
                rows?.add(record, problems: problems, diagnostics: &diagnostics)
                return true
            }
            diagnostics.merge(problems)
            switch header.consider(record, diagnostics: &diagnostics) {
            case .found(let mapping, let headerCount):
                rows = RowCollector(
                    mapping: mapping, headerCount: headerCount, decoder: decoder, parallelism: parallelism,
                    keptRejected: keptRejected)
                return true
            case .notYet: return true
            case .givenUp: return false
            }
        }
        diagnostics.merge(recordLog)
        guard var rows else {
            header.reportNotFound(diagnostics: &diagnostics)
            return nil
        }
        guard !tooMany else { return nil }
        keepFirstOfEachID(
            &rows.flows, flowIDColumn: rows.mapping.index[.flowID], rejected: &rows.rejected, diagnostics: &diagnostics)
        rows.rejected.finish()
        return Inventory(flows: rows.flows, rejected: rows.rejected, rowsRead: rows.rowsRead)
    }

    /// What one data record is.
    enum Row: Sendable {
        /// A valid flow.
        case flow(Flow)
        /// A row with an error.
        case rejected(Inventory.RejectedRow)
    }
}
