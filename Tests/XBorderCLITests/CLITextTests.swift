import Foundation
import Testing

/// The CLI's built-in English texts are those of `Templates/messages/en.csv`, and Japanese has
/// every `cli_*` key.
@Suite struct CLITextTests {
    static func keys(_ locale: String) throws -> [String: String] {
        let text = try String(contentsOfFile: CLITests.root + "/Templates/messages/\(locale).csv", encoding: .utf8)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("cli_") || line.hasPrefix("diag_") {
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
}
