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
        let personalData = enumeration(.personalData, PersonalData.self, required: false, record, &row)
        let criticality = enumeration(.criticality, Criticality.self, required: false, record, &row)
        let recipientType = enumeration(.recipientType, RecipientType.self, required: false, record, &row)
        let originType = enumeration(.originType, RecipientType.self, required: false, record, &row)
        let frequency = enumeration(.frequency, Frequency.self, required: false, record, &row)
        let mechanism = enumeration(.mechanism, Mechanism.self, required: false, record, &row)
        let importantData = flag(.importantData, record, &row)
        let exportControlled = flag(.exportControlled, record, &row)
        let providerCountry = countries(.providerCountry, single: true, record, &row).first
        let storage = countries(.storageCountries, single: false, record, &row)
        let access = countries(.accessCountries, single: false, record, &row)
        let volumeText = row.text(.volume, record)
        let volume = readVolume(volumeText, at: row.location(.volume, record), diagnostics: &row.diagnostics)
        let controlsText = row.text(.controls, record)
        let controls = readControls(controlsText, at: row.location(.controls, record), diagnostics: &row.diagnostics)
        return OptionalColumns(
            personalData: personalData, criticality: criticality, recipientType: recipientType, originType: originType,
            frequency: frequency, mechanism: mechanism, importantData: importantData,
            exportControlled: exportControlled,
            providerCountry: providerCountry, storage: storage, access: access, volume: volume, controls: controls)
    }
}
