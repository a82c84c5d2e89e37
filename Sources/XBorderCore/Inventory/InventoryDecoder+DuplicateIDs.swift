extension InventoryDecoder {
    /// Puts `flows` in ID order and rejects every row whose flow ID an earlier row (in file
    /// order) already uses: flow IDs are unique per period, and the first row keeps the ID.
    /// Most exports already list flows strictly increasing by ID, and then nothing is sorted.
    /// - Parameter flowIDColumn: The 0-based column of `flow_id` (the rejections point at it).
    static func keepFirstOfEachID(
        _ flows: inout [Flow], flowIDColumn: Int?, rejected: inout RejectedRows, diagnostics: inout DiagnosticLog
    ) {
        if (1..<max(1, flows.count)).allSatisfy({ flows[$0 - 1].id < flows[$0].id }) { return }
        flows.sort { ($0.id, $0.location.line) < ($1.id, $1.location.line) }
        var unique: [Flow] = []
        unique.reserveCapacity(flows.count)
        for flow in flows {
            if let last = unique.last, last.id == flow.id {
                var at = flow.location
                at.column = (flowIDColumn ?? 0) + 1
                diagnostics.error(
                    "input.duplicate-flow-id",
                    "flow_id \(Diagnostic.quoted(flow.id)) is already used on line \(last.location.line); this row is rejected",
                    at: at)
                rejected.appendDuplicate(
                    .init(
                        location: flow.location, flowID: flow.id, codes: ["input.duplicate-flow-id"],
                        reason: "duplicate flow_id"))
            } else {
                unique.append(flow)
            }
        }
        flows = unique
    }
}
