internal import CLibXML2
internal import Synchronization

/// One event of a streamed XML document.
package enum XMLStreamEvent {
    /// An element starts: its local name, its attributes by qualified name (`r:id`), and whether
    /// it is empty (`<c/>`, no end event follows).
    case start(name: String, attributes: [String: String], isEmpty: Bool)
    /// Character data (text, CDATA or whitespace).
    case text(String)
    /// An element ends: its local name.
    case end(name: String)
}

extension XMLValidator {
    /// Streams a document through libxml2's `xmlTextReader` (for the XML parts of an Excel
    /// workbook): no DTD, no entity substitution, no network (`XML_PARSE_NONET`). Runs under the
    /// validator's lock; `handle` must not call back into `XMLValidator` and returns false to stop.
    ///
    /// - Returns: The well-formedness errors (`xml.not-well-formed`) with line and column; the
    ///   events before the first error have been delivered.
    package static func stream(_ document: [UInt8], _ handle: (XMLStreamEvent) -> Bool) -> [XMLIssue] {
        initialized.withLock { isInitialized in
            initializeLocked(&isInitialized)
            let collector = IssueCollector(mode: .structure)
            let options = Int32(XML_PARSE_NONET.rawValue)
            let reader = document.isEmpty ? nil : document.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
                }
            }
            guard let reader else {
                collector.add(.error, XMLIssue.Code.notWellFormed, line: 0, column: 0, "document cannot be read")
                return collector.finished()
            }
            defer { xmlFreeTextReader(reader) }
            let unmanaged = Unmanaged.passRetained(collector)
            defer { unmanaged.release() }
            xmlTextReaderSetStructuredErrorHandler(reader, ParserHooks.structuredError, unmanaged.toOpaque())
            while xmlTextReaderRead(reader) == 1 {
                guard let event = event(reader) else { continue }
                if !handle(event) { break }
            }
            return collector.finished()
        }
    }

    /// The event at the reader's current node, or nil for nodes the workbook does not need.
    private static func event(_ reader: xmlTextReaderPtr) -> XMLStreamEvent? {
        func string(_ pointer: UnsafePointer<xmlChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = string(xmlTextReaderConstLocalName(reader))
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            var attributes: [String: String] = [:]
            if xmlTextReaderHasAttributes(reader) == 1 {
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
                }
                xmlTextReaderMoveToElement(reader)
            }
            return .start(name: name, attributes: attributes, isEmpty: isEmpty)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .end(name: string(xmlTextReaderConstLocalName(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text(string(xmlTextReaderConstValue(reader)))
        default:
            return nil
        }
    }
}
