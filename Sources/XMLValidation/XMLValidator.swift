internal import CLibXML2
internal import Synchronization

/// Serialized entry point to libxml2 (process-global state; all calls go through one lock).
///
/// Every call parses with a fresh parser context, installs the thread-local error handler for
/// exactly the duration of the call and frees everything before it returns, so the functions
/// may be called from any thread or task; they run one at a time.
package enum XMLValidator {
    /// Whether ``initialize()`` has run; its lock is the one every libxml2 call takes.
    static let initialized = Mutex(false)
    /// The DTD loaded by ``preloadDTD(publicID:systemID:)`` and not used yet; guarded by the
    /// lock of `initialized`.
    nonisolated(unsafe) private static var preloaded: PreloadedDTD?

    /// Debian package that ships the W3C DTDs and registers them in `/etc/xml/catalog`: the
    /// fallback when the repository's own copy (``RepositoryCatalogue``) is missing.
    package static let dtdPackage = "w3c-sgml-lib"

    /// Prepares libxml2; call once at startup, before any concurrency (idempotent).
    ///
    /// Runs `xmlInitParser` and `xmlInitializeCatalog`, loads the repository's catalogue of W3C
    /// DTDs, and installs the process-wide external entity loader that refuses anything the
    /// repository or system catalogue does not resolve to a local file (never the network). The other functions call it themselves if it has not run yet.
    package static func initialize() {
        initialized.withLock { initializeLocked(&$0) }
    }

    /// Parses a document as XML with DTD loading and validation, offline.
    ///
    /// Options are `XML_PARSE_DTDLOAD | XML_PARSE_DTDVALID | XML_PARSE_NONET` (never NOENT, never
    /// XINCLUDE). The DOCTYPE's public id must equal `expectedPublicID`, else the result is one
    /// `xml.unexpected-doctype` issue and no DTD is loaded; an internal subset (which could
    /// redefine content models) is `xml.unexpected-doctype` as well. Entity declarations in the internal
    /// subset are refused (`xml.entity-declaration`) and the parse ends there, so a declared
    /// external entity is never read. If the DTD cannot be loaded from the repository's or the
    /// system's catalogue, the result is one `xml.dtd-unavailable` issue naming the repository
    /// folder and the Debian package 'w3c-sgml-lib'.
    ///
    /// - Parameters:
    ///   - document: The document's bytes (encoding from its XML declaration, UTF-8 by default).
    ///   - expectedPublicID: The public id the DOCTYPE must carry, for example
    ///     `-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN`.
    /// - Returns: Every error and warning with line and column (`xml.not-well-formed`,
    ///   `xml.dtd-invalid`, …), at most 200 plus a final "more issues not shown" note; empty if
    ///   the document is valid.
    ///
    /// With `checkingStructure`, the structural checks of ``checkStructure(_:)`` run on the same
    /// parsed document (one parse instead of two) unless it is not well-formed. A DTD loaded
    /// ahead by ``preloadDTD(publicID:systemID:)`` for the same identifiers is used instead of
    /// reading the files again (same result, a tenth of a second sooner).
    package static func validateAgainstDTD(
        _ document: [UInt8], expectedPublicID: String, checkingStructure: Bool = false
    ) -> [XMLIssue] {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            let offered = preloaded?.publicID == expectedPublicID ? preloaded : nil
            let (issues, used) = validateLocked(
                document, expectedPublicID: expectedPublicID, checkingStructure: checkingStructure, preloaded: offered)
            if used { preloaded = nil }
            return issues
        }
    }

    /// Loads a DTD and validates `document` with it in one go, for tests: the issues, and
    /// whether the loaded DTD was used. Nil when the DTD cannot be loaded.
    static func validateWithLoadedDTD(
        _ document: [UInt8], publicID: String, systemID: String, checkingStructure: Bool = false
    ) -> (issues: [XMLIssue], used: Bool)? {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            guard let dtd = loadDTDLocked(publicID: publicID, systemID: systemID) else { return nil }
            return validateLocked(document, expectedPublicID: publicID, checkingStructure: checkingStructure, preloaded: dtd)
        }
    }

    /// Validates reading the DTD from the files even when one is preloaded, for tests.
    static func validateReadingDTD(_ document: [UInt8], expectedPublicID: String, checkingStructure: Bool = false) -> [XMLIssue] {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            return validateLocked(document, expectedPublicID: expectedPublicID, checkingStructure: checkingStructure, preloaded: nil).issues
        }
    }

    private static func validateLocked(
        _ document: [UInt8], expectedPublicID: String, checkingStructure: Bool, preloaded: PreloadedDTD?
    ) -> (issues: [XMLIssue], used: Bool) {
        let mode = ParseMode.validate(expectedPublicID: expectedPublicID)
        return DocumentParser.withDocument(document, mode: mode, preloaded: preloaded) { parsed, collector in
            if !collector.refusedEntityDeclaration, hasInternalSubset(parsed) {
                collector.add(
                    .error,
                    XMLIssue.Code.unexpectedDoctype,
                    line: collector.doctypeLine,
                    column: 0,
                    "doctype has an internal subset, which could change the dtd"
                )
            }
            let result = validationResult(collector, expectedPublicID: expectedPublicID)
            guard checkingStructure, let parsed,
                !result.contains(where: { $0.severity == .error && $0.code == XMLIssue.Code.notWellFormed })
            else { return (result, collector.usedPreloaded) }
            return (result + structureIssues(parsed), collector.usedPreloaded)
        }
    }

    /// Loads the DTD with these identifiers through the offline catalogue and keeps it for the
    /// next ``validateAgainstDTD(_:expectedPublicID:checkingStructure:)`` with the same public id
    /// (call it on another thread while the document is being produced). Does nothing when a
    /// DTD is already kept or when loading it reports any issue: the validation then reads the
    /// DTD itself and reports what it finds.
    package static func preloadDTD(publicID: String, systemID: String) {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            if preloaded == nil { preloaded = loadDTDLocked(publicID: publicID, systemID: systemID) }
        }
    }

    /// Reads the DTD by parsing a minimal document that names it, and detaches it from that
    /// document; nil when loading reports any issue.
    private static func loadDTDLocked(publicID: String, systemID: String) -> PreloadedDTD? {
        let document = Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"\(publicID)\" \"\(systemID)\">\n<html/>\n".utf8)
        return DocumentParser.withDocument(document, mode: .preload(publicID: publicID)) { parsed, collector -> PreloadedDTD? in
            guard let parts = collector.loadedParts else { return nil }
            guard let parsed, collector.issues.isEmpty, collector.unavailableResources.isEmpty,
                let dtd = parsed.pointee.extSubset
            else {
                parts.release()
                return nil
            }
            parsed.pointee.extSubset = nil
            return PreloadedDTD(publicID: publicID, systemID: systemID, dtd: dtd, parts: parts)
        }
    }

    /// Parses a document as XML without loading any DTD and reports well-formedness errors.
    ///
    /// Options are `XML_PARSE_NONET` only (no DTD, no entity substitution); namespace errors
    /// (an undeclared prefix) count as not well-formed. The DOCTYPE must be exactly
    /// `<!DOCTYPE html>`: a missing one, another root name, a public or system id, or an internal
    /// subset is `xml.unexpected-doctype`; entity declarations are `xml.entity-declaration` and
    /// end the parse.
    ///
    /// - Parameter document: The polyglot HTML5 document's bytes.
    /// - Returns: The issues with line and column, at most 200 plus a final note; empty if the
    ///   document is well-formed and has the expected DOCTYPE.
    ///
    /// With `checkingStructure`, a well-formed document with the expected DOCTYPE also gets the
    /// structural checks of ``checkStructure(_:)``, on the same parse.
    package static func checkWellFormed(_ document: [UInt8], checkingStructure: Bool = false) -> [XMLIssue] {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            return DocumentParser.withDocument(document, mode: .wellFormed) { parsed, collector in
                if !collector.sawDoctype {
                    collector.add(
                        .error,
                        XMLIssue.Code.unexpectedDoctype,
                        line: 1,
                        column: 1,
                        "missing doctype, expected '<!DOCTYPE html>'"
                    )
                } else if !collector.refusedEntityDeclaration, hasInternalSubset(parsed) {
                    collector.add(
                        .error,
                        XMLIssue.Code.unexpectedDoctype,
                        line: collector.doctypeLine,
                        column: 0,
                        "doctype has an internal subset, expected '<!DOCTYPE html>'"
                    )
                }
                let result = collector.finished()
                guard checkingStructure, let parsed, !result.contains(where: { $0.severity == .error }) else { return result }
                return result + structureIssues(parsed)
            }
        }
    }

    /// The structural issues of a parsed document, capped like a parse's issues.
    private static func structureIssues(_ document: xmlDocPtr) -> [XMLIssue] {
        let collector = IssueCollector(mode: .structure)
        for issue in StructureChecker.check(document) { collector.add(issue) }
        return collector.finished()
    }

    /// Runs the reports' structural checks on a well-formed HTML or XHTML document.
    ///
    /// Namespaces may be present; SVG may be prefixed `svg:` or in the SVG default namespace.
    /// Checked: ids are unique (`xml.duplicate-id`, at the second occurrence); every `href="#x"`
    /// names an existing id (`xml.broken-link`); every `<img>` has `alt` and every outermost
    /// `<svg>` a non-empty `<title>` child (`xml.missing-text-alternative`); no `href`, `src` or
    /// `xlink:href` (nor `srcset`, `poster`, `action`, `formaction`) starts with `http:`,
    /// `https:`, `//`, `file:`, `ftp:`, `javascript:` or a `data:` other than `data:image/`
    /// (`xml.external-resource`). No DTD is loaded, so named entities such as `&nbsp;` stop the
    /// check: emit numeric character references.
    ///
    /// - Parameter document: The document's bytes.
    /// - Returns: The structural issues ordered by line (column 0), all errors, at most 200 plus
    ///   a final note; or the parse errors if the document is not well-formed.
    package static func checkStructure(_ document: [UInt8]) -> [XMLIssue] {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            return DocumentParser.withDocument(document, mode: .structure) { parsed, collector in
                guard let parsed, !collector.issues.contains(where: { $0.severity == .error }) else {
                    return collector.finished()
                }
                for issue in StructureChecker.check(parsed) {
                    collector.add(issue)
                }
                return collector.finished()
            }
        }
    }

    static func initializeLocked(_ isInitialized: inout Bool) {
        guard !isInitialized else { return }
        xmlInitParser()
        xmlInitializeCatalog()
        RepositoryCatalogue.load()
        OfflineEntityLoader.install()
        isInitialized = true
    }

    /// Whether the document's DOCTYPE has a non-empty internal subset (declarations there carry
    /// no line numbers, so issues point at the DOCTYPE).
    private static func hasInternalSubset(_ document: xmlDocPtr?) -> Bool {
        document?.pointee.intSubset?.pointee.children != nil
    }

    /// The issues of a validating parse, with an unloadable DTD and a missing DOCTYPE each
    /// reduced to one clear issue instead of their cascades.
    private static func validationResult(_ collector: IssueCollector, expectedPublicID: String) -> [XMLIssue] {
        if !collector.unavailableResources.isEmpty, !collector.refusedEntityDeclaration {
            let detail = collector.unavailableResources[0]
            let message =
                "cannot load the dtd '\(expectedPublicID)' offline: \(detail); restore the folder "
                + "'\(RepositoryCatalogue.relativeFolder)' of the checkout, or install the debian package "
                + "'\(dtdPackage)', which registers the w3c dtds in /etc/xml/catalog"
            return [
                XMLIssue(
                    severity: .error,
                    code: XMLIssue.Code.dtdUnavailable,
                    line: collector.doctypeLine,
                    column: 0,
                    message: message
                )
            ]
        }
        if !collector.sawDoctype {
            collector.keep { $0.code != XMLIssue.Code.dtdInvalid }
            collector.add(
                .error,
                XMLIssue.Code.unexpectedDoctype,
                line: 1,
                column: 1,
                "missing doctype, expected public id '\(expectedPublicID)'"
            )
        }
        return collector.finished()
    }
}
