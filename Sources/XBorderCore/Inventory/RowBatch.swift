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

    /// What became of one row.
    struct Outcome: Sendable {
        /// nil for a row of nothing but delimiters.
        var row: InventoryDecoder.Row?
        var log: DiagnosticLog
    }

    /// A batch on its way through another thread: the rows, the decoders (with their caches)
    /// and, once decoded, the outcomes. Unchecked: the rows point into the input bytes, which
    /// outlive the job, and the job belongs to one thread at a time (the reader hands it over
    /// and waits for it before touching the decoders again).
    struct Job: @unchecked Sendable {
        var batch: RowBatch
        var decoders: [InventoryDecoder]
        var outcomes: [Outcome] = []
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

    /// Decodes every row, in order; `decoders` holds one decoder (with its caches) per thread.
    func decode(mapping: HeaderMapping, headerCount: Int, decoders: inout [InventoryDecoder]) -> [Outcome] {
        guard let buffer, !rows.isEmpty else { return [] }
        let path = self.path
        let sheet = self.sheet
        let encoding = self.encoding
        let workers = min(decoders.count, max(1, rows.count / 256))
        if workers <= 1 {
            let cells = CellDecoder(encoding: encoding)
            return rows.map {
                decoders[0].outcome(
                    of: $0, mapping: mapping, headerCount: headerCount, path: path, sheet: sheet, buffer: buffer, cells: cells)
            }
        }
        let input = SharedInput(rows: rows, buffer: buffer)
        let state = Mutex((decoders: decoders, outcomes: Array(repeating: [Outcome](), count: workers)))
        let perWorker = (rows.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var decoder = state.withLock { $0.decoders[w] }
            let cells = CellDecoder(encoding: encoding)
            let range = (w * perWorker)..<min(input.rows.count, (w + 1) * perWorker)
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(range.count)
            for i in range {
                outcomes.append(
                    decoder.outcome(
                        of: input.rows[i], mapping: mapping, headerCount: headerCount, path: path, sheet: sheet, buffer: input.buffer,
                        cells: cells))
            }
            state.withLock {
                $0.decoders[w] = decoder
                $0.outcomes[w] = outcomes
            }
        }
        return state.withLock { state in
            decoders = state.decoders
            return state.outcomes.flatMap { $0 }
        }
    }

    /// The rows and their bytes, read (never written) by every thread while `decode` waits.
    private struct SharedInput: @unchecked Sendable {
        let rows: [Row]
        let buffer: UnsafeBufferPointer<UInt8>
    }
}

extension InventoryDecoder {
    /// Reads one kept row (see `read(_:mapping:headerCount:diagnostics:)`).
    mutating func outcome(
        of row: RowBatch.Row, mapping: HeaderMapping, headerCount: Int, path: String, sheet: String?,
        buffer: UnsafeBufferPointer<UInt8>, cells: CellDecoder
    ) -> RowBatch.Outcome {
        let record = CSVRecord(
            path: path, fields: row.fields, line: row.line, sheet: sheet, syntaxErrors: row.syntaxErrors, buffer: buffer,
            decoder: cells)
        var log = DiagnosticLog()
        let read = read(record, mapping: mapping, headerCount: headerCount, diagnostics: &log)
        return RowBatch.Outcome(row: read, log: log)
    }
}
