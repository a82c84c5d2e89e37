extension InventoryDecoder {
    /// Reads one data record after the header: nil for a row of nothing but delimiters (Excel
    /// pads sheets with `,,,` rows), else a flow or a rejected row (errors in `diagnostics`).
    mutating func read(
        _ record: borrowing CSVRecord, mapping: HeaderMapping, headerCount: Int, diagnostics: inout DiagnosticLog
    ) -> Row? {
        if !record.hasSyntaxError && (0..<record.count).allSatisfy({ record.isBlank(at: $0) }) { return nil }
        var rowLog = DiagnosticLog()
        // A record with a CSV syntax error has unreliable cells: reject it on that error alone.
        let flow =
            record.hasSyntaxError
            ? nil : decodeRow(record, mapping: mapping, headerCount: headerCount, diagnostics: &rowLog)
        let errors = rowLog.all.filter { $0.severity == .error }
        diagnostics.merge(rowLog)
        if let flow, errors.isEmpty, !record.hasSyntaxError { return .flow(flow) }
        return .rejected(rejectedRow(record, mapping: mapping, errors: errors))
    }

    /// The rejected-row entry of a record: its location, flow ID, error codes and first error.
    private func rejectedRow(
        _ record: borrowing CSVRecord, mapping: HeaderMapping, errors: [Diagnostic]
    ) -> Inventory.RejectedRow {
        let codes = Set(errors.map(\.code) + record.syntaxErrors.map(\.code))
        var id =
            mapping.field(.flowID).flatMap { i -> String? in
                var scratch = DiagnosticLog()
                return record.string(at: i, diagnostics: &scratch)?.trimmingWhitespace()
            } ?? ""
        // Ten thousand kept rows with megabyte IDs would hold gigabytes; the line finds the row.
        if id.utf8.count > Self.cachedTextBytes { id = String(id.prefix(Self.rejectedIDCharacters)) + "…" }
        return .init(
            location: SourceLocation(file: record.path, line: record.line, sheet: record.sheet), flowID: id,
            codes: codes.sorted(), reason: errors.first?.message ?? record.syntaxErrors.first?.message ?? "")
    }

    /// Decodes one data row; nil when a required value is unusable (errors are in `diagnostics`).
    mutating func decodeRow(
        _ record: borrowing CSVRecord, mapping: HeaderMapping, headerCount: Int, diagnostics: inout DiagnosticLog
    ) -> Flow? {
        var row = RowState(mapping: mapping)
        defer { diagnostics.merge(row.diagnostics) }
        row.warnAboutExtraCells(record, headerCount: headerCount)
        let required = readRequiredColumns(record, &row)
        let optional = readOptionalColumns(record, &row)
        guard row.ok, let category = required.category, let confidentiality = required.confidentiality,
            let origin = required.origin, let destination = required.destination
        else { return nil }
        var flow = Flow(
            id: required.id, asset: required.asset, category: category, confidentiality: confidentiality,
            origin: origin, destination: destination,
            location: SourceLocation(file: record.path, line: record.line, sheet: record.sheet))
        optional.apply(to: &flow)
        if row.isEmpty(.importantData, record) { flow.assumed.insert(.importantData) }
        flow.originEntity = row.text(.originEntity, record)
        flow.destinationEntity = row.text(.destinationEntity, record)
        flow.owner = row.text(.owner, record)
        flow.notes = row.text(.notes, record)
        row.warnAboutControlCharacters(in: flow, record)
        return flow
    }

    /// The values of the required columns, each nil when unusable (the row then has an error).
    struct RequiredColumns {
        var id: String
        var asset: String
        var category: DataCategory?
        var confidentiality: Confidentiality?
        var origin: Country?
        var destination: Country?
    }

    /// Reads the required columns, in the order of their diagnostics.
    private mutating func readRequiredColumns(_ record: borrowing CSVRecord, _ row: inout RowState) -> RequiredColumns {
        let id = row.required(.flowID, record)
        let asset = row.required(.dataAsset, record)
        let category = enumeration(.dataCategory, spellings.category, required: true, record, &row)
        let confidentiality = enumeration(.confidentiality, spellings.confidentiality, required: true, record, &row)
        // Both country cells are checked for emptiness before either is looked up (the order of
        // their diagnostics); a known spelling read from the bytes has none.
        let knownOrigin = knownCountry(.originCountry, record, row)
        let knownDestination = knownCountry(.destinationCountry, record, row)
        let originText = knownOrigin == nil ? row.required(.originCountry, record) : ""
        let destinationText = knownDestination == nil ? row.required(.destinationCountry, record) : ""
        let origin =
            knownOrigin ?? (originText.isEmpty ? nil : countries(.originCountry, single: true, record, &row).first)
        let destination =
            knownDestination
            ?? (destinationText.isEmpty ? nil : countries(.destinationCountry, single: true, record, &row).first)
        return RequiredColumns(
            id: id, asset: asset, category: category, confidentiality: confidentiality, origin: origin,
            destination: destination)
    }

    /// A country cell read from its bytes when it is one known spelling; else nil, and the
    /// String path reads it.
    private func knownCountry(_ column: FlowColumn, _ record: borrowing CSVRecord, _ row: RowState) -> Country? {
        row.plainBytes(column, record).flatMap { spellings.countries($0, single: true)?.first }
    }
}
