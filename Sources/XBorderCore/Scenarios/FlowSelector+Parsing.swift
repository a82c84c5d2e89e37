extension FlowSelector {
    /// Reads the `flows` cell of scenarios.csv. Column names are read as flows.csv headers are
    /// (canonical, Japanese, columns.csv), values as flows.csv cells are (vocabulary labels,
    /// country names and codes, yes/no words), so `移転先国=中国` works.
    package struct Parser: Sendable {
        /// What flows.csv is read with: vocabulary, catalogue measure IDs, columns.csv headers.
        package var context: InventoryDecoder.Context

        /// Creates a parser reading as the inventory decoder with `context` does.
        package init(context: InventoryDecoder.Context) { self.context = context }

        /// The selector written in `text`; nil after located errors in `diagnostics`.
        package func parse(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> FlowSelector? {
            let parts = text.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !parts.isEmpty else {
                diagnostics.error(
                    "scenario.selector", "flows is empty; give flow IDs (F0004;F0093) or filters (destination_country=CN)",
                    at: location)
                return nil
            }
            let filterParts = parts.filter { $0.contains("=") }
            if filterParts.isEmpty { return .flows(parts) }
            guard filterParts.count == parts.count else {
                diagnostics.error(
                    "scenario.selector",
                    "selector \(Diagnostic.quoted(text)) mixes flow IDs and column=value filters; use one or the other",
                    at: location)
                return nil
            }
            var filters: [Filter] = []
            var ok = true
            for part in parts {
                if let filter = self.filter(part, at: location, diagnostics: &diagnostics) {
                    filters.append(filter)
                } else {
                    ok = false
                }
            }
            return ok ? .filters(filters) : nil
        }

        /// One `column=value|value` filter.
        private func filter(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> Filter? {
            let equals = text.firstIndex(of: "=")!
            let name = text[..<equals].trimmingWhitespace()
            guard let column = FlowColumn.byHeader[FlowColumn.fold(name)] ?? context.customHeaders[FlowColumn.fold(name)] else {
                var message = "unknown column \(Diagnostic.quoted(name)) in selector"
                if let guess = Self.nearestColumn(to: name) { message += "; did you mean '\(guess.rawValue)'?" }
                diagnostics.error("scenario.unknown-column", message, at: location)
                return nil
            }
            let alternatives = text[text.index(after: equals)...].split(separator: "|")
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !alternatives.isEmpty else {
                diagnostics.error("scenario.selector", "filter \(Diagnostic.quoted(text)) has no value", at: location)
                return nil
            }
            var values: Set<Value> = []
            for alternative in alternatives {
                switch value(alternative, column: column) {
                case .success(let value): values.insert(value)
                case .failure(let problem): diagnostics.error(problem.code, problem.message, at: location)
                }
            }
            return values.count == alternatives.count ? Filter(column: column, values: values) : nil
        }

        /// Why a value cannot be read.
        struct Problem: Error {
            var code = "scenario.value"
            var message: String
        }

        /// Reads one value of `column` as flows.csv would.
        func value(_ text: String, column: FlowColumn) -> Result<Value, Problem> {
            func token<E: InventoryEnumeration>(_: E.Type) -> Result<Value, Problem> {
                if let value = context.vocabulary.value(E.self, text) { return .success(.token(value.rawValue)) }
                return .failure(
                    Problem(
                        message: "unknown \(column.rawValue) \(Diagnostic.quoted(text)); expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            switch column {
            case .flowID, .dataAsset, .originEntity, .destinationEntity, .owner, .notes:
                return .success(.text(Vocabulary.fold(text)))
            case .dataCategory: return token(DataCategory.self)
            case .personalData: return token(PersonalData.self)
            case .confidentiality: return token(Confidentiality.self)
            case .criticality: return token(Criticality.self)
            case .originType, .recipientType: return token(RecipientType.self)
            case .frequency: return token(Frequency.self)
            case .mechanism: return token(Mechanism.self)
            case .importantData, .exportControlled:
                if let flag = context.vocabulary.flag(text) { return .success(.flag(flag)) }
                return .failure(Problem(message: "\(column.rawValue) \(Diagnostic.quoted(text)) is not yes or no"))
            case .originCountry, .destinationCountry, .providerCountry, .storageCountries, .accessCountries:
                if let country = CountryTable.shared.resolve(text) { return .success(.country(country)) }
                var message = "unknown country \(Diagnostic.quoted(text)) for \(column.rawValue)"
                if let guess = CountryTable.shared.suggestion(for: text) {
                    message += "; did you mean '\(guess.name)' (\(guess.code))?"
                }
                return .failure(Problem(message: message))
            case .volume:
                if let number = Int(text.filter { $0 != "," && $0 != "_" }), number >= 0 { return .success(.number(number)) }
                return .failure(Problem(message: "volume \(Diagnostic.quoted(text)) is not a whole number"))
            case .controls:
                let id = text.uppercased()
                if context.knownMeasures.contains(id) { return .success(.token(id)) }
                return .failure(
                    Problem(code: "scenario.unknown-measure", message: "unknown measure \(Diagnostic.quoted(text)) in controls filter"))
            }
        }

        /// The canonical column a misspelt name most likely means (at most 3 edits away).
        static func nearestColumn(to name: String) -> FlowColumn? {
            let folded = FlowColumn.fold(name)
            let ranked = FlowColumn.allCases.map { (EditDistance.levenshtein(folded, $0.rawValue, limit: 3), $0) }
                .filter { $0.0 <= 3 }
            return ranked.min { $0.0 < $1.0 }?.1
        }
    }
}
