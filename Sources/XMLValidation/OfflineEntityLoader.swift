internal import CLibXML2

/// libxml2's process-wide external entity loader for xborder: it loads only local files that an
/// XML catalogue resolves by public or system id — the repository's (``RepositoryCatalogue``)
/// first, then the system's (`/etc/xml/catalog`, or `XML_CATALOG_FILES`) — and refuses
/// everything else: never the network, never an arbitrary file named in a document.
enum OfflineEntityLoader {
    /// Installs the loader. Process-global: call once at startup, under the validator's lock.
    static func install() {
        xmlSetExternalEntityLoader(loadOfflineEntity)
    }

    /// The local path of `reference` if it names a local file (`file://` URL or absolute path).
    static func localPath(_ reference: String) -> String? {
        if reference.hasPrefix("file:///") { return String(reference.dropFirst("file://".count)) }
        if reference.hasPrefix("file://localhost/") {
            return String(reference.dropFirst("file://localhost".count))
        }
        if reference.hasPrefix("/") { return reference }
        return nil
    }

    /// `path` with `.` and `..` segments removed (lexically), or nil if it escapes the root.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The catalogues' resolution of a public and/or system identifier, if any: the
    /// repository's catalogue first, the system's as a fallback.
    static func catalogueResolution(publicID: String?, systemID: String?) -> String? {
        if let resolved = RepositoryCatalogue.resolve(publicID: publicID, systemID: systemID) { return resolved }
        if publicID != nil || systemID != nil,
            let resolved = xmlCatalogResolve(publicID, systemID)
        {
            defer { xborder_xmlFree(resolved) }
            return String(cString: resolved)
        }
        if let systemID, let resolved = xmlCatalogResolveURI(systemID) {
            defer { xborder_xmlFree(resolved) }
            return String(cString: resolved)
        }
        return nil
    }

    /// The local file the catalogue maps an entity to, or nil if the entity must be refused.
    static func permittedPath(url: String?, publicID: String?) -> String? {
        guard let resolved = catalogueResolution(publicID: publicID, systemID: url) else { return nil }
        return localPath(resolved).flatMap(normalized)
    }
}

/// The external entity loader itself: reads the catalogue's local file or returns nil, noting
/// what it refused in the collector of the parse in progress.
private func loadOfflineEntity(
    _ url: UnsafePointer<CChar>?,
    _ publicID: UnsafePointer<CChar>?,
    _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    guard let context else { return nil }
    let urlText = url.map { String(cString: $0) }
    let publicText = publicID.map { String(cString: $0) }
    let collector = ParserHooks.collector(of: context)
    if let path = OfflineEntityLoader.permittedPath(url: urlText, publicID: publicText) {
        if let input = xmlNewInputFromFile(context, path) { return input }
        collector?.unavailableResources.append("cannot read '\(path)'")
        return nil
    }
    let shown = publicText ?? urlText ?? "?"
    collector?.unavailableResources.append("no xml catalogue maps '\(shown)' to a local file")
    return nil
}
