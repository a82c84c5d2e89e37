internal import CLibXML2

/// Gathers the issues of one parse — libxml2's errors and the parser hooks' findings — capped
/// at ``limit`` per document. Reached from C callbacks through the parser context's `_private`.
final class IssueCollector {
    /// The most issues kept for one document; further ones are only counted.
    static let limit = 200

    /// What the parse is for.
    let mode: ParseMode
    /// Whether the parser met a DOCTYPE.
    var sawDoctype = false
    /// Line of the DOCTYPE, 0 if none was seen.
    var doctypeLine = 0
    /// Whether an internal-subset entity declaration was refused.
    var refusedEntityDeclaration = false
    /// Resources (DTDs, modules, entities) the offline entity loader refused or could not find.
    var unavailableResources: [String] = []
    /// A DTD loaded ahead that this parse may take instead of reading the files.
    var preloaded: PreloadedDTD?
    /// Whether the parse took `preloaded`.
    var usedPreloaded = false
    /// What a preloading parse keeps besides the DTD.
    var loadedParts: PreloadedDTD.Parts?

    private var kept: [XMLIssue] = []
    private var overflow = 0
    private var firstOverflow: XMLIssue?

    /// Creates an empty collector for a parse in `mode`.
    init(mode: ParseMode) {
        self.mode = mode
    }

    /// The issues kept so far (at most ``limit``), without the overflow note.
    var issues: [XMLIssue] { kept }

    /// Adds an issue, or counts it if the cap is reached.
    func add(_ issue: XMLIssue) {
        if kept.count < Self.limit {
            kept.append(issue)
        } else {
            if firstOverflow == nil { firstOverflow = issue }
            overflow += 1
        }
    }

    /// Adds an issue built from its parts.
    func add(_ severity: XMLIssue.Severity, _ code: String, line: Int, column: Int, _ message: String) {
        add(XMLIssue(severity: severity, code: code, line: line, column: column, message: message))
    }

    /// Drops the kept issues that `predicate` rejects.
    func keep(where predicate: (XMLIssue) -> Bool) {
        kept = kept.filter(predicate)
    }

    /// The kept issues, plus one final note when some were left out.
    func finished() -> [XMLIssue] {
        guard overflow > 0, let first = firstOverflow else { return kept }
        return kept + [
            XMLIssue(
                severity: first.severity,
                code: first.code,
                line: 0,
                column: 0,
                message: "… \(overflow) more issues not shown"
            )
        ]
    }

    /// Records one error that libxml2 raised.
    func record(_ error: xmlError) {
        // Once an entity declaration is refused the document is rejected; what libxml2 says
        // after that (undeclared references, a stopped parse) is only a cascade.
        if refusedEntityDeclaration || error.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
        let domain = UInt32(bitPattern: error.domain)
        let severity: XMLIssue.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        let message = Self.message(for: error)
        let code: String
        switch domain {
        case XML_FROM_VALID.rawValue, XML_FROM_DTD.rawValue:
            code = XMLIssue.Code.dtdInvalid
        case XML_FROM_IO.rawValue, XML_FROM_CATALOG.rawValue, XML_FROM_URI.rawValue:
            if mode.loadsDTD {
                unavailableResources.append(message)
                return
            }
            code = XMLIssue.Code.notWellFormed
        default:
            code = XMLIssue.Code.notWellFormed
        }
        add(severity, code, line: max(0, Int(error.line)), column: max(0, Int(error.int2)), message)
    }

    /// libxml2's message as a lower-case fragment with the offending names in single quotes.
    static func message(for error: xmlError) -> String {
        let str1 = error.str1.map { String(cString: $0) }
        let str2 = error.str2.map { String(cString: $0) }
        switch error.code {
        case Int32(XML_DTD_UNKNOWN_ELEM.rawValue):
            if let str1 { return "no declaration for element '\(str1)'" }
        case Int32(XML_DTD_UNKNOWN_ATTRIBUTE.rawValue):
            if let str1, let str2 { return "no declaration for attribute '\(str1)' of element '\(str2)'" }
        default:
            break
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown libxml2 error \(error.code)"
        return fragment(raw)
    }

    /// Trims `raw`, lower-cases its first letter (unless it starts an acronym) and turns double
    /// quotes into single quotes.
    static func fragment(_ raw: String) -> String {
        var text = Substring(raw)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        var result = String(String(text).map { $0 == "\"" ? "'" : $0 })
        if let first = result.first, first.isUppercase {
            if !(result.dropFirst().first?.isUppercase ?? false) {
                result = first.lowercased() + result.dropFirst()
            }
        }
        return result
    }
}
