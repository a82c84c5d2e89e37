internal import CLibXML2

/// An external DTD loaded ahead of the validation that needs it, so that the XHTML DTD (about a
/// hundred catalogue files, a tenth of a second) is parsed while the report is still being
/// rendered. Used once: the validating parse takes ownership and frees it with its document
/// (one that is never used stays allocated until the process ends; there is at most one).
///
/// A DTD's names live in the dictionary of the parser that read it, and libxml2 frees a DTD's
/// strings according to its document's dictionary; so the validating parse reads with this
/// DTD's dictionary, and the declarations are re-parented to its document. The attribute
/// defaults the loading parser collected (namespace declarations such as `xmlns:svg` are
/// defaulted from the DTD) move to the validating parser with it. Only touched under the
/// validator's lock.
final class PreloadedDTD {
    /// What the loading parser leaves besides the DTD: its dictionary (one reference held) and
    /// its defaulted and non-CDATA attribute tables (owned).
    struct Parts {
        let dictionary: OpaquePointer
        let attributeDefaults: OpaquePointer?
        let specialAttributes: OpaquePointer?

        /// Takes the parts from the loading parser, right after it read the DTD.
        static func take(from context: xmlParserCtxtPtr) -> Parts? {
            guard let dictionary = context.pointee.dict else { return nil }
            xmlDictReference(dictionary)
            defer {
                context.pointee.attsDefault = nil
                context.pointee.attsSpecial = nil
            }
            return Parts(
                dictionary: dictionary, attributeDefaults: context.pointee.attsDefault,
                specialAttributes: context.pointee.attsSpecial)
        }

        /// Frees the parts (when no DTD is kept).
        func release() {
            if let attributeDefaults { xmlHashFree(attributeDefaults, xmlHashDefaultDeallocator) }
            if let specialAttributes { xmlHashFree(specialAttributes, nil) }
            xmlDictFree(dictionary)
        }
    }

    let publicID: String
    let systemID: String
    /// The DTD, detached from the document it was read with.
    let dtd: xmlDtdPtr
    let parts: Parts
    var dictionary: OpaquePointer { parts.dictionary }

    init(publicID: String, systemID: String, dtd: xmlDtdPtr, parts: Parts) {
        self.publicID = publicID
        self.systemID = systemID
        self.dtd = dtd
        self.parts = parts
    }

    /// Makes `context` read with the DTD's dictionary; call right after creating the context.
    func shareDictionary(with context: xmlParserCtxtPtr) {
        if let own = context.pointee.dict { xmlDictFree(own) }
        xmlDictReference(dictionary)
        context.pointee.dict = dictionary
        // The context looked these up in its own dictionary when it was created.
        context.pointee.str_xml = xmlDictLookup(dictionary, "xml", 3)
        context.pointee.str_xmlns = xmlDictLookup(dictionary, "xmlns", 5)
        context.pointee.str_xml_ns = xmlDictLookup(dictionary, "http://www.w3.org/XML/1998/namespace", 36)
    }

    /// Whether the parse of `context` can take this DTD for a DOCTYPE with these identifiers:
    /// same identifiers, same dictionary, and no attribute declarations of its own so far.
    func fits(_ context: xmlParserCtxtPtr, publicID: String?, systemID: String?) -> Bool {
        publicID == self.publicID && systemID == self.systemID && context.pointee.dict == dictionary
            && context.pointee.attsDefault == nil && context.pointee.attsSpecial == nil
            && context.pointee.myDoc?.pointee.extSubset == nil
    }

    /// Gives the DTD and the attribute tables to the parse of `context` (what
    /// `xmlSAX2ExternalSubset` would have built by reading the files).
    func attach(to context: xmlParserCtxtPtr) {
        guard let document = context.pointee.myDoc else { return }
        dtd.pointee.doc = document
        var node = dtd.pointee.children
        while let current = node {
            current.pointee.doc = document
            node = current.pointee.next
        }
        document.pointee.extSubset = dtd
        context.pointee.attsDefault = parts.attributeDefaults
        context.pointee.attsSpecial = parts.specialAttributes
    }
}
