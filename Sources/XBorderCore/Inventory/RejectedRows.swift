/// The rejected rows of one inventory, in bounded memory.
///
/// Every row is counted, so `rows read = assessed + rejected` stays exact. The first
/// `keptLimit` rows rejected while decoding are kept (about 100 bytes each), and so is every
/// duplicate-ID row (it replaces a flow that was already in memory). On hostile input, such as
/// ten million garbage rows, the rest go to a temporary file as they are decoded
/// (`RejectedSpill`) and are read back from it when rejected.csv is written. No row is lost, and
/// none is decoded twice.
package struct RejectedRows: Sendable {
    /// How many rows rejected while decoding are kept in memory by default.
    package static let keptLimit = 10_000

    /// Every rejected row, kept or not.
    package private(set) var count = 0
    /// The rows in memory, in file order once decoding has finished: every row when
    /// `isComplete`, else the first ones plus the duplicate-ID rows (and, if the temporary
    /// file could not be made or written, the rows it refused).
    package private(set) var kept: [Inventory.RejectedRow] = []
    /// True when `kept` holds every rejected row.
    package var isComplete: Bool { spill == nil || spill?.count == 0 }

    private let limit: Int
    private var decodedKept = 0
    /// The rows beyond `limit`, once there are any.
    private var spill: RejectedSpill?
    /// False once the temporary file could not be created: rows then stay in memory.
    private var canSpill = true

    /// Creates an empty list that keeps at most `limit` rows rejected while decoding.
    package init(limit: Int = keptLimit) {
        self.limit = max(0, limit)
    }

    /// Adds a row rejected while decoding; rows come in file order.
    mutating func append(_ row: Inventory.RejectedRow) {
        count += 1
        if decodedKept < limit {
            kept.append(row)
            decodedKept += 1
            return
        }
        if spill == nil && canSpill {
            spill = RejectedSpill()
            canSpill = spill != nil
        }
        if spill?.append(row) != true { kept.append(row) }
    }

    /// Adds a row rejected after decoding (a duplicate flow ID); always kept.
    mutating func appendDuplicate(_ row: Inventory.RejectedRow) {
        count += 1
        kept.append(row)
    }

    /// Sorts the kept rows and writes out the rows still buffered for the temporary file.
    mutating func finish() {
        kept.sort { $0.location < $1.location }
        spill?.finish()
    }

    /// Calls `body` with every rejected row in file order: the kept ones merged with those read
    /// back from the temporary file. Stops at the first error `body` throws and rethrows it.
    /// - Throws: `body`'s error, or a failure if the temporary file cannot be read back.
    package func forEach(_ body: (Inventory.RejectedRow) throws(FileSystem.Failure) -> Void) throws(FileSystem.Failure) {
        var next = 0
        if let spill {
            try spill.forEach(path: "rejected.csv") { (row) throws(FileSystem.Failure) in
                while next < kept.count && kept[next].location < row.location {
                    try body(kept[next])
                    next += 1
                }
                try body(row)
            }
        }
        while next < kept.count {
            try body(kept[next])
            next += 1
        }
    }
}
