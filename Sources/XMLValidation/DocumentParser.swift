internal import CLibXML2
internal import Synchronization

/// Runs one libxml2 parse of an in-memory document with a fresh parser context, the hooks and a
/// thread-local structured error handler installed for exactly the duration of the call.
enum DocumentParser {
    /// Parses `bytes` for `mode` and hands the document (nil if it could not be built) and the
    /// collected issues to `body`; frees the document and the context afterwards. Callers hold
    /// the validator's lock.
    static func withDocument<Result>(
        _ bytes: [UInt8],
        mode: ParseMode,
        preloaded: PreloadedDTD? = nil,
        _ body: (xmlDocPtr?, IssueCollector) -> Result
    ) -> Result {
        let collector = IssueCollector(mode: mode)
        collector.preloaded = preloaded
        guard !bytes.isEmpty else {
            collector.add(.error, XMLIssue.Code.notWellFormed, line: 1, column: 1, "document is empty")
            return body(nil, collector)
        }
        guard bytes.count <= Int(Int32.max) else {
            collector.add(.error, XMLIssue.Code.notWellFormed, line: 0, column: 0, "document is too large")
            return body(nil, collector)
        }
        guard let context = xmlNewParserCtxt() else {
            collector.add(.error, XMLIssue.Code.notWellFormed, line: 0, column: 0, "libxml2 is out of memory")
            return body(nil, collector)
        }
        defer { xmlFreeParserCtxt(context) }
        preloaded?.shareDictionary(with: context)

        return withExtendedLifetime(collector) {
            let opaque = Unmanaged.passUnretained(collector).toOpaque()
            context.pointee._private = opaque
            ParserHooks.activeCollector.store(UInt(bitPattern: opaque), ordering: .releasing)
            defer { ParserHooks.activeCollector.store(0, ordering: .releasing) }
            ParserHooks.install(on: context)

            var options = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
            if mode.loadsDTD { options |= XML_PARSE_DTDLOAD.rawValue }
            if mode.validates { options |= XML_PARSE_DTDVALID.rawValue }
            let saved = xborder_installErrorHandlers(ParserHooks.structuredError, opaque)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, nil, Int32(options))
                }
            }
            defer {
                if let document { xmlFreeDoc(document) }
                xborder_restoreErrorHandlers(saved)
            }
            return body(document, collector)
        }
    }
}
