extension InventoryDecoder {
    /// A data row being decoded: where its columns are, its diagnostics so far, and whether it
    /// can still become a flow.
    struct RowState {
        /// Where each column is.
        let mapping: HeaderMapping
        /// The row's diagnostics, in the order they were found.
        var diagnostics = DiagnosticLog()
        /// False once a value makes the row unusable (it has an error).
        var ok = true
        /// Columns whose bytes are invalid in the file's encoding (each already has an error).
        private var undecodable: Set<FlowColumn> = []

        /// Creates the state of a row of a file with this header.
        init(mapping: HeaderMapping) { self.mapping = mapping }

        /// The trimmed text of a cell: "" when the column or the cell is absent, or when its bytes
        /// are invalid in the file's encoding (an error, and the column is remembered).
        mutating func text(_ column: FlowColumn, _ record: borrowing CSVRecord) -> String {
            guard let i = mapping.field(column) else { return "" }
            guard let text = record.string(at: i, diagnostics: &diagnostics) else {
                undecodable.insert(column)
                return ""
            }
            return text.trimmingWhitespace()
        }

        /// The trimmed text of a required cell; empty makes the row unusable (with an error,
        /// unless the cell could not be decoded, which has its own).
        mutating func required(_ column: FlowColumn, _ record: borrowing CSVRecord) -> String {
            let value = text(column, record)
            if value.isEmpty {
                if !undecodable.contains(column) {
                    diagnostics.error(
                        "input.required", "required value '\(column.rawValue)' is empty", at: location(column, record))
                }
                ok = false
            }
            return value
        }

        /// True when the cell is empty after trimming (decoded as `text` is, with its diagnostics,
        /// unless it is a plain printable-ASCII cell).
        mutating func isEmpty(_ column: FlowColumn, _ record: borrowing CSVRecord) -> Bool {
            if let empty = plainBytes(column, record)?.printableASCIITrimmed()?.isEmpty { return empty }
            return text(column, record).isEmpty
        }

        /// The bytes of a cell that is a plain slice of the input (unquoted, or quoted without
        /// doubled quotes), empty when the column or the cell is absent; nil for any other cell,
        /// which only the String path reads. Valid while the record is.
        func plainBytes(_ column: FlowColumn, _ record: borrowing CSVRecord) -> UnsafeBufferPointer<UInt8>? {
            guard let i = mapping.field(column), i < record.count else {
                return UnsafeBufferPointer(start: nil, count: 0)
            }
            return record.fields[i].plainValue(in: record.buffer)
        }

        /// A cell looked up in a byte table (`.other` when it is not a plain slice of the input).
        func match<Value>(
            _ column: FlowColumn, _ spellings: ByteSpellings<Value>, _ record: borrowing CSVRecord
        ) -> ByteSpellings<Value>.Match {
            plainBytes(column, record).map { spellings.match($0) } ?? .other
        }

        /// Where a column's cell is (column 1 when the column is absent).
        func location(_ column: FlowColumn, _ record: borrowing CSVRecord) -> SourceLocation {
            record.location(mapping.field(column) ?? 0)
        }

        /// Warns once when the row has a non-empty cell beyond the header's last column.
        mutating func warnAboutExtraCells(_ record: borrowing CSVRecord, headerCount: Int) {
            guard record.count > headerCount else { return }
            for i in headerCount..<record.count where !record.isEmpty(at: i) {
                diagnostics.warning(
                    "input.extra-cell", "cell beyond the last header column is ignored", at: record.location(i))
                break
            }
        }

        /// Warns about each free-text value with characters the reports leave out.
        mutating func warnAboutControlCharacters(in flow: Flow, _ record: borrowing CSVRecord) {
            warnIfRemoved(.flowID, flow.id, record)
            warnIfRemoved(.dataAsset, flow.asset, record)
            warnIfRemoved(.originEntity, flow.originEntity, record)
            warnIfRemoved(.destinationEntity, flow.destinationEntity, record)
            warnIfRemoved(.owner, flow.owner, record)
            warnIfRemoved(.notes, flow.notes, record)
        }

        private mutating func warnIfRemoved(_ column: FlowColumn, _ text: String, _ record: borrowing CSVRecord) {
            guard TextSanitizer.containsRemoved(text) else { return }
            diagnostics.warning(
                "input.control-character",
                "\(column.rawValue) \(Diagnostic.quoted(text)) contains control or bidirectional-override characters; the reports leave them out",
                at: location(column, record))
        }
    }
}
