internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The XML catalogue shipped in the repository (`Sources/XMLValidation/DTD/catalog.xml`) with the
/// W3C DTDs, modules and entity sets that the XHTML report's DTD loads, so that validation needs
/// no system package. The offline entity loader asks it first and the system catalogue
/// (`/etc/xml/catalog`, or `XML_CATALOG_FILES`) only for what it does not map.
///
/// The folder is found without relying on the working directory: first among the ancestors of
/// the running executable (`.build/<triple>/debug/xborder` in a checkout, also for `swift run`
/// and `swift test` from anywhere), then beside this source file as it was compiled.
enum RepositoryCatalogue {
    /// The folder's path inside a checkout.
    static let relativeFolder = "Sources/XMLValidation/DTD"
    /// The catalogue's file name inside the folder.
    static let fileName = "catalog.xml"

    /// The loaded catalogue, or nil when the folder was not found. Set once by ``load()``
    /// under the validator's lock, read only under it.
    nonisolated(unsafe) private(set) static var catalogue: xmlCatalogPtr?
    /// The path of the loaded catalogue file, for messages.
    nonisolated(unsafe) private(set) static var path: String?

    /// Loads the repository catalogue if it can be found (idempotent; under the validator's lock).
    static func load() {
        guard catalogue == nil, let found = locate() else { return }
        catalogue = xmlLoadACatalog(found)
        if catalogue != nil { path = found }
    }

    /// The catalogue file to use: the first readable candidate.
    static func locate(executable: String? = executablePath(), compiledSource: String = #filePath) -> String? {
        candidates(executable: executable, compiledSource: compiledSource).first { access($0, R_OK) == 0 }
    }

    /// Candidate catalogue files, in order: under each ancestor of the executable's folder, then
    /// beside the compiled source file.
    static func candidates(executable: String?, compiledSource: String) -> [String] {
        var result: [String] = []
        if let executable {
            var folder = parent(of: executable)
            while let current = folder {
                result.append("\(current == "/" ? "" : current)/\(relativeFolder)/\(fileName)")
                folder = current == "/" ? nil : parent(of: current)
            }
        }
        if let sourceFolder = parent(of: compiledSource) { result.append("\(sourceFolder)/DTD/\(fileName)") }
        return result
    }

    /// The folder holding an absolute path, or nil for a relative path or `/` itself.
    static func parent(of path: String) -> String? {
        guard path.hasPrefix("/"), path != "/" else { return nil }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The running executable with symbolic links resolved (`/proc/self/exe` on Linux, else the
    /// first argument), or nil.
    static func executablePath() -> String? {
        for candidate in ["/proc/self/exe", CommandLine.arguments.first].compactMap({ $0 }) {
            if let resolved = realpath(candidate, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
        }
        return nil
    }

    /// The repository catalogue's resolution of a public and/or system identifier, if any.
    static func resolve(publicID: String?, systemID: String?) -> String? {
        guard let catalogue else { return nil }
        if publicID != nil || systemID != nil, let resolved = xmlACatalogResolve(catalogue, publicID, systemID) {
            defer { xborder_xmlFree(resolved) }
            return String(cString: resolved)
        }
        if let systemID, let resolved = xmlACatalogResolveURI(catalogue, systemID) {
            defer { xborder_xmlFree(resolved) }
            return String(cString: resolved)
        }
        return nil
    }
}
