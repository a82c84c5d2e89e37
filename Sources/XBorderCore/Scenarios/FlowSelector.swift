/// Which flows a scenario applies to: a list of flow IDs, or filters on inventory columns that
/// must all hold (`destination_country=CN;recipient_type=cloud_provider`), each with `|`
/// alternatives. Values are normalized as flows.csv reads them, so they compare exactly.
package enum FlowSelector: Sendable, Hashable {
    /// These flow IDs.
    case flows([String])
    /// Flows for which every filter holds.
    case filters([Filter])

    /// `column=value|value`: holds when the flow's value (any of them, for list columns) is
    /// one of `values`.
    package struct Filter: Sendable, Hashable {
        /// The inventory column.
        package var column: FlowColumn
        /// The accepted values.
        package var values: Set<Value>

        /// Creates a filter.
        package init(column: FlowColumn, values: Set<Value>) {
            self.column = column
            self.values = values
        }
    }

    /// A normalized cell value.
    package enum Value: Sendable, Hashable {
        /// Free text, folded (case-, width- and spacing-insensitive).
        case text(String)
        /// An enumeration token or a measure ID.
        case token(String)
        /// A country.
        case country(Country)
        /// A yes/no column.
        case flag(Bool)
        /// A number (`volume`).
        case number(Int)
    }

    /// True when the selector picks `flow`.
    package func matches(_ flow: Flow) -> Bool {
        switch self {
        case .flows(let ids): ids.contains(flow.id)
        case .filters(let filters): filters.allSatisfy { $0.matches(flow) }
        }
    }

    /// Indices of the flows the selector picks, in inventory order. A list of IDs is looked up
    /// in a set: the board brief selects thousands of flows of a large inventory this way.
    package func select(in flows: [Flow]) -> [Int] {
        switch self {
        case .flows(let ids):
            let wanted = Set(ids)
            return flows.indices.filter { wanted.contains(flows[$0].id) }
        case .filters:
            return flows.indices.filter { matches(flows[$0]) }
        }
    }
}

extension FlowSelector.Filter {
    /// True when one of the flow's values for the column is accepted.
    package func matches(_ flow: Flow) -> Bool {
        Self.values(of: flow, column).contains { values.contains($0) }
    }

    /// The flow's values for `column`, normalized as a filter's are. Defaults apply as the
    /// assessment applies them: an omitted `provider_country` is the destination, omitted
    /// `storage_countries` are the destination, an omitted `origin_type` is `group_company`.
    static func values(of flow: Flow, _ column: FlowColumn) -> [FlowSelector.Value] {
        typealias Value = FlowSelector.Value
        func text(_ s: String) -> [Value] { [.text(Vocabulary.fold(s))] }
        func token<E: InventoryEnumeration>(_ e: E?) -> [Value] { e.map { [.token($0.rawValue)] } ?? [] }
        switch column {
        case .flowID: return text(flow.id)
        case .dataAsset: return text(flow.asset)
        case .dataCategory: return token(flow.category)
        case .personalData: return token(flow.personalData)
        case .confidentiality: return token(flow.confidentiality)
        case .importantData: return [.flag(flow.importantData)]
        case .exportControlled: return [.flag(flow.exportControlled)]
        case .criticality: return token(flow.criticality)
        case .originCountry: return [.country(flow.origin)]
        case .originEntity: return text(flow.originEntity)
        case .originType: return token(flow.originType ?? .groupCompany)
        case .destinationCountry: return [.country(flow.destination)]
        case .destinationEntity: return text(flow.destinationEntity)
        case .recipientType: return token(flow.recipientType)
        case .providerCountry: return [.country(flow.providerCountry ?? flow.destination)]
        case .storageCountries: return flow.storageCountries.map { .country($0) }
        case .accessCountries: return flow.access.map { .country($0) }
        case .volume: return flow.volume.map { [.number($0)] } ?? []
        case .frequency: return token(flow.frequency)
        case .mechanism: return token(flow.mechanism)
        case .controls: return flow.controls.map { .token($0) }
        case .owner: return text(flow.owner)
        case .notes: return text(flow.notes)
        }
    }
}
