import XMLValidation

/// The XML parts of an Excel workbook (Office Open XML SpreadsheetML), each read with
/// libxml2's streaming reader (`XMLValidator.stream`): the sheet list, the relationships, the
/// shared strings, the number formats of the cell styles, and a worksheet's cells.
enum WorkbookParts {
    /// A cell as stored: its 1-based column, type attribute, style index and raw value or text.
    struct StoredCell {
        var column: Int
        var type: String
        var style: Int
        var value: String
    }

    /// A stored row: its 1-based number and its cells in column order.
    struct StoredRow {
        var number: Int
        var cells: [StoredCell]
    }

    /// `xl/workbook.xml`: the sheets in order (name, relationship id) and whether dates count
    /// from 1904.
    static func sheets(_ xml: [UInt8]) -> (sheets: [(name: String, id: String)], date1904: Bool, issues: [XMLIssue]) {
        var sheets: [(String, String)] = []
        var date1904 = false
        let issues = XMLValidator.stream(xml) { event in
            if case .start(let name, let attributes, _) = event {
                if name == "sheet", let sheet = attributes["name"], let id = attributes["r:id"] ?? relationshipID(attributes) {
                    sheets.append((sheet, id))
                } else if name == "workbookPr", let value = attributes["date1904"] {
                    date1904 = value == "1" || value == "true"
                }
            }
            return true
        }
        return (sheets, date1904, issues)
    }

    /// The relationship id attribute under whatever prefix the workbook binds it to.
    private static func relationshipID(_ attributes: [String: String]) -> String? {
        attributes.first { $0.key.hasSuffix(":id") }?.value
    }

    /// A `.rels` part: relationship id → target.
    static func relationships(_ xml: [UInt8]) -> (targets: [String: String], issues: [XMLIssue]) {
        var targets: [String: String] = [:]
        let issues = XMLValidator.stream(xml) { event in
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
            return true
        }
        return (targets, issues)
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, its rich-text runs joined, its phonetic
    /// guides (`<rPh>`, the furigana of Japanese cells) left out.
    static func sharedStrings(_ xml: [UInt8]) -> (strings: [String], issues: [XMLIssue]) {
        var strings: [String] = []
        var reader = TextCollector()
        let issues = XMLValidator.stream(xml) { event in
            if case .start("si", _, let isEmpty) = event {
                reader = TextCollector()
                if isEmpty { strings.append("") }
            } else if case .end("si") = event {
                strings.append(reader.text)
            } else {
                reader.take(event)
            }
            return true
        }
        return (strings, issues)
    }

    /// `xl/styles.xml`: the number format id of each cell style (`cellXfs`), and the custom
    /// number formats' codes.
    static func styles(_ xml: [UInt8]) -> (formats: [Int], codes: [Int: String], issues: [XMLIssue]) {
        var formats: [Int] = []
        var codes: [Int: String] = [:]
        var inCellXfs = false
        let issues = XMLValidator.stream(xml) { event in
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { codes[id] = code }
            case .start("cellXfs", _, let isEmpty):
                inCellXfs = !isEmpty
            case .end("cellXfs"):
                inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default:
                break
            }
            return true
        }
        return (formats, codes, issues)
    }

    /// A worksheet part: its rows with their stored cells. Rows and cells without an `r`
    /// attribute follow the previous one.
    static func rows(_ xml: [UInt8]) -> (rows: [StoredRow], issues: [XMLIssue]) {
        var rows: [StoredRow] = []
        var row: StoredRow?
        var cell: StoredCell?
        var inValue = false
        var value = ""
        var inline = TextCollector()
        var inInline = false
        let issues = XMLValidator.stream(xml) { event in
            switch event {
            case .start("row", let attributes, let isEmpty):
                let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
                if isEmpty { rows.append(StoredRow(number: number, cells: [])) } else { row = StoredRow(number: number, cells: []) }
            case .end("row"):
                if let row { rows.append(row) }
                row = nil
            case .start("c", let attributes, let isEmpty):
                let column = attributes["r"].flatMap(columnNumber) ?? ((row?.cells.last?.column ?? 0) + 1)
                let stored = StoredCell(
                    column: column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0, value: "")
                if isEmpty { row?.cells.append(stored) } else { cell = stored }
                value = ""
            case .end("c"):
                if var finished = cell {
                    finished.value = finished.type == "inlineStr" ? inline.text : value
                    row?.cells.append(finished)
                }
                cell = nil
                inline = TextCollector()
            case .start("v", _, let isEmpty):
                inValue = !isEmpty
            case .end("v"):
                inValue = false
            case .start("is", _, let isEmpty):
                inInline = !isEmpty
            case .end("is"):
                inInline = false
            case .text(let text) where inValue:
                value += text
            default:
                if inInline { inline.take(event) }
            }
            return true
        }
        return (rows, issues)
    }

    /// The 1-based column of a cell reference (`C12` → 3), or nil.
    static func columnNumber(_ reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            column = column * 26 + Int(scalar.value) - 64
            if column > 1 << 20 { return nil }
        }
        return column > 0 ? column : nil
    }

    /// Collects the text of `<t>` elements, outside phonetic guides (`<rPh>`).
    struct TextCollector {
        private(set) var text = ""
        private var inText = false
        private var phonetic = 0

        mutating func take(_ event: XMLStreamEvent) {
            switch event {
            case .start("rPh", _, let isEmpty): if !isEmpty { phonetic += 1 }
            case .end("rPh"): phonetic -= 1
            case .start("t", _, let isEmpty): inText = !isEmpty && phonetic == 0
            case .end("t"): inText = false
            case .text(let value) where inText: text += value
            default: break
            }
        }
    }
}
