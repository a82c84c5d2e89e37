import Foundation
import XMLValidation
import ZIPFoundation

/// An Excel workbook (`.xlsx`) read without exporting it to CSV: ZIPFoundation opens the
/// package, libxml2's streaming reader reads its XML parts (`WorkbookParts`), and each
/// worksheet becomes a `Spreadsheet` of its displayed values — shared and inline strings,
/// numbers and dates as Excel shows them (`ExcelNumberFormat`) — so it is decoded, limited and
/// located like a CSV export, with locations such as `flows.xlsx:flows!C12`.
///
/// Every part is read with the input limit (`--max-input-bytes`) on its uncompressed size, so a
/// small archive cannot expand without bound; cells and rows have the CSV limits.
package struct Workbook {
    /// The workbook file's path, for locations.
    package let path: String
    /// The sheets' names, in workbook order.
    package let sheetNames: [String]
    private let archive: Archive
    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    private let formats: [ExcelNumberFormat]
    private let date1904: Bool
    private let maxPartBytes: Int

    /// Opens a workbook; nil (with a located error) when it is not a readable `.xlsx`.
    package init?(_ file: InputFile, maxPartBytes: Int, diagnostics: inout DiagnosticLog) {
        path = file.path
        self.maxPartBytes = maxPartBytes
        let at = SourceLocation(file: file.path)
        let opened: Archive?
        do { opened = try Archive(data: Data(file.bytes), accessMode: .read, pathEncoding: nil) } catch { opened = nil }
        guard let archive = opened else {
            diagnostics.error("input.workbook", "file is not an Excel workbook (.xlsx, a zip package)", at: at)
            return nil
        }
        self.archive = archive
        var problems: [String] = []
        func part(_ name: String, required: Bool) -> [UInt8]? {
            switch Self.read(name, from: archive, limit: maxPartBytes) {
            case .success(let bytes): return bytes
            case .failure(let reason):
                if required || reason.description != Self.missing { problems.append(reason.description) }
                return nil
            }
        }
        func collect(_ name: String, _ issues: [XMLIssue]) {
            if let first = issues.first(where: { $0.severity == .error }) {
                problems.append("part '\(name)' is not well-formed xml: \(first.line):\(first.column): \(first.message)")
            }
        }
        guard let workbookXML = part("xl/workbook.xml", required: true),
            let relsXML = part("xl/_rels/workbook.xml.rels", required: true)
        else {
            for problem in problems { diagnostics.error("input.workbook", problem, at: at) }
            return nil
        }
        let sheets = WorkbookParts.sheets(workbookXML)
        collect("xl/workbook.xml", sheets.issues)
        let rels = WorkbookParts.relationships(relsXML)
        collect("xl/_rels/workbook.xml.rels", rels.issues)
        var sheetParts: [String: String] = [:]
        for sheet in sheets.sheets {
            guard let target = rels.targets[sheet.id] else { continue }
            sheetParts[sheet.name] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheetNames = sheets.sheets.map(\.name).filter { sheetParts[$0] != nil }
        date1904 = sheets.date1904
        if let xml = part("xl/sharedStrings.xml", required: false) {
            let result = WorkbookParts.sharedStrings(xml)
            collect("xl/sharedStrings.xml", result.issues)
            sharedStrings = result.strings
        } else {
            sharedStrings = []
        }
        if let xml = part("xl/styles.xml", required: false) {
            let result = WorkbookParts.styles(xml)
            collect("xl/styles.xml", result.issues)
            formats = result.formats.map { ExcelNumberFormat(id: $0, customCodes: result.codes) }
        } else {
            formats = []
        }
        self.sheetParts = sheetParts
        for problem in problems { diagnostics.error("input.workbook", problem, at: at) }
        if !problems.isEmpty { return nil }
    }

    /// A worksheet as a spreadsheet of displayed values; nil (with a located error) when the
    /// sheet cannot be read.
    package func spreadsheet(named name: String, limits: CSVTokenizer.Limits, diagnostics: inout DiagnosticLog) -> Spreadsheet? {
        let at = SourceLocation(file: path, sheet: name)
        guard let partName = sheetParts[name] else {
            diagnostics.error(
                "input.workbook", "the workbook has no sheet \(Diagnostic.quoted(name)) (sheets: \(sheetNames.joined(separator: ", ")))",
                at: SourceLocation(file: path))
            return nil
        }
        let xml: [UInt8]
        switch Self.read(partName, from: archive, limit: maxPartBytes) {
        case .success(let bytes): xml = bytes
        case .failure(let reason):
            diagnostics.error("input.workbook", reason.description, at: at)
            return nil
        }
        let stored = WorkbookParts.rows(xml)
        if let first = stored.issues.first(where: { $0.severity == .error }) {
            diagnostics.error(
                "input.workbook", "sheet is not well-formed xml: \(first.line):\(first.column): \(first.message)", at: at)
            return nil
        }
        var text: [UInt8] = []
        var recordLines: [Int] = []
        var rows: [Int] = []
        var line = 1
        for row in stored.rows.sorted(by: { $0.number < $1.number }) where !row.cells.isEmpty {
            recordLines.append(line)
            rows.append(row.number)
            var column = 1
            for cell in row.cells.sorted(by: { $0.column < $1.column }) where cell.column >= column {
                while column < cell.column {
                    text.append(UInt8(ascii: ","))
                    column += 1
                }
                let value = display(cell)
                Self.appendField(value, to: &text, line: &line)
            }
            text.append(UInt8(ascii: "\n"))
            line += 1
        }
        return Spreadsheet(
            worksheetText: text, path: path, sheet: SheetOrigin(name: name, recordLines: recordLines, rows: rows), limits: limits)
    }

    /// A stored cell as Excel shows it.
    func display(_ cell: WorkbookParts.StoredCell) -> String {
        switch cell.type {
        case "s": return Int(cell.value).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
        case "inlineStr", "str", "e": return cell.value
        case "b": return cell.value == "1" ? "TRUE" : "FALSE"
        case "d": return cell.value.hasSuffix("T00:00:00") ? String(cell.value.dropLast(9)) : cell.value
        default:
            let format = cell.style < formats.count ? formats[cell.style] : ExcelNumberFormat(id: 0)
            return format.display(cell.value, date1904: date1904)
        }
    }

    /// Appends one CSV field, quoted when it holds a delimiter, quote or line break; counts the
    /// line breaks so records can be mapped back to rows.
    static func appendField(_ value: String, to text: inout [UInt8], line: inout Int) {
        let bytes = Array(value.utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            text.append(contentsOf: bytes)
            return
        }
        text.append(UInt8(ascii: "\""))
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { text.append(byte) }
            if byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
            text.append(byte)
        }
        text.append(UInt8(ascii: "\""))
    }

    static let missing = "missing"

    /// A part's bytes, refusing one larger than `limit` uncompressed (declared or actual).
    static func read(_ name: String, from archive: Archive, limit: Int) -> Result<[UInt8], ReadFailure> {
        guard let entry = archive[name] else { return .failure(ReadFailure(missing)) }
        if entry.uncompressedSize > UInt64(limit) {
            return .failure(ReadFailure("part '\(name)' is \(entry.uncompressedSize) bytes uncompressed, larger than the limit of \(limit) bytes (raise the limit with --max-input-bytes)"))
        }
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw ReadFailure("part '\(name)' expands beyond the limit of \(limit) bytes (raise the limit with --max-input-bytes)") }
                bytes.append(contentsOf: chunk)
            }
        } catch let failure as ReadFailure {
            return .failure(failure)
        } catch {
            return .failure(ReadFailure("part '\(name)' cannot be read: \(error)"))
        }
        return .success(bytes)
    }

    /// Why a part could not be read.
    struct ReadFailure: Error, Equatable, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
