internal import CLibXML2

/// The structural rules of xborder's reports, checked on a parsed (X)HTML document: unique ids,
/// internal links that resolve, text alternatives for images and inline SVG, and no reference to
/// anything outside the document.
struct StructureChecker {
    /// The XHTML namespace, also the namespace of polyglot HTML5.
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    /// The SVG namespace.
    static let svgNamespace = "http://www.w3.org/2000/svg"
    /// The XLink namespace (`xlink:href`).
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    /// The namespace of the `xml:` prefix (`xml:id`).
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Attributes whose value a browser fetches or navigates to.
    static let resourceAttributes: Set<String> = ["href", "src", "srcset", "poster", "action", "formaction"]

    /// Value prefixes (after removing whitespace, lower-cased) that leave the document.
    static let externalPrefixes = ["http:", "https:", "//", "file:", "ftp:", "javascript:", "data:"]

    private let document: xmlDocPtr
    private var issues: [XMLIssue] = []
    private var firstLineOfID: [String: Int] = [:]
    private var internalLinks: [(fragment: String, line: Int)] = []

    private init(document: xmlDocPtr) {
        self.document = document
    }

    /// Every structural issue of `document`, ordered by line.
    static func check(_ document: xmlDocPtr) -> [XMLIssue] {
        var checker = StructureChecker(document: document)
        checker.walk()
        return checker.issues.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }

    private mutating func walk() {
        guard let root = xmlDocGetRootElement(document) else { return }
        var stack: [(node: xmlNodePtr, insideSVG: Bool)] = [(root, false)]
        while let (node, insideSVG) = stack.popLast() {
            visit(node, insideSVG: insideSVG)
            let childrenInsideSVG = insideSVG || Self.isSVG(node)
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed().map { ($0, childrenInsideSVG) })
        }
        for link in internalLinks where firstLineOfID[Self.percentDecoded(link.fragment)] == nil {
            add(XMLIssue.Code.brokenLink, line: link.line, "broken internal link '#\(link.fragment)'")
        }
    }

    private mutating func visit(_ node: xmlNodePtr, insideSVG: Bool) {
        let line = Int(xmlGetLineNo(node))
        let name = String(cString: node.pointee.name)
        let namespace = Self.namespace(of: node)

        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            checkAttribute(current, line: line)
        }

        if name == "img", namespace == nil || namespace == Self.xhtmlNamespace,
            xmlHasNsProp(node, "alt", nil) == nil
        {
            let source = Self.value(of: node, attribute: "src").map { " '\(Self.shortened($0))'" } ?? ""
            add(XMLIssue.Code.missingTextAlternative, line: line, "img\(source) has no alt attribute")
        }
        if !insideSVG, Self.isSVG(node), !Self.hasTitleChild(node) {
            let id = Self.value(of: node, attribute: "id").map { " '\($0)'" } ?? ""
            add(XMLIssue.Code.missingTextAlternative, line: line, "svg\(id) has no title child")
        }
    }

    private mutating func checkAttribute(_ attribute: xmlAttrPtr, line: Int) {
        let name = String(cString: attribute.pointee.name)
        let namespace = attribute.pointee.ns.map { String(cString: $0.pointee.href) }
        guard namespace == nil || namespace == Self.xlinkNamespace || namespace == Self.xmlNamespace else {
            return
        }
        let isID = name == "id" && (namespace == nil || namespace == Self.xmlNamespace)
        let isResource =
            (namespace == nil && Self.resourceAttributes.contains(name))
            || (namespace == Self.xlinkNamespace && name == "href")
        guard isID || isResource, let value = attributeValue(attribute) else { return }

        if isID {
            if firstLineOfID[value] != nil {
                add(XMLIssue.Code.duplicateID, line: line, "duplicate id '\(value)'")
            } else {
                firstLineOfID[value] = line
            }
            return
        }
        let shownName = namespace == Self.xlinkNamespace ? "xlink:href" : name
        let compact = Self.withoutWhitespace(value)
        let lowered = compact.lowercased()
        if let external = Self.externalPrefixes.first(where: { lowered.hasPrefix($0) }),
            !(external == "data:" && lowered.hasPrefix("data:image/"))
        {
            add(
                XMLIssue.Code.externalResource,
                line: line,
                "attribute '\(shownName)' references external resource '\(Self.shortened(value))'"
            )
            return
        }
        if (name == "href") && compact.hasPrefix("#") {
            internalLinks.append((String(compact.dropFirst()), line))
        }
    }

    private mutating func add(_ code: String, line: Int, _ message: String) {
        issues.append(XMLIssue(severity: .error, code: code, line: max(0, line), column: 0, message: message))
    }

    private func attributeValue(_ attribute: xmlAttrPtr) -> String? {
        guard let raw = xmlNodeListGetString(document, attribute.pointee.children, 1) else { return "" }
        defer { xborder_xmlFree(raw) }
        return String(cString: raw)
    }

    /// The namespace URI of an element, nil if it has none.
    static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    /// Whether `node` is an `svg` element: in the SVG namespace (any prefix) or namespace-less.
    static func isSVG(_ node: xmlNodePtr) -> Bool {
        guard String(cString: node.pointee.name) == "svg" else { return false }
        let namespace = namespace(of: node)
        return namespace == svgNamespace || namespace == nil
    }

    /// Whether an `svg` element has a non-empty `title` child in its own namespace.
    static func hasTitleChild(_ node: xmlNodePtr) -> Bool {
        let svgNamespace = namespace(of: node)
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE,
                String(cString: current.pointee.name) == "title",
                namespace(of: current) == svgNamespace
            else { continue }
            guard let text = xmlNodeGetContent(current) else { continue }
            defer { xborder_xmlFree(text) }
            if String(cString: text).contains(where: { !$0.isWhitespace }) { return true }
        }
        return false
    }

    /// The value of a namespace-less attribute of `node`.
    static func value(of node: xmlNodePtr, attribute name: String) -> String? {
        guard let raw = xmlGetNoNsProp(node, name) else { return nil }
        defer { xborder_xmlFree(raw) }
        return String(cString: raw)
    }

    /// `value` without ASCII whitespace and control characters (browsers ignore them in URLs' schemes).
    static func withoutWhitespace(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 }))
    }

    /// `value` cut to 80 characters for messages.
    static func shortened(_ value: String) -> String {
        value.count <= 80 ? value : String(value.prefix(77)) + "..."
    }

    /// A URL fragment with `%XX` escapes decoded (as browsers do before matching ids).
    static func percentDecoded(_ fragment: String) -> String {
        guard fragment.contains("%") else { return fragment }
        var bytes: [UInt8] = []
        var utf8 = Array(fragment.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? fragment
    }
}
