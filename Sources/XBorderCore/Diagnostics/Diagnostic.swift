/// A problem found in the inputs, the reference data, the templates or the rendered reports.
///
/// Printed compiler-style: `Inputs/2026-Q3/flows.csv:12:9: error: unknown country 'Germny'; did
/// you mean 'Germany' (DE)? [input.country]`. The code is stable: users' scripts rely on it.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    package enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How bad it is.
    package var severity: Severity
    /// Stable reverse-DNS-like identifier such as `input.country`.
    package var code: String
    /// Lower-case fragment naming the bad value in single quotes.
    package var message: String
    /// Where it is, when known.
    package var location: SourceLocation?
    /// Extra context, such as the template that produced a rendered line.
    package var notes: [String]
    /// The message's values by name, for a translated wording: the report (and the CLI) word a
    /// diagnostic from the catalogue key `diag_<code>` (dots and hyphens as underscores) filled
    /// with these when the catalogue has it; empty for diagnostics worded in English only.
    package var arguments: [String: String] = [:]

    /// Creates a diagnostic.
    package init(
        _ severity: Severity,
        code: String,
        _ message: String,
        at location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The catalogue key of a translated wording: `diag_assessment_control_contradiction`.
    package var catalogueKey: String { "diag_" + String(code.map { $0 == "." || $0 == "-" ? "_" : $0 }) }

    /// The message in `catalogue`'s language when it is not English, has a wording for this
    /// code and the diagnostic carries its values; the English message otherwise. An argument
    /// written `@key` is itself a catalogue key (a token's label, such as `@decision_open`).
    package func message(in catalogue: MessageCatalog) -> String {
        guard catalogue.locale != "en", !arguments.isEmpty, let template = catalogue.messages[catalogueKey],
            !template.isEmpty
        else { return message }
        return catalogue.format(
            catalogueKey, arguments.mapValues { $0.hasPrefix("@") ? catalogue[String($0.dropFirst())] : $0 })
    }

    /// Compiler-style rendering, notes on following lines.
    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        for note in notes { text += "\n    note: \(note)" }
        return text
    }
}

extension Diagnostic {
    /// Quotes an untrusted value for a message: single quotes, control characters made visible,
    /// long values shortened so one bad 1 GB cell cannot flood the terminal or the report.
    package static func quoted(_ value: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFFFE, 0xFFFF:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "'\(out)'"
    }
}
