/// The rejected rows of one inventory, in bounded memory.
///
/// Every row is counted, so `rows read = assessed + rejected` stays exact. The first
/// `keptLimit` rows rejected while decoding are kept (about 100 bytes each), and so is every
/// duplicate-ID row (it replaces a flow that was already in memory). On hostile input, such as
/// ten million garbage rows, the rest are not kept: `forEach` decodes them again from the
/// spreadsheet, which stays in memory anyway, when rejected.csv is written. No row is lost.
package struct RejectedRows: Sendable {
    /// How many rows rejected while decoding are kept in memory by default.
    package static let keptLimit = 10_000

    /// Every rejected row, kept or not.
    package private(set) var count = 0
    /// The rows in memory, in file order once decoding has finished: every row when
    /// `isComplete`, else the first ones plus the duplicate-ID rows.
    package private(set) var kept: [Inventory.RejectedRow] = []
    /// True when `kept` holds every rejected row.
    package var isComplete: Bool { rest == nil }

    private let limit: Int
    private var decodedKept = 0
    private var overflowStart: Spreadsheet.Position?
    private var rest: Remainder?

    /// What reads the rows that were not kept: the records from `start` on, decoded again.
    struct Remainder: Sendable {
        var sheet: Spreadsheet
        var start: Spreadsheet.Position
        var context: InventoryDecoder.Context
        var mapping: HeaderMapping
        var headerCount: Int
    }

    /// Creates an empty list that keeps at most `limit` rows rejected while decoding.
    package init(limit: Int = keptLimit) {
        self.limit = max(0, limit)
    }

    /// Adds a row rejected while decoding the record that starts at `position`.
    mutating func append(_ row: Inventory.RejectedRow, at position: Spreadsheet.Position) {
        count += 1
        if overflowStart == nil && decodedKept < limit {
            kept.append(row)
            decodedKept += 1
        } else if overflowStart == nil {
            overflowStart = position
        }
    }

    /// Adds a row rejected after decoding (a duplicate flow ID); always kept.
    mutating func appendDuplicate(_ row: Inventory.RejectedRow) {
        count += 1
        kept.append(row)
    }

    /// Sorts the kept rows and records how to read the others again.
    mutating func finish(sheet: Spreadsheet, context: InventoryDecoder.Context, mapping: HeaderMapping, headerCount: Int) {
        kept.sort { $0.location < $1.location }
        if let overflowStart {
            rest = Remainder(sheet: sheet, start: overflowStart, context: context, mapping: mapping, headerCount: headerCount)
        }
    }

    /// Calls `body` with every rejected row in file order: the kept ones merged with those
    /// decoded again. Stops at the first error `body` throws and rethrows it.
    package func forEach<E: Error>(_ body: (Inventory.RejectedRow) throws(E) -> Void) throws(E) {
        guard let rest else {
            for row in kept { try body(row) }
            return
        }
        var next = 0
        var failure: E?
        var decoder = InventoryDecoder(context: rest.context)
        decoder.thousandsWithDots = rest.sheet.delimiter == UInt8(ascii: ";")
        var scratch = DiagnosticLog()
        rest.sheet.forEachRecord(from: rest.start, diagnostics: &scratch) { record, _ in
            var rowLog = DiagnosticLog()
            guard case .rejected(let row)? = decoder.read(
                record, mapping: rest.mapping, headerCount: rest.headerCount, diagnostics: &rowLog)
            else { return true }
            do throws(E) {
                while next < kept.count && kept[next].location < row.location {
                    try body(kept[next])
                    next += 1
                }
                try body(row)
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        while next < kept.count {
            try body(kept[next])
            next += 1
        }
    }
}
