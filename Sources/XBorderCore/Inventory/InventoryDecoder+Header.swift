extension InventoryDecoder {
    /// Looks for the header row: the first record that names every required column. Up to
    /// `maxPreambleRows` records above it (register templates' title and contact blocks) are
    /// skipped with a note. Without such a record, the first one's problems are reported.
    struct HeaderSearch {
        /// What a record turned out to be.
        enum Step {
            /// The header: where each column is, and how many cells it has.
            case found(HeaderMapping, headerCount: Int)
            /// Not the header; the next record may be.
            case notYet
            /// Not the header, and no record after it is looked at.
            case givenUp
        }

        let sheet: Spreadsheet
        /// Extra header mappings (columns.csv), keys folded.
        let customHeaders: [String: FlowColumn]
        private var candidates = 0
        private var firstCandidateLog: DiagnosticLog?
        private var firstCandidateLine = 0
        private var gaveUp = false

        /// Creates a search over the records of `sheet`.
        init(sheet: Spreadsheet, customHeaders: [String: FlowColumn]) {
            self.sheet = sheet
            self.customHeaders = customHeaders
        }

        /// Maps `record` as a header row; when it is the header, its diagnostics (and the note
        /// about skipped rows above it) go to `diagnostics`, else the first candidate's are kept.
        mutating func consider(_ record: borrowing CSVRecord, diagnostics: inout DiagnosticLog) -> Step {
            var headerLog = DiagnosticLog()
            var headers: [String] = []
            for i in 0..<record.count { headers.append(record.string(at: i, diagnostics: &headerLog) ?? "") }
            let candidate = HeaderMapping(
                headers: headers, custom: customHeaders, location: sheet.location(line: record.line),
                diagnostics: &headerLog)
            candidates += 1
            if candidate.isComplete {
                diagnostics.merge(headerLog)
                if candidates > 1 {
                    diagnostics.emit(
                        Diagnostic(
                            .note, code: "input.preamble",
                            "the header is on line \(record.line); the \(candidates - 1) rows above it are not flow rows and were skipped",
                            at: sheet.location(line: record.line)))
                }
                return .found(candidate, headerCount: headers.count)
            }
            if firstCandidateLog == nil {
                firstCandidateLog = headerLog
                firstCandidateLine = record.line
            }
            if candidates >= InventoryDecoder.maxPreambleRows {
                gaveUp = true
                return .givenUp
            }
            return .notYet
        }

        /// Reports a file without a header row: the first candidate's problems and where the
        /// header was expected, or that the file has no rows at all.
        func reportNotFound(diagnostics: inout DiagnosticLog) {
            guard let firstCandidateLog else {
                diagnostics.error("input.empty", "flows.csv has no header row", at: sheet.location())
                return
            }
            diagnostics.merge(firstCandidateLog)
            if gaveUp || candidates > 1 {
                diagnostics.emit(
                    Diagnostic(
                        .note, code: "input.header-not-found",
                        "no row among the first \(candidates) names every required column; the header is expected on line \(firstCandidateLine)",
                        at: sheet.location(line: firstCandidateLine)))
            }
        }
    }
}
