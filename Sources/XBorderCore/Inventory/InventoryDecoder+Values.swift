import Foundation

extension InventoryDecoder {
    /// Reads an enumeration cell; an unknown spelling is an error with the accepted values (and
    /// the closest one, if any is close) and makes the row unusable.
    /// - Parameter spellings: The enumeration's spellings, which read the common cell from its bytes.
    func enumeration<E: InventoryEnumeration>(
        _ column: FlowColumn, _ spellings: ByteSpellings<E>, required: Bool, _ record: borrowing CSVRecord,
        _ row: inout RowState
    ) -> E? {
        switch row.match(column, spellings, record) {
        case .value(let value): return value
        case .blank where !required: return nil
        default: break
        }
        let text = required ? row.required(column, record) : row.text(column, record)
        if text.isEmpty { return nil }
        if let value = context.vocabulary.value(E.self, text) { return value }
        let values = E.allCases.map(\.rawValue).joined(separator: ", ")
        let tail =
            context.vocabulary.suggestion(E.self, text).map { "; did you mean '\($0.rawValue)'? (one of \(values))" }
            ?? "; expected one of \(values)"
        row.diagnostics.error(
            "input.\(column.rawValue)", "unknown \(column.rawValue) \(Diagnostic.quoted(text))\(tail)",
            at: row.location(column, record))
        row.ok = false
        return nil
    }

    /// Reads a yes/no cell (empty: no); anything else is an error that makes the row unusable.
    func flag(_ column: FlowColumn, _ record: borrowing CSVRecord, _ row: inout RowState) -> Bool {
        switch row.match(column, spellings.flags, record) {
        case .value(let value): return value
        case .blank: return false
        case .other: break
        }
        let text = row.text(column, record)
        if text.isEmpty { return false }
        if let value = context.vocabulary.flag(text) { return value }
        row.diagnostics.error(
            "input.\(column.rawValue)", "\(column.rawValue) \(Diagnostic.quoted(text)) is not yes or no",
            at: row.location(column, record))
        row.ok = false
        return false
    }

    /// Reads a country cell: one country, or (unless `single`) a list separated by `;`, `,`,
    /// `、`, `/`, `|` or line breaks, without repeats. Each unknown spelling is an error that
    /// makes the row unusable.
    mutating func countries(
        _ column: FlowColumn, single: Bool, _ record: borrowing CSVRecord, _ row: inout RowState
    ) -> [Country] {
        if let read = row.plainBytes(column, record).flatMap({ spellings.countries($0, single: single) }) {
            return read
        }
        let text = row.text(column, record)
        if text.isEmpty { return [] }
        if let whole = resolveCountry(text) { return [whole] }
        let parts = text.split(whereSeparator: {
            $0 == ";" || $0 == "," || $0 == "、" || $0 == "/" || $0 == "|" || $0 == "\n"
        })
        .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if single || parts.count <= 1 {
            reportUnknownCountry(text, at: row.location(column, record), diagnostics: &row.diagnostics)
            row.ok = false
            return []
        }
        var result: [Country] = []
        for part in parts {
            if let country = resolveCountry(part) {
                if !result.contains(country) { result.append(country) }
            } else {
                reportUnknownCountry(part, at: row.location(column, record), diagnostics: &row.diagnostics)
                row.ok = false
            }
        }
        return result
    }

    /// Resolves one spelling through the country table, remembering short texts' answers.
    private mutating func resolveCountry(_ text: String) -> Country? {
        if let cached = countryCache[text] { return cached }
        let country = CountryTable.shared.resolve(text)
        if countryCache.count < 100_000 && text.utf8.count <= Self.cachedTextBytes { countryCache[text] = country }
        return country
    }

    /// Reports an unknown country, with the closest known name when it is close enough.
    private mutating func reportUnknownCountry(
        _ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog
    ) {
        var message = "unknown country \(Diagnostic.quoted(text))"
        // The search over every spelling is costly: remember its answer per distinct text.
        let guess: Country?
        if let cached = suggestionCache[text] {
            guess = cached
        } else {
            guess = CountryTable.shared.suggestion(for: text)
            if suggestionCache.count < 10_000 && text.utf8.count <= Self.cachedTextBytes {
                suggestionCache[text] = guess
            }
        }
        if let guess {
            message += "; did you mean '\(guess.name)' (\(guess.code))?"
        }
        diagnostics.error("input.country", message, at: location)
    }

    /// Reads `volume` as Excel writes numbers: `1200`, `1,200`, `1 200`, `7.5E+15`.
    func readVolume(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> Int? {
        if text.isEmpty { return nil }
        var text = text
        if thousandsWithDots, text.contains("."), !text.contains(","),
            text.components(separatedBy: ".").dropFirst().allSatisfy({ $0.count == 3 })
        {
            text = text.replacingOccurrences(of: ".", with: "")
        }
        let digits = text.filter { $0 != "," && $0 != " " && $0 != "_" && $0 != "\u{00A0}" && $0 != "'" }
        if let value = Int(digits), value >= 0 { return value }
        if let value = Double(digits), value.isFinite, value >= 0, value < 9.0e18 {
            diagnostics.warning(
                "input.volume-rounded",
                "volume \(Diagnostic.quoted(text)) was read as \(Int(value.rounded())); spreadsheet display may have rounded it",
                at: location)
            return Int(value.rounded())
        }
        diagnostics.warning(
            "input.volume", "volume \(Diagnostic.quoted(text)) is not a whole number of records and is ignored",
            at: location)
        return nil
    }

    /// Reads `controls`: measure IDs separated by `;`, `,` or spaces; unknown IDs are warnings.
    func readControls(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> [String] {
        if text.isEmpty { return [] }
        var ids: Set<String> = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " || $0 == "、" || $0 == "\n" }) {
            let id = part.trimmingWhitespace().uppercased()
            if id.isEmpty { continue }
            if context.knownMeasures.contains(id) {
                ids.insert(id)
            } else {
                diagnostics.warning(
                    "input.unknown-measure",
                    "control \(Diagnostic.quoted(String(part))) is not in measures.csv and has no effect",
                    at: location)
            }
        }
        return ids.sorted()
    }
}
