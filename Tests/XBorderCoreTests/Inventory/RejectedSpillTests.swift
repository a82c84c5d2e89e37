import Testing
import XBorderCore

/// The temporary file of rejected rows: what goes in comes back, whole and in order.
@Suite struct RejectedSpillTests {
    static func row(_ k: Int) -> Inventory.RejectedRow {
        Inventory.RejectedRow(
            location: SourceLocation(file: "flöws.csv", line: k + 2, sheet: k % 3 == 0 ? nil : (k % 3 == 1 ? "" : "流れ")),
            flowID: k % 5 == 0 ? "" : "F\(k)\n\"x\"", codes: k % 4 == 0 ? [] : ["value.unknown", "country.unknown"],
            reason: String(repeating: "理由 ", count: k % 7) + "row \(k)")
    }

    static func listed(_ spill: RejectedSpill) throws -> [Inventory.RejectedRow] {
        var rows: [Inventory.RejectedRow] = []
        try spill.forEach(path: "rejected.csv") { rows.append($0) }
        return rows
    }

    @Test("rows read back equal the rows appended, across several megabyte blocks and the unwritten tail")
    func roundTrip() throws {
        let spill = try #require(RejectedSpill())
        let rows = (0..<40_000).map(Self.row)
        for row in rows { #expect(spill.append(row)) }
        // Before `finish`, the last rows are still in the buffer: they are listed too.
        let early = try Self.listed(spill)
        spill.finish()
        let late = try Self.listed(spill)
        #expect(spill.count == rows.count)
        #expect(early.count == rows.count && late.count == rows.count)
        for (k, (a, b)) in zip(rows, late).enumerated() where k % 997 == 0 || a.location != b.location {
            #expect(a.location == b.location && a.flowID == b.flowID && a.codes == b.codes && a.reason == b.reason)
        }
        #expect(zip(early, late).allSatisfy { $0.location == $1.location && $0.reason == $1.reason })
    }

    @Test("an empty spill lists nothing")
    func empty() throws {
        let spill = try #require(RejectedSpill())
        spill.finish()
        #expect(try Self.listed(spill).isEmpty)
    }
}
