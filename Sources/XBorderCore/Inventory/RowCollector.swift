/// The data records after the header on their way to flows: kept in a `RowBatch`, decoded a
/// full batch at a time on other threads while the reading thread tokenizes the next batch,
/// and collected in file order, one batch at a time, so that flows, rejected rows and
/// diagnostics do not depend on scheduling.
struct RowCollector {
    /// Where each column is.
    let mapping: HeaderMapping
    /// Number of cells of the header row.
    let headerCount: Int
    /// The valid rows so far, in file order.
    var flows: [Flow] = []
    /// The rejected rows so far.
    var rejected: RejectedRows
    /// Data rows read so far (blank padding rows are not counted).
    private(set) var rowsRead = 0
    private var batch = RowBatch()
    /// One decoder (with its caches) per thread; lent to the batch being decoded.
    private var workers: [InventoryDecoder]
    /// The batch being decoded on other threads, if any.
    private var pending: Background<RowBatch.Job>?

    /// Creates a collector whose rows are decoded by copies of `decoder` on `parallelism` threads.
    /// - Parameter keptRejected: How many rejected rows are kept in memory (`RejectedRows`).
    init(mapping: HeaderMapping, headerCount: Int, decoder: InventoryDecoder, parallelism: Int, keptRejected: Int) {
        self.mapping = mapping
        self.headerCount = headerCount
        rejected = RejectedRows(limit: keptRejected)
        workers = [decoder] + (1..<max(1, parallelism)).map { _ in decoder.forAnotherThread() }
    }

    /// Keeps a data record; a full batch starts decoding (after the previous one is collected).
    /// - Parameter problems: The record's CSV problems, reported before the row's own diagnostics.
    mutating func add(_ record: borrowing CSVRecord, problems: DiagnosticLog, diagnostics: inout DiagnosticLog) {
        batch.add(record, problems: problems)
        if batch.rows.count >= RowBatch.size { flush(diagnostics: &diagnostics) }
    }

    /// Decodes the records still held and collects every result.
    mutating func finish(diagnostics: inout DiagnosticLog) {
        flush(diagnostics: &diagnostics)
        collect(diagnostics: &diagnostics)
    }

    /// Starts decoding the batch held (after taking the previous one's results).
    private mutating func flush(diagnostics: inout DiagnosticLog) {
        guard !batch.rows.isEmpty else { return }
        collect(diagnostics: &diagnostics)
        let handed = RowBatch.Job(batch: batch, decoders: workers)
        batch = RowBatch()
        let mapping = self.mapping
        let columns = headerCount
        pending = Background {
            var job = handed
            job.run(mapping: mapping, headerCount: columns)
            return job
        }
    }

    /// Takes the results of the batch being decoded, in file order.
    private mutating func collect(diagnostics: inout DiagnosticLog) {
        guard let job = pending?.value() else { return }
        pending = nil
        workers = job.decoders
        let before = rowsRead
        defer { ProgressMeter.shared.addRows(rowsRead - before) }
        // `DiagnosticLog.merge` keeps the first diagnostics up to its limit and counts the rest,
        // so merging a piece's log at once equals merging its rows one by one.
        for piece in job.pieces {
            diagnostics.merge(piece.log)
            flows.append(contentsOf: piece.flows)
            for reject in piece.rejected { rejected.append(reject) }
            rowsRead += piece.flows.count + piece.rejected.count
        }
    }
}
