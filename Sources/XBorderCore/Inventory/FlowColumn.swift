/// The canonical columns of flows.csv (README, "Inputs") with their Japanese aliases.
package enum FlowColumn: String, Sendable, CaseIterable {
    case flowID = "flow_id", dataAsset = "data_asset", dataCategory = "data_category"
    case personalData = "personal_data", confidentiality, importantData = "important_data"
    case exportControlled = "export_controlled", criticality
    case originCountry = "origin_country", originEntity = "origin_entity", originType = "origin_type"
    case destinationCountry = "destination_country", destinationEntity = "destination_entity"
    case recipientType = "recipient_type", providerCountry = "provider_country"
    case storageCountries = "storage_countries", accessCountries = "access_countries"
    case volume, frequency, mechanism, controls, owner, notes

    /// The column's position in `allCases`, so that per-cell lookups index an array instead of
    /// hashing the raw value (`HeaderMapping.field(_:)`).
    package var ordinal: Int {
        switch self {
        case .flowID: 0
        case .dataAsset: 1
        case .dataCategory: 2
        case .personalData: 3
        case .confidentiality: 4
        case .importantData: 5
        case .exportControlled: 6
        case .criticality: 7
        case .originCountry: 8
        case .originEntity: 9
        case .originType: 10
        case .destinationCountry: 11
        case .destinationEntity: 12
        case .recipientType: 13
        case .providerCountry: 14
        case .storageCountries: 15
        case .accessCountries: 16
        case .volume: 17
        case .frequency: 18
        case .mechanism: 19
        case .controls: 20
        case .owner: 21
        case .notes: 22
        }
    }

    /// Columns a row cannot be assessed without.
    package var isRequired: Bool {
        switch self {
        case .flowID, .dataAsset, .dataCategory, .confidentiality, .originCountry, .destinationCountry: true
        default: false
        }
    }

    /// Japanese headers accepted for the column (the first is the one the README names).
    package var japaneseAliases: [String] {
        switch self {
        case .flowID: ["フローID", "フローＩＤ", "フロー番号"]
        case .dataAsset: ["データ名", "データ資産", "データ名称"]
        case .dataCategory: ["データ種別", "データ区分", "データカテゴリ"]
        case .personalData: ["個人データ", "個人データ区分", "個人情報"]
        case .confidentiality: ["機密区分", "機密性", "秘密区分"]
        case .importantData: ["重要データ"]
        case .exportControlled: ["輸出管理対象", "輸出管理", "該非"]
        case .criticality: ["重要度", "事業重要度"]
        case .originCountry: ["移転元国", "移転元の国"]
        case .originEntity: ["移転元拠点", "移転元組織", "移転元"]
        case .originType: ["移転元種別", "提供元種別", "データ提供元種別"]
        case .destinationCountry: ["移転先国", "移転先の国"]
        case .destinationEntity: ["移転先組織", "移転先拠点", "移転先", "受領者"]
        case .recipientType: ["受領者種別", "移転先種別", "受領者区分"]
        case .providerCountry: ["提供者本拠国", "事業者本拠国", "プロバイダ国"]
        case .storageCountries: ["保管国", "保存国", "保管場所"]
        case .accessCountries: ["アクセス元国", "アクセス国"]
        case .volume: ["件数", "データ量", "年間件数"]
        case .frequency: ["頻度", "移転頻度"]
        case .mechanism: ["移転手段", "移転方法"]
        case .controls: ["実施済み対策", "対策", "実施済対策"]
        case .owner: ["責任部署", "担当部署", "責任者"]
        case .notes: ["備考", "メモ"]
        }
    }

    /// Folds a header for matching: case- and space-insensitive, `-`/space as `_`.
    package static func fold(_ header: String) -> String {
        // Already canonical (lower-case ASCII letters, digits, single inner underscores): as is.
        let bytes = header.utf8
        if let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "_"), last != UInt8(ascii: "_"),
            bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") })
        {
            return header
        }
        var out = ""
        var lastUnderscore = false
        for ch in header.trimmingWhitespace().lowercased() {
            if ch == " " || ch == "-" || ch == "_" || ch == "\u{3000}" {
                if !lastUnderscore && !out.isEmpty { out.append("_") }
                lastUnderscore = true
            } else {
                out.append(ch)
                lastUnderscore = false
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    /// Folded header → column, over canonical names and aliases.
    package static let byHeader: [String: FlowColumn] = {
        var map: [String: FlowColumn] = [:]
        for column in allCases {
            map[fold(column.rawValue)] = column
            for alias in column.japaneseAliases { map[fold(alias)] = column }
        }
        return map
    }()
}
