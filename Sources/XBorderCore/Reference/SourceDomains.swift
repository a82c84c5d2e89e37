/// The allow-list of source domains (`source-domains.csv`: `domain,kind,organization`): the
/// official portals, gazettes and regulators, and the few reputable commentators, that a
/// reference row may cite. A source elsewhere (a wiki, a blog, an unknown site) is a warning
/// located at the row, so an analyst's edit is checked on the next run.
package struct SourceDomains: Sendable {
    /// Kind of a listed domain.
    package enum Kind: String, Sendable {
        /// Legislation portals, gazettes, ministries, regulators, courts, standards bodies.
        case official
        /// A reputable commentary: a major law firm, JETRO, an international organization.
        case commentary
    }

    /// Domain (lower-cased, without `www.`) → kind.
    package private(set) var domains: [String: Kind] = [:]

    /// Reads the table; rows with an unknown kind are errors.
    package init(_ table: KeyedTable, _ diagnostics: inout DiagnosticLog) {
        for row in table.rows {
            let domain = Self.normalized(row["domain"])
            guard !domain.isEmpty else { continue }
            guard let kind = Kind(rawValue: row["kind"].lowercased()) else {
                diagnostics.error(
                    "reference.source-kind", "kind \(Diagnostic.quoted(row["kind"])) is not official or commentary",
                    at: row.location("kind"))
                continue
            }
            domains[domain] = kind
        }
    }

    /// Creates a list (tests).
    package init(_ domains: [String: Kind]) {
        for (domain, kind) in domains { self.domains[Self.normalized(domain)] = kind }
    }

    /// The kind of the listed domain that `url`'s host is or belongs to; nil when unlisted or
    /// when `url` is not an http(s) URL.
    package func kind(of url: String) -> Kind? {
        guard var host = Self.host(of: url) else { return nil }
        while true {
            if let kind = domains[host] { return kind }
            guard let dot = host.firstIndex(of: ".") else { return nil }
            host = String(host[host.index(after: dot)...])
        }
    }

    /// Warnings for every exposure and measure source outside the list, and for a commentary
    /// cited as the only source of a row.
    package func check(exposures: [Exposure], measures: [Measure], _ diagnostics: inout DiagnosticLog) {
        for e in exposures {
            check(e.source, column: "source", at: e.location, &diagnostics)
            if !e.commentary.isEmpty { check(e.commentary, column: "commentary", at: e.location, &diagnostics) }
        }
        for m in measures { check(m.source, column: "source", at: m.location, &diagnostics) }
    }

    private func check(_ url: String, column: String, at location: SourceLocation, _ diagnostics: inout DiagnosticLog) {
        if url.isEmpty { return }
        if kind(of: url) == nil {
            diagnostics.warning(
                "reference.source-domain",
                "\(column) \(Diagnostic.quoted(url)) is not on an accepted domain of source-domains.csv (official texts, regulators, reputable commentary)",
                at: location)
        }
    }

    /// The lower-cased host of an http(s) URL, without `www.` and port.
    static func host(of url: String) -> String? {
        let lower = url.trimmingWhitespace().lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return nil
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : normalized(String(host))
    }

    /// `WWW.Example.org.` → `example.org`.
    static func normalized(_ domain: String) -> String {
        var d = domain.trimmingWhitespace().lowercased()
        while d.hasSuffix(".") { d.removeLast() }
        if d.hasPrefix("www.") { d.removeFirst(4) }
        return d
    }
}
