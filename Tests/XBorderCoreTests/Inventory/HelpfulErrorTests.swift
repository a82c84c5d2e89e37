import Foundation
import Testing
import XBorderCore
import TestSupport

/// "Did you mean" for headers and enumeration values, and Japanese enumeration labels read
/// as the message catalogue writes them or by their short form.
@Suite struct HelpfulErrorTests {
    static let header = "flow_id,data_asset,data_category,confidentiality,origin_country,destination_country\n"

    static func decode(_ csv: String, catalogues: [MessageCatalog] = []) -> (Inventory?, DiagnosticLog) {
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: "flows.csv", bytes: Array(csv.utf8)), diagnostics: &log)
        let context = InventoryDecoder.Context(vocabulary: Vocabulary(catalogues: catalogues), knownMeasures: [])
        return (InventoryDecoder.decode(sheet, context: context, diagnostics: &log), log)
    }

    static let japanese: MessageCatalog = {
        var log = DiagnosticLog()
        let bytes = try! FileSystem.read(Paths.repo("Templates/messages/ja.csv"))
        return MessageCatalog(locale: "ja", file: InputFile(path: "ja.csv", bytes: bytes), diagnostics: &log)
    }()

    @Test("a misspelled enumeration value suggests the closest one")
    func enumerationSuggestion() {
        let (_, log) = Self.decode(Self.header + "F1,CAD,technikal,confidental,JP,US\n")
        let messages = log.sorted.map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown data_category 'technikal'; did you mean 'technical'? (one of technical,") })
        #expect(messages.contains { $0.hasPrefix("unknown confidentiality 'confidental'; did you mean 'confidential'?") })
    }

    @Test("a misspelled header suggests its column, and the missing column points at it")
    func headerSuggestion() throws {
        let csv = "flow_id,data_asset,data_category,confidentiality,origin_country,destinaton_country\nF1,CAD,technical,secret,JP,US\n"
        let (inventory, log) = Self.decode(csv)
        #expect(inventory == nil)
        let descriptions = log.sorted.map(\.description)
        #expect(descriptions.contains(
            "flows.csv:1:6: warning: header 'destinaton_country' is not a known column and is ignored; did you mean 'destination_country'? (map it in columns.csv) [input.unknown-header]"))
        #expect(descriptions.contains {
            $0.hasPrefix("flows.csv:1:6: error: required column 'destination_country' is missing (移転先国); header 'destinaton_country' in column 6 looks like it")
        })
    }

    @Test("Japanese enumeration labels are read in full and by their short form", arguments: [
        ("極秘", Confidentiality.secret), ("極秘（営業秘密）", .secret), ("秘", .confidential), ("社内限", .internal),
    ])
    func japaneseConfidentiality(_ label: String, _ expected: Confidentiality) throws {
        let (inventory, log) = Self.decode(Self.header + "F1,CAD,技術データ,\(label),JP,US\n", catalogues: [Self.japanese])
        let flow = try #require(inventory?.flows.first, "\(log.sorted)")
        #expect(flow.confidentiality == expected)
        #expect(flow.category == .technical)
    }
}
