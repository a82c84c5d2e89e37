/// Where each canonical column is in one flows.csv, from its header row, the built-in aliases
/// and the optional `columns.csv` (`column,header`) of the period.
package struct HeaderMapping: Sendable {
    /// Canonical column → 0-based field index.
    package private(set) var index: [FlowColumn: Int]
    /// `index` by `FlowColumn.ordinal`, -1 for a missing column: read for every cell of every row.
    private let fields: [Int]

    /// The 0-based field index of a column, nil when the file does not have it.
    package func field(_ column: FlowColumn) -> Int? {
        let i = fields[column.ordinal]
        return i < 0 ? nil : i
    }

    /// Maps a header row.
    /// - Parameters:
    ///   - headers: The header cells.
    ///   - custom: Extra header → column mappings from columns.csv (keys folded).
    ///   - location: Location of the header row (column filled per cell).
    package init(
        headers: [String],
        custom: [String: FlowColumn] = [:],
        location: SourceLocation,
        diagnostics: inout DiagnosticLog
    ) {
        var index: [FlowColumn: Int] = [:]
        var seen: [String: Int] = [:]
        var unknown: [FlowColumn: Int] = [:]  // the column an unknown header resembles → its index
        for (i, header) in headers.enumerated() {
            var at = location
            at.column = i + 1
            let key = FlowColumn.fold(header)
            if key.isEmpty {
                // Trailing empty header cells are what spreadsheets pad rows with; only warn inside.
                if headers[(i + 1)...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                    diagnostics.warning("input.empty-header", "column \(i + 1) has an empty header and is ignored", at: at)
                }
                continue
            }
            if let first = seen[key] {
                diagnostics.error(
                    "input.duplicate-header",
                    "header \(Diagnostic.quoted(header)) repeats column \(first + 1); the later column is ignored",
                    at: at)
                continue
            }
            seen[key] = i
            if let column = custom[key] ?? FlowColumn.byHeader[key] {
                if let existing = index[column] {
                    diagnostics.error(
                        "input.duplicate-header",
                        "header \(Diagnostic.quoted(header)) maps to '\(column.rawValue)', already taken by column \(existing + 1)",
                        at: at)
                } else {
                    index[column] = i
                }
            } else {
                let guess = Self.suggestion(for: header)
                let hint = guess.map { "; did you mean '\($0.rawValue)'?" } ?? ""
                diagnostics.warning(
                    "input.unknown-header",
                    "header \(Diagnostic.quoted(header)) is not a known column and is ignored\(hint) (map it in columns.csv)",
                    at: at)
                if let guess { unknown[guess] = unknown[guess] ?? i }
            }
        }
        for column in FlowColumn.allCases where column.isRequired && index[column] == nil {
            var at = location
            var hint = ""
            if let near = unknown[column] {
                at.column = near + 1
                hint = "; header \(Diagnostic.quoted(headers[near])) in column \(near + 1) looks like it"
            }
            diagnostics.error(
                "input.missing-column", "required column '\(column.rawValue)' is missing (\(column.japaneseAliases[0]))\(hint)",
                at: at)
        }
        self.index = index
        fields = FlowColumn.allCases.map { index[$0] ?? -1 }
    }

    /// The canonical column an unknown header most resembles (canonical names and Japanese
    /// aliases, folded), if any is close.
    static func suggestion(for header: String) -> FlowColumn? {
        Suggestion.closest(to: FlowColumn.fold(header), among: FlowColumn.byHeader.keys.sorted())
            .flatMap { FlowColumn.byHeader[$0] }
    }

    /// True when every required column was found.
    package var isComplete: Bool { FlowColumn.allCases.allSatisfy { !$0.isRequired || index[$0] != nil } }
}
