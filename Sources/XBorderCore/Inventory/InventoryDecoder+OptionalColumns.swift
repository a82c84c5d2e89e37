extension InventoryDecoder {
    /// The values of the optional columns as the row gives them (nil or empty: not given).
    struct OptionalColumns {
        var personalData: PersonalData?
        var criticality: Criticality?
        var recipientType: RecipientType?
        var originType: RecipientType?
        var frequency: Frequency?
        var mechanism: Mechanism?
        var importantData: Bool
        var exportControlled: Bool
        var providerCountry: Country?
        var storage: [Country]
        var access: [Country]
        var volume: Int?
        var controls: [String]

        /// Sets the flow's optional values, the defaults of those not given, and which defaults
        /// were assumed (except `importantData`, whose emptiness only the cell knows).
        func apply(to flow: inout Flow) {
            flow.personalData = personalData ?? (flow.category == .personal ? .personal : .none)
            flow.criticality = criticality ?? .medium
            flow.recipientType = recipientType
            flow.originType = originType
            flow.frequency = frequency
            flow.mechanism = mechanism
            flow.importantData = importantData
            flow.exportControlled = exportControlled
            flow.providerCountry = providerCountry
            flow.storage = storage
            flow.access = access
            flow.volume = volume
            flow.controls = controls
            var assumed: AssumedDefaults = []
            if storage.isEmpty { assumed.insert(.storage) }
            if access.isEmpty { assumed.insert(.access) }
            if criticality == nil { assumed.insert(.criticality) }
            if personalData == nil { assumed.insert(.personalData) }
            if recipientType == nil { assumed.insert(.recipientType) }
            if originType == nil { assumed.insert(.originType) }
            if mechanism == nil { assumed.insert(.mechanism) }
            flow.assumed = assumed
        }
    }

    /// Reads the optional columns, in the order of their diagnostics.
    mutating func readOptionalColumns(_ record: borrowing CSVRecord, _ row: inout RowState) -> OptionalColumns {
        let personalData = enumeration(.personalData, spellings.personalData, required: false, record, &row)
        let criticality = enumeration(.criticality, spellings.criticality, required: false, record, &row)
        let recipientType = enumeration(.recipientType, spellings.recipientType, required: false, record, &row)
        let originType = enumeration(.originType, spellings.recipientType, required: false, record, &row)
        let frequency = enumeration(.frequency, spellings.frequency, required: false, record, &row)
        let mechanism = enumeration(.mechanism, spellings.mechanism, required: false, record, &row)
        let importantData = flag(.importantData, record, &row)
        let exportControlled = flag(.exportControlled, record, &row)
        let providerCountry = countries(.providerCountry, single: true, record, &row).first
        let storage = countries(.storageCountries, single: false, record, &row)
        let access = countries(.accessCountries, single: false, record, &row)
        let volume = volume(record, &row)
        let controls = controls(record, &row)
        return OptionalColumns(
            personalData: personalData, criticality: criticality, recipientType: recipientType, originType: originType,
            frequency: frequency, mechanism: mechanism, importantData: importantData,
            exportControlled: exportControlled,
            providerCountry: providerCountry, storage: storage, access: access, volume: volume, controls: controls)
    }

    /// Reads `volume`: a plain number from its bytes, anything else as `readVolume` does.
    private func volume(_ record: borrowing CSVRecord, _ row: inout RowState) -> Int? {
        if let text = row.plainBytes(.volume, record)?.printableASCIITrimmed() {
            if text.isEmpty { return nil }
            // Up to 18 digits: never more than Int.max.
            if text.count <= 18, text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                return text.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
        }
        let text = row.text(.volume, record)
        return readVolume(text, at: row.location(.volume, record), diagnostics: &row.diagnostics)
    }

    /// Reads `controls`: known IDs from its bytes, anything else as `readControls` does.
    private func controls(_ record: borrowing CSVRecord, _ row: inout RowState) -> [String] {
        if let ids = row.plainBytes(.controls, record).flatMap({ spellings.controls($0) }) { return ids }
        let text = row.text(.controls, record)
        return readControls(text, at: row.location(.controls, record), diagnostics: &row.diagnostics)
    }
}
