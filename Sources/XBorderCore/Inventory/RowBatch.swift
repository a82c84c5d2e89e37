import Dispatch
import Synchronization

/// Data rows held between the tokenizer and the decoder, so that a batch of them is decoded on
/// several threads at once. Tokenizing stays sequential (a record's end depends on every quote
/// before it); decoding cells into typed flows is independent per row and is most of the
/// reading time.
struct RowBatch {
    /// Rows per batch: large enough to keep the threads busy, small enough to bound memory.
    static let size = 4_096

    /// One tokenized record.
    struct Row {
        var fields: [CSVField]
        var line: Int
        var syntaxErrors: [Diagnostic]
        /// The record's CSV problems (reported before the row's own diagnostics).
        var problems: DiagnosticLog
    }

    /// The decoded rows of a contiguous run of a batch, sorted on the thread that decoded them.
    struct Piece: Sendable {
        /// The valid rows, in file order.
        var flows: [Flow] = []
        /// The rejected rows, in file order.
        var rejected: [Inventory.RejectedRow] = []
        /// The rows' CSV problems and decoding diagnostics, in file order (each row's CSV
        /// problems before its own diagnostics).
        var log = DiagnosticLog()

        /// Decodes `row` into the piece.
        mutating func add(
            _ row: Row, decoder: inout InventoryDecoder, mapping: HeaderMapping, headerCount: Int, path: String,
            sheet: String?, buffer: UnsafeBufferPointer<UInt8>, cells: CellDecoder
        ) {
            log.merge(row.problems)
            let record = CSVRecord(
                path: path, fields: row.fields, line: row.line, sheet: sheet, syntaxErrors: row.syntaxErrors,
                buffer: buffer, decoder: cells)
            switch decoder.read(record, mapping: mapping, headerCount: headerCount, diagnostics: &log) {
            case nil: break
            case .flow(let flow)?: flows.append(flow)
            case .rejected(let reject)?: rejected.append(reject)
            }
        }
    }

    /// A batch on its way through another thread: the rows, the decoders (with their caches)
    /// and, once run, its decoded pieces. Unchecked: the rows point into the input bytes, which
    /// outlive the job, and the job belongs to one thread at a time (the reader hands it over
    /// and waits for it before touching the decoders again).
    struct Job: @unchecked Sendable {
        var batch: RowBatch
        var decoders: [InventoryDecoder]
        /// The batch's rows decoded and sorted, piece by piece in file order: the reading
        /// thread, which tokenizes alone, only appends them. Each flow is built into its
        /// piece and copied once more, into the inventory (an earlier shape copied it three
        /// times on the way, a retain per field each time).
        var pieces: [Piece] = []

        /// Decodes the batch.
        mutating func run(mapping: HeaderMapping, headerCount: Int) {
            pieces = batch.decode(mapping: mapping, headerCount: headerCount, decoders: &decoders)
            batch.rows = []
        }
    }

    var rows: [Row] = []
    /// The bytes the rows' fields point into, readable until the tokenizer returns; the
    /// inventory decoder flushes every batch before that.
    private var buffer: UnsafeBufferPointer<UInt8>?
    private var encoding: TextEncoding = .utf8
    private var path = ""
    private var sheet: String?

    /// Keeps a record for the next `decode`.
    mutating func add(_ record: borrowing CSVRecord, problems: DiagnosticLog) {
        buffer = record.buffer
        encoding = record.decoder.encoding
        path = record.path
        sheet = record.sheet
        rows.append(
            Row(fields: record.fields, line: record.line, syntaxErrors: record.syntaxErrors, problems: problems))
    }

    /// Decodes every row, in pieces of consecutive rows in order; `decoders` holds one decoder
    /// (with its caches) per thread.
    func decode(mapping: HeaderMapping, headerCount: Int, decoders: inout [InventoryDecoder]) -> [Piece] {
        guard let buffer, !rows.isEmpty else { return [] }
        let path = self.path
        let sheet = self.sheet
        let encoding = self.encoding
        let workers = min(decoders.count, max(1, rows.count / 256))
        if workers <= 1 {
            let cells = CellDecoder(encoding: encoding)
            var piece = Piece()
            piece.flows.reserveCapacity(rows.count)
            for row in rows {
                piece.add(
                    row, decoder: &decoders[0], mapping: mapping, headerCount: headerCount, path: path, sheet: sheet,
                    buffer: buffer, cells: cells)
            }
            return [piece]
        }
        // Each worker takes the next unclaimed piece until none is left: a worker that finishes
        // early (the reading thread shares the cores) takes more pieces instead of idling while
        // the other finishes a fixed half.
        let input = SharedInput(rows: rows, buffer: buffer)
        let pieces = min(workers * 4, max(1, rows.count / 256))
        let perPiece = (rows.count + pieces - 1) / pieces
        let state = Mutex((decoders: decoders, next: 0, pieces: Array(repeating: Piece(), count: pieces)))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var decoder = state.withLock { $0.decoders[w] }
            let cells = CellDecoder(encoding: encoding)
            while true {
                let p = state.withLock { state in
                    defer { state.next += 1 }
                    return state.next
                }
                guard p < pieces else { break }
                let range = (p * perPiece)..<min(input.rows.count, (p + 1) * perPiece)
                var piece = Piece()
                piece.flows.reserveCapacity(range.count)
                for i in range {
                    piece.add(
                        input.rows[i], decoder: &decoder, mapping: mapping, headerCount: headerCount, path: path,
                        sheet: sheet, buffer: input.buffer, cells: cells)
                }
                state.withLock { swap(&$0.pieces[p], &piece) }
            }
            state.withLock { $0.decoders[w] = decoder }
        }
        return state.withLock { state in
            decoders = state.decoders
            var all: [Piece] = []
            swap(&all, &state.pieces)
            return all
        }
    }

    /// The rows and their bytes, read (never written) by every thread while `decode` waits.
    private struct SharedInput: @unchecked Sendable {
        let rows: [Row]
        let buffer: UnsafeBufferPointer<UInt8>
    }
}
