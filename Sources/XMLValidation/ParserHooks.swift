internal import CLibXML2
internal import Synchronization

/// The SAX and error callbacks every parse installs on its own parser context. They find the
/// parse's ``IssueCollector`` through the context's `_private` pointer.
enum ParserHooks {
    /// Replaces the DOCTYPE and entity-declaration SAX callbacks of `context` with the hooks.
    static func install(on context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee.internalSubset = hookInternalSubset
        sax.pointee.externalSubset = hookExternalSubset
        sax.pointee.entityDecl = hookEntityDecl
        sax.pointee.unparsedEntityDecl = hookUnparsedEntityDecl
    }

    /// The structured error handler; its user data is the collector.
    static let structuredError: xmlStructuredErrorFunc = hookStructuredError

    /// The parser context and collector behind a SAX callback's `ctx` argument.
    static func resolve(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, IssueCollector)? {
        guard let ctx else { return nil }
        let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let collector = collector(of: context) else { return nil }
        return (context, collector)
    }

    /// Address of the collector of the parse in progress (0 if none). The entity loader is
    /// process-global, so it may also be called for parser contexts that are not ours (another
    /// libxml2 user in the process); their `_private` is only trusted if it matches this.
    static let activeCollector = Atomic<UInt>(0)

    /// The collector a parser context carries, if it is the context of the parse in progress.
    static func collector(of context: xmlParserCtxtPtr?) -> IssueCollector? {
        guard let raw = context?.pointee._private,
            UInt(bitPattern: raw) == activeCollector.load(ordering: .acquiring)
        else { return nil }
        return Unmanaged<IssueCollector>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Where the parser is now, as 1-based line and column.
    static func position(_ ctx: UnsafeMutableRawPointer) -> (line: Int, column: Int) {
        (Int(xmlSAX2GetLineNumber(ctx)), Int(xmlSAX2GetColumnNumber(ctx)))
    }

    /// A possibly-null libxml2 string as a Swift string.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// Structured error handler: hands libxml2's error to the collector passed as user data.
private func hookStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
}

/// SAX `internalSubset` hook: checks the DOCTYPE against the parse mode before libxml2 records it;
/// a validating parse with the wrong public id stops here, before any DTD is loaded.
private func hookInternalSubset(
    _ ctx: UnsafeMutableRawPointer?,
    _ name: UnsafePointer<xmlChar>?,
    _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    guard let ctx, let (context, collector) = ParserHooks.resolve(ctx) else { return }
    let (line, column) = ParserHooks.position(ctx)
    collector.sawDoctype = true
    collector.doctypeLine = line
    let rootName = ParserHooks.string(name) ?? ""
    let publicID = ParserHooks.string(externalID)
    let systemIDText = ParserHooks.string(systemID)
    switch collector.mode {
    case .validate(let expected), .preload(let expected):
        guard publicID == expected else {
            let found = publicID.map { "doctype public id '\($0)'" } ?? "doctype without public id"
            collector.add(
                .error,
                XMLIssue.Code.unexpectedDoctype,
                line: line,
                column: column,
                "\(found), expected '\(expected)'"
            )
            xmlStopParser(context)
            return
        }
    case .wellFormed:
        if rootName != "html" || publicID != nil || systemIDText != nil {
            var found = "<!DOCTYPE \(rootName)"
            if let publicID { found += " PUBLIC \"\(publicID)\"" }
            if let systemIDText { found += (publicID == nil ? " SYSTEM" : "") + " \"\(systemIDText)\"" }
            collector.add(
                .error,
                XMLIssue.Code.unexpectedDoctype,
                line: line,
                column: column,
                "doctype '\(found)>', expected '<!DOCTYPE html>'"
            )
        }
    case .structure:
        break
    }
    xmlSAX2InternalSubset(ctx, name, externalID, systemID)
}

/// SAX `externalSubset` hook: loads the DTD only when validating and no entity declaration was refused.
private func hookExternalSubset(
    _ ctx: UnsafeMutableRawPointer?,
    _ name: UnsafePointer<xmlChar>?,
    _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    guard let ctx, let (context, collector) = ParserHooks.resolve(ctx) else { return }
    if collector.refusedEntityDeclaration {
        // Never load or validate anything once the internal subset tried to declare entities.
        xmlStopParser(context)
        return
    }
    guard collector.mode.loadsDTD else { return }
    if let preloaded = collector.preloaded,
        preloaded.fits(context, publicID: ParserHooks.string(externalID), systemID: ParserHooks.string(systemID))
    {
        preloaded.attach(to: context)
        collector.preloaded = nil
        collector.usedPreloaded = true
        return
    }
    xmlSAX2ExternalSubset(ctx, name, externalID, systemID)
    if case .preload = collector.mode { collector.loadedParts = PreloadedDTD.Parts.take(from: context) }
}

/// Records a refused internal-subset entity declaration at the parser's position.
private func refuseEntity(_ ctx: UnsafeMutableRawPointer?, name: UnsafePointer<xmlChar>?, parameter: Bool) {
    guard let ctx, let (_, collector) = ParserHooks.resolve(ctx) else { return }
    collector.refusedEntityDeclaration = true
    let (line, column) = ParserHooks.position(ctx)
    let shown = (parameter ? "%" : "") + (ParserHooks.string(name) ?? "")
    collector.add(
        .error,
        XMLIssue.Code.entityDeclaration,
        line: line,
        column: column,
        "entity declaration '\(shown)' is not allowed"
    )
}

/// SAX `entityDecl` hook: entities declared by a catalogue DTD are defined as usual, entities
/// declared in the document's internal subset are refused and never defined.
private func hookEntityDecl(
    _ ctx: UnsafeMutableRawPointer?,
    _ name: UnsafePointer<xmlChar>?,
    _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?,
    _ content: UnsafeMutablePointer<xmlChar>?
) {
    // Only declarations of the document's own internal subset reach the parser context as
    // "not in external subset"; those of a loaded DTD (ctxt->inSubset == 2) are passed through.
    if let ctx, let (context, _) = ParserHooks.resolve(ctx), context.pointee.inSubset == 2 {
        xmlSAX2EntityDecl(ctx, name, type, publicID, systemID, content)
        return
    }
    let parameter =
        type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
        || type == Int32(XML_EXTERNAL_PARAMETER_ENTITY.rawValue)
    refuseEntity(ctx, name: name, parameter: parameter)
}

/// SAX `unparsedEntityDecl` hook: the same policy for `NDATA` entities.
private func hookUnparsedEntityDecl(
    _ ctx: UnsafeMutableRawPointer?,
    _ name: UnsafePointer<xmlChar>?,
    _ publicID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?,
    _ notationName: UnsafePointer<xmlChar>?
) {
    if let ctx, let (context, _) = ParserHooks.resolve(ctx), context.pointee.inSubset == 2 {
        xmlSAX2UnparsedEntityDecl(ctx, name, publicID, systemID, notationName)
        return
    }
    refuseEntity(ctx, name: name, parameter: false)
}
