import Foundation

/// manifest.json: what was generated, by which tool and options, from which inputs, with the
/// SHA-256 and size of every file in the period folder (the manifest itself excepted).
package struct Manifest: Sendable {
    /// The file name inside a period folder.
    package static let fileName = "manifest.json"
    /// The `sha256sum -c` file beside it (covers every file and manifest.json).
    package static let checksumsFileName = "SHA256SUMS"
    /// The Ed25519 signature of manifest.json's exact bytes, when the run was signed.
    package static let signatureFileName = "manifest.sig"

    /// The format written, recorded as `format`. 1: xborder 0.1.0, which wrote no `format` key;
    /// 2: `format` and, when signed, `signing_key`. Bump it when a field is added or its meaning
    /// changes; `ManifestReader` reads every earlier format.
    package static let currentFormat = 2

    /// Tool version.
    package var version = XBorder.version
    /// Period name.
    package var period: String
    /// Revision number.
    package var revision: Int
    /// Folder of the superseded revision.
    package var supersedes: String?
    /// As-of date.
    package var asOf: CalendarDate
    /// Recorded options.
    package var options: [(String, String)]
    /// Row and finding counts.
    package var counts: [(String, Int)]
    /// Template files with their hashes (not copied: the rendered reports are the record).
    package var templates: [ManifestEntry]
    /// Every file of the period.
    package var files: [ManifestEntry]
    /// The fingerprint of the key that signs this manifest (manifest.sig), when signed.
    package var signingKey: String?

    /// Creates a manifest (unsigned until `signingKey` is set).
    package init(
        period: String, revision: Int, supersedes: String?, asOf: CalendarDate, options: [(String, String)],
        counts: [(String, Int)], templates: [ManifestEntry], files: [ManifestEntry]
    ) {
        self.period = period
        self.revision = revision
        self.supersedes = supersedes
        self.asOf = asOf
        self.options = options
        self.counts = counts
        self.templates = templates
        self.files = files
    }

    /// The JSON bytes (deterministic: fixed key order, sorted files).
    package var json: [UInt8] {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.int(Self.currentFormat, "format")
        w.string("xborder", "tool")
        w.string(version, "version")
        if let signingKey { w.string(signingKey, "signing_key") }
        w.string(period, "period")
        w.int(revision, "revision")
        if let supersedes { w.string(supersedes, "supersedes") } else { w.null("supersedes") }
        w.string(asOf.description, "as_of")
        w.beginObject("options")
        for (k, v) in options { w.string(v, k) }
        w.endObject()
        w.beginObject("counts")
        for (k, v) in counts { w.int(v, k) }
        w.endObject()
        w.beginArray("templates")
        for entry in templates.sorted(by: { $0.path < $1.path }) { Self.write(entry, to: &w) }
        w.endArray()
        w.beginArray("files")
        for entry in files.sorted(by: { $0.path < $1.path }) { Self.write(entry, to: &w) }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    private static func write(_ entry: ManifestEntry, to w: inout JSONWriter) {
        w.beginObject()
        w.string(entry.path, "path")
        w.string(entry.sha256, "sha256")
        w.int(entry.size, "size")
        w.endObject()
    }

    /// Reads the file list of a manifest (for the archive history); nil when it is not a usable
    /// manifest (`ManifestReader` says why).
    package static func files(in bytes: [UInt8]) -> [ManifestEntry]? {
        var scratch = DiagnosticLog()
        return ManifestReader.read(bytes, path: fileName, diagnostics: &scratch)?.files.map(\.entry)
    }
}

/// Facts about the tool itself.
package enum XBorder {
    /// The version recorded in every manifest.
    package static let version = "0.1.0"
}
