import Foundation
import XBorderCore

extension Diagnostic {
    /// The diagnostic in the language of `text`: the message of its code from the catalogue
    /// (`diag_<code>`, dots and hyphens as underscores, placeholders `{value}` and `{detail}`
    /// from the English message's first quoted value and text after a semicolon) when there is
    /// one, else the English message.
    func localized(_ text: CLIText) -> Diagnostic {
        guard text.locale != "en" else { return self }
        let key = "diag_" + code.map { $0 == "." || $0 == "-" ? "_" : $0 }.map(String.init).joined()
        guard let template = text.label(key), !template.isEmpty else { return self }
        var copy = self
        copy.message = MessageCatalog.fill(template) { name in
            switch String(decoding: name, as: UTF8.self) {
            case "value": quotedValue ?? ""
            case "detail": detail ?? ""
            default: nil
            }
        }
        return copy
    }

    /// The first `'…'` in the English message.
    private var quotedValue: String? {
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close])
    }

    /// The English message after its first `; `, if any.
    private var detail: String? {
        message.range(of: "; ").map { String(message[$0.upperBound...]) }
    }
}
