// libFuzzer entry point over the spreadsheet reader and the inventory decoder.
//
// Built by Scripts/fuzz.sh together with the XBorderCore sources the reader needs (one module,
// `-parse-as-library -sanitize=fuzzer,address`); libFuzzer supplies `main`. Every input is read
// four ways so one run covers detection, tokenizing, cell decoding and row decoding:
//  1. as a file of its own: encoding and delimiter detection, `readTable`;
//  2. its first KiB with the flows.csv header in front, through `InventoryDecoder.decode` (capped:
//     every unknown country costs a "did you mean" search over all spellings, ~60 % of the time),
//     once keeping every rejected row and once keeping one and reading the rest again;
//  3. with a forced encoding and delimiter picked from the first byte;
//  4. with tiny tokenizer limits, so the too-many-fields and field-too-long paths run.
// A crash, a sanitizer report or a hang (libFuzzer's `-timeout`) is a finding; diagnostics are not.

/// The canonical flows.csv header (every column), so fuzzed rows reach `InventoryDecoder.decodeRow`.
private let flowsHeader = Array(
    ("flow_id,data_asset,data_category,personal_data,confidentiality,important_data,export_controlled,"
        + "criticality,origin_country,origin_entity,destination_country,destination_entity,recipient_type,"
        + "provider_country,storage_countries,access_countries,volume,frequency,mechanism,controls,owner,notes\n")
        .utf8)

/// The decoder context: no message catalogues (English tokens only) and a few measure IDs.
private let decoderContext = InventoryDecoder.Context(
    vocabulary: Vocabulary(catalogues: []),
    knownMeasures: ["M01", "M03", "M04", "M06", "M07"]
)

/// Bytes of input the inventory decoder sees (the reader paths see all of it).
private let decoderInputLimit = 1024

/// Delimiters the forced-option path chooses from (index = a bit field of the first byte).
private let forcedDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

/// Reads `sheet` as a table and touches every cell, as the reference loaders do.
private func readAll(_ sheet: Spreadsheet, diagnostics: inout DiagnosticLog) -> Int {
    let table = sheet.readTable(diagnostics: &diagnostics)
    var total = 0
    for row in table.records {
        for cell in row.cells { total &+= cell.utf8.count }
    }
    return total
}

/// libFuzzer's callback: must not keep state between calls and must return 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []

    // 1. The input as a spreadsheet of its own, detection as the product does it.
    var log = DiagnosticLog()
    let detected = EncodingDetector.detect(bytes)
    let sheet = Spreadsheet(InputFile(path: "fuzz.csv", bytes: bytes), diagnostics: &log)
    precondition(sheet.encoding == detected.encoding, "Spreadsheet and EncodingDetector disagree")
    _ = readAll(sheet, diagnostics: &log)
    _ = log.sorted

    // 2. The input as the rows of flows.csv.
    var inventoryLog = DiagnosticLog()
    let rows = flowsHeader + bytes.prefix(decoderInputLimit)
    let flows = Spreadsheet(InputFile(path: "flows.csv", bytes: rows), diagnostics: &inventoryLog)
    if let inventory = InventoryDecoder.decode(flows, context: decoderContext, diagnostics: &inventoryLog) {
        let accounted = inventory.flows.count + inventory.rejected.count
        precondition(inventory.rowsRead == accounted, "rows read ≠ assessed + rejected")
        // Keeping one rejected row in memory and spilling the rest to the temporary file lists the
        // same rows, unchanged.
        var scratch = DiagnosticLog()
        if let bounded = InventoryDecoder.decode(flows, context: decoderContext, keptRejected: 1, diagnostics: &scratch) {
            var listed: [Inventory.RejectedRow] = []
            do {
                try bounded.rejected.forEach { listed.append($0) }
            } catch {
                preconditionFailure("rejected rows cannot be read back: \(error)")
            }
            precondition(listed.map(\.location) == inventory.rejected.kept.map(\.location), "rejected rows lost")
            precondition(listed.map(\.codes) == inventory.rejected.kept.map(\.codes), "rejected rows changed")
            precondition(listed.map(\.flowID) == inventory.rejected.kept.map(\.flowID), "rejected IDs changed")
            precondition(listed.map(\.reason) == inventory.rejected.kept.map(\.reason), "rejected reasons changed")
        }
    }

    // 3. A forced encoding and delimiter (`--encoding`), chosen by the first byte.
    if let first = bytes.first {
        let encodings = TextEncoding.allCases
        let encoding = encodings[Int(first) % encodings.count]
        let delimiter = forcedDelimiters[Int(first >> 5) % forcedDelimiters.count]
        var forcedLog = DiagnosticLog()
        let forced = Spreadsheet(
            InputFile(path: "forced.csv", bytes: Array(bytes.dropFirst())), encoding: encoding, delimiter: delimiter,
            diagnostics: &forcedLog)
        _ = readAll(forced, diagnostics: &forcedLog)
    }

    // 4. Tiny limits: the record-shape errors and their diagnostics.
    var limitedLog = DiagnosticLog()
    var limits = CSVTokenizer.Limits()
    limits.maxFieldsPerRecord = 3
    limits.maxFieldBytes = 8
    let limited = Spreadsheet(InputFile(path: "fuzz.csv", bytes: bytes), limits: limits, diagnostics: &limitedLog)
    limited.forEachRecord(diagnostics: &limitedLog) { record, diagnostics in
        for column in 0...record.count {
            _ = record.string(at: column, diagnostics: &diagnostics)
            _ = record.isEmpty(at: column)
            _ = record.location(column)
        }
        return true
    }
    return 0
}
