/// One problem libxml2 or a structural check found, located in the checked document.
package struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
    /// How serious an issue is: errors fail the document, warnings are reported only.
    package enum Severity: String, Sendable {
        case warning, error
    }

    /// Whether the issue is a warning or an error.
    package var severity: Severity
    /// Stable machine-readable code, for example `xml.dtd-invalid` or `xml.duplicate-id`.
    package var code: String
    /// 1-based line in the checked document, 0 if unknown.
    package var line: Int
    /// 1-based column in the checked document, 0 if unknown.
    package var column: Int
    /// Lower-case message fragment; the offending value is quoted in single quotes.
    package var message: String

    /// Creates an issue.
    ///
    /// - Parameters:
    ///   - severity: Whether the issue is a warning or an error.
    ///   - code: The stable issue code, one of ``Code``.
    ///   - line: 1-based line, 0 if unknown.
    ///   - column: 1-based column, 0 if unknown.
    ///   - message: Lower-case fragment with the offending value in single quotes.
    package init(severity: Severity, code: String, line: Int, column: Int, message: String) {
        self.severity = severity
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: severity: message [code]`, the compiler-style form used in logs.
    package var description: String {
        "\(line):\(column): \(severity): \(message) [\(code)]"
    }
}

extension XMLIssue {
    /// The stable issue codes this module emits.
    package enum Code {
        /// The document is not (namespace-)well-formed XML.
        package static let notWellFormed = "xml.not-well-formed"
        /// The document does not follow its DTD.
        package static let dtdInvalid = "xml.dtd-invalid"
        /// The DTD could not be loaded from the local XML catalogue.
        package static let dtdUnavailable = "xml.dtd-unavailable"
        /// The DOCTYPE is missing or is not the expected one.
        package static let unexpectedDoctype = "xml.unexpected-doctype"
        /// The DOCTYPE's internal subset declares an entity.
        package static let entityDeclaration = "xml.entity-declaration"
        /// Two elements share an id.
        package static let duplicateID = "xml.duplicate-id"
        /// An internal link `href="#x"` names no existing id.
        package static let brokenLink = "xml.broken-link"
        /// An image or inline SVG has no text alternative.
        package static let missingTextAlternative = "xml.missing-text-alternative"
        /// An attribute references a resource outside the document.
        package static let externalResource = "xml.external-resource"
    }
}
