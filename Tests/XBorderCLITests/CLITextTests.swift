import Foundation
import Testing

@testable import xborder

/// The CLI's built-in English texts are those of `Templates/messages/en.csv`, and Japanese has
/// every `cli_*` key.
@Suite struct CLITextTests {
    static func keys(_ locale: String) throws -> [String: String] {
        let text = try String(contentsOfFile: CLITests.root + "/Templates/messages/\(locale).csv", encoding: .utf8)
        var result: [String: String] = [:]
        // `\r\n` is one Character: split on any line end.
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("cli_") || line.hasPrefix("diag_") {
            let comma = line.firstIndex(of: ",")!
            var value = String(line[line.index(after: comma)...])
            if value.hasPrefix("\"") { value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            result[String(line[..<comma])] = value
        }
        return result
    }

    @Test("every cli_ and diag_ key has English and Japanese text")
    func catalogues() throws {
        let en = try Self.keys("en"), ja = try Self.keys("ja")
        #expect(Set(en.keys) == Set(ja.keys))
        #expect(en.keys.contains("cli_archived") && ja.values.allSatisfy { !$0.isEmpty })
    }

    @Test("the built-in English texts are en.csv's cli_ texts, and a Japanese LANG picks Japanese")
    func builtInEnglish() throws {
        let en = try Self.keys("en").filter { $0.key.hasPrefix("cli_") }
        #expect(en == CLIText.english)
        #expect(CLIText.locale(option: nil, environment: ["LANG": "ja_JP.UTF-8"]) == "ja")
        #expect(CLIText.locale(option: nil, environment: ["LC_ALL": "C", "LANG": "ja_JP.UTF-8"]) == "en")
        #expect(CLIText.locale(option: "en", environment: ["LANG": "ja_JP.UTF-8"]) == "en")
        let japanese = CLIText(locale: "ja", templates: CLITests.root + "/Templates")
        #expect(japanese("cli_archived", ["path": "Output/2026-Q3"]) == "保管しました Output/2026-Q3")
    }
}
