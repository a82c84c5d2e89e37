import Synchronization

/// findings.csv and findings.json of one archive, written while stage 3 runs (PRODUCT.md §7).
///
/// Workers fill one `FindingsExport` per chunk of flows (`ChunkExports.start`, `finish`); the
/// pipeline appends the chunks' bytes here in flow order on one thread (`append`) and closes
/// both files with the tables of what the findings cited (`close`).
package struct CompanionFiles {
    private let csv: FileSink
    private let json: FileSink
    private var wroteFinding = false
    /// Exposure rows cited by the findings written so far.
    private var cited: Set<Int> = []
    /// Jurisdictions cited by the findings written so far.
    private var citedJurisdictions: Set<Country> = []
    /// The assessments the findings written so far cite, by ID.
    private var assessments: [UInt64: [UInt8]] = [:]

    /// Opens both files in `archive` and writes their heads.
    package init(archive: ArchiveWriter, period: String, asOf: CalendarDate) throws(FileSystem.Failure) {
        csv = try archive.open("findings.csv")
        json = try archive.open("findings.json")
        try csv.write(FindingsExport.csvHead)
        try json.write(FindingsExport.jsonHead(period: period, asOf: asOf))
    }

    /// Appends the next chunk's rows and elements.
    package mutating func append(_ chunk: ExportedChunk) throws(FileSystem.Failure) {
        try csv.write(chunk.csv)
        if chunk.count > 0 {
            if wroteFinding { try json.write([UInt8(ascii: ",")]) }
            try json.write(chunk.json)
            wroteFinding = true
        }
        cited.formUnion(chunk.cited)
        citedJurisdictions.formUnion(chunk.citedJurisdictions)
        for (id, entry) in chunk.assessments {
            if let known = assessments[id] {
                // 64 bits of SHA-256: a clash is astronomically unlikely, but never written.
                guard known == entry else {
                    throw FileSystem.Failure(
                        path: "findings.json", reason: "two assessments share the ID \(String(id, radix: 16))")
                }
            } else {
                assessments[id] = entry
            }
        }
    }

    /// Writes findings.json's tables of assessments, cited exposure rows, measures and
    /// jurisdictions (streamed, see `FindingsExport.writeJSONTail`), and closes both files.
    package consuming func close(
        in archive: ArchiveWriter, exposures: ExposureIndex, measures: [Measure]
    ) throws(FileSystem.Failure) {
        let json = json
        try FindingsExport.writeJSONTail(
            assessments: &assessments, cited: cited, jurisdictions: citedJurisdictions, exposures: exposures,
            measures: measures, to: { (bytes) throws(FileSystem.Failure) in try json.write(bytes) })
        try archive.close(csv)
        try archive.close(json)
    }
}

/// One chunk's companion bytes and what its parts cited.
package struct ExportedChunk: Sendable {
    /// findings.csv rows.
    package var csv: [UInt8]
    /// findings.json elements, comma-separated.
    package var json: [UInt8]
    /// Findings in the chunk.
    package var count: Int
    /// Exposure rows cited by the parts the chunk built.
    package var cited: Set<Int>
    /// Jurisdictions cited by the chunk's findings and parts.
    package var citedJurisdictions: Set<Country>
    /// Assessment entries the chunk's findings cite (ID, entry), each once.
    package var assessments: [(id: UInt64, entry: [UInt8])]
}

/// The per-chunk exports of a run, shared by the worker threads. Fragment caches and byte
/// buffers are pooled: a chunk reuses the parts an earlier chunk built (so `cited` is complete
/// only as the union over all chunks) and the memory an earlier chunk already touched.
package final class ChunkExports: Sendable {
    private let reference: ReferenceData
    private let exposures: ExposureIndex
    private let messages: MessageCatalog
    private let layout: InputsLayout?
    private let caches = Mutex<[FragmentCache]>([])
    private let buffers = Mutex<[(csv: [UInt8], json: [UInt8])]>([])

    /// Exports worded from `messages` (the templates' English catalogue), paths shown by `layout`.
    package init(reference: ReferenceData, exposures: ExposureIndex, messages: MessageCatalog, layout: InputsLayout?) {
        self.reference = reference
        self.exposures = exposures
        self.messages = messages
        self.layout = layout
    }

    /// An empty export for the next chunk, with a pooled cache and pooled buffers.
    package func start() -> FindingsExport {
        var reused: (csv: [UInt8], json: [UInt8]) = buffers.withLock { $0.popLast() } ?? ([], [])
        var export = FindingsExport(reference: reference, exposures: exposures, messages: messages, buffers: &reused)
        export.layout = layout
        export.cache = caches.withLock { $0.popLast() } ?? FragmentCache()
        return export
    }

    /// The chunk's bytes; its cache goes back to the pool.
    package func finish(_ export: consuming FindingsExport) -> ExportedChunk {
        var export = export
        caches.withLock { $0.append(export.cache) }
        export.cache = FragmentCache()
        let bytes = export.drain()
        return ExportedChunk(
            csv: bytes.csv, json: bytes.json, count: export.count, cited: export.cited,
            citedJurisdictions: export.citedJurisdictions, assessments: export.assessments)
    }

    /// Returns a written chunk's buffers for a later chunk.
    package func recycle(_ chunk: consuming ExportedChunk) {
        var chunk = chunk
        // Moved out, not copied: the pooled arrays must be uniquely referenced, or the worker's
        // `removeAll(keepingCapacity:)` allocates fresh memory of the same size.
        var buffers: (csv: [UInt8], json: [UInt8]) = ([], [])
        swap(&buffers.csv, &chunk.csv)
        swap(&buffers.json, &chunk.json)
        self.buffers.withLock {
            $0.append(buffers)
            buffers = ([], [])  // inside the lock, before any worker can take them
        }
    }
}
