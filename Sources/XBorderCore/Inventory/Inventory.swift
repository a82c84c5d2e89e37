/// Stage 2 output: the period's flows, typed and sorted by flow ID, plus every row that could
/// not be used. `rowsRead == flows.count + rejected.count` always holds.
package struct Inventory: Sendable {
    /// A row that was not assessed, and why.
    package struct RejectedRow: Sendable {
        /// Where the row starts.
        package var location: SourceLocation
        /// The flow ID if it could be read.
        package var flowID: String
        /// The error codes that rejected it, sorted and unique.
        package var codes: [String]
        /// The first error message.
        package var reason: String

        /// Creates a rejected-row entry.
        package init(location: SourceLocation, flowID: String, codes: [String], reason: String) {
            self.location = location
            self.flowID = flowID
            self.codes = codes
            self.reason = reason
        }
    }

    /// Flows in flow-ID order.
    package var flows: [Flow]
    /// Rejected rows in file order: all counted, the first ones kept in memory.
    package var rejected: RejectedRows
    /// Data rows read (header and blank lines excluded).
    package var rowsRead: Int

    /// Creates an inventory.
    package init(flows: [Flow], rejected: RejectedRows, rowsRead: Int) {
        self.flows = flows
        self.rejected = rejected
        self.rowsRead = rowsRead
    }
}
