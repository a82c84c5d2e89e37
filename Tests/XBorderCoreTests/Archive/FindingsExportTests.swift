import Testing

@testable import XBorderCore

/// findings.csv and findings.json are spliced from cached parts; these tests hold the cached
/// path to the bytes a fresh, uncached export writes.
@Suite("FindingsExport")
struct FindingsExportTests {
    let reference: ReferenceData
    let assessor: Assessor
    /// Flows that vary everything the parts depend on: countries and roles, reasons, controls,
    /// recommendations; a flow ID that needs quoting and one that looks like a formula.
    let flows: [Flow]

    init() throws {
        reference = try makeReference(
            exposuresCSV: exposureTable(
                "CN,LOC,any,3,CN-LOC-any", "CN,GOV,any,3,CN-GOV-any", "DE,DIS,any,1,\"DE-DIS, with comma\"",
                "US,GOV,any,2,US-GOV-any", "JP,DIS,any,1,JP-DIS-any"))
        assessor = Assessor(reference: reference)
        flows = [
            makeFlow(id: "F1", origin: "JP", destination: "CN", storage: ["CN", "US"]),
            makeFlow(id: "F2", origin: "CN", destination: "DE", confidentiality: .secret, controls: ["M03"]),
            makeFlow(id: "F 3, quoted \"id\"", origin: "JP", destination: "US", recipient: .cloudProvider, provider: "US"),
            makeFlow(id: "=F4", origin: "DE", destination: "JP", exportControlled: true, controls: ["M03", "M04"]),
            makeFlow(id: "F5", origin: "JP", destination: "CN", storage: ["CN", "US"]),
        ]
    }

    /// Writes every finding of `flows`, either through one shared cache or a fresh one each.
    func export(sharedCache: Bool) -> (
        csv: [UInt8], json: [UInt8], cited: Set<Int>, jurisdictions: Set<Country>, assessments: [UInt64: [UInt8]]
    ) {
        var export = FindingsExport(reference: reference, exposures: assessor.exposureIndex, messages: englishMessages)
        var cache = FragmentCache()
        for (i, flow) in flows.enumerated() {
            for finding in assessor.assess(flow, index: i) {
                if sharedCache { export.add(finding, flow: flow, cache: &cache) } else { export.add(finding, flow: flow) }
            }
        }
        let bytes = export.drain()
        // Each entry once per export, whatever the cache.
        var assessments: [UInt64: [UInt8]] = [:]
        for (id, entry) in export.assessments {
            #expect(assessments[id] == nil)
            assessments[id] = entry
        }
        return (bytes.csv, bytes.json, export.cited, export.citedJurisdictions, assessments)
    }

    @Test("a shared cache writes the same bytes as fresh parts for every finding")
    func cacheDoesNotChangeBytes() throws {
        let shared = export(sharedCache: true)
        let fresh = export(sharedCache: false)
        #expect(shared.csv == fresh.csv)
        #expect(shared.json == fresh.json)
        #expect(shared.cited == fresh.cited)
        #expect(shared.jurisdictions == fresh.jurisdictions)
        #expect(shared.assessments == fresh.assessments)
        #expect(!shared.cited.isEmpty)
        // Findings with the same assessment share one entry; every ID a finding cites is built.
        let findings = flows.enumerated().map { assessor.assess($1, index: $0).count }.reduce(0, +)
        #expect(shared.assessments.count > 1 && shared.assessments.count < findings)
        let json = String(decoding: shared.json, as: UTF8.self)
        for (id, entry) in shared.assessments {
            var hex: [UInt8] = []
            FindingsExport.appendHex(id, to: &hex)
            #expect(hex.count == 16 && id == contentID(entry))
            #expect(json.contains(#""assessment":"\#(String(decoding: hex, as: UTF8.self))""#))
        }
        // The rows are what the contract says: one per finding, neutralized and quoted as needed.
        let text = String(decoding: shared.csv, as: UTF8.self)
        #expect(text.contains("\"F 3, quoted \"\"id\"\":"))
        #expect(text.contains("\"'=F4:") || text.contains("'=F4:"))
        #expect(text.contains("\"DE: DE-DIS, with comma\""))
    }

    @Test("chunks sharing pooled caches write the same bytes and, together, cite every assessment")
    func pooledChunksCiteEverything() throws {
        // Each assessment several times, so that whole findings are cached and reused across chunks.
        let repeated = (0..<4).flatMap { round in
            flows.map { flow -> Flow in
                var copy = flow
                copy.id = "R\(round)-\(flow.id)"
                return copy
            }
        }
        var single = FindingsExport(reference: reference, exposures: assessor.exposureIndex, messages: englishMessages)
        let exports = ChunkExports(
            reference: reference, exposures: assessor.exposureIndex, messages: englishMessages, layout: nil)
        var csv: [UInt8] = []
        var assessments: [UInt64: [UInt8]] = [:]
        var cited: Set<Int> = []
        for chunk in stride(from: 0, to: repeated.count, by: 3) {
            var export = exports.start()
            for i in chunk..<min(repeated.count, chunk + 3) {
                let findings = assessor.assess(repeated[i], index: i)
                export.add(repeated[i], findings: findings)  // the export's pooled cache
                for finding in findings { single.add(finding, flow: repeated[i]) }  // a fresh cache each
            }
            let done = exports.finish(export)
            csv += done.csv
            cited.formUnion(done.cited)
            for (id, entry) in done.assessments {
                #expect(assessments[id] == nil || assessments[id] == entry)
                assessments[id] = entry
            }
        }
        #expect(csv == single.drain().csv)
        #expect(cited == single.cited)
        #expect(assessments == Dictionary(uniqueKeysWithValues: single.assessments.map { ($0.id, $0.entry) }))
    }

    @Test("each finding row has the contract's columns and the explanation of its own numbers")
    func rowsParse() throws {
        let shared = export(sharedCache: true)
        var log = DiagnosticLog()
        let header = FindingsExport.csvHead
        let sheet = Spreadsheet(InputFile(path: "findings.csv", bytes: header + shared.csv), diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        #expect(log.all.isEmpty)
        let rows = table.records.dropFirst()
        let findingCount = flows.enumerated().map { assessor.assess($1, index: $0).count }.reduce(0, +)
        #expect(rows.count == findingCount)
        for row in rows {
            #expect(row.cells.count == FindingsExport.csvHeader.count)
            let explanation = row.cells[19]
            #expect(explanation.hasPrefix("Likelihood \(row.cells[3]) ("))
            #expect(explanation.contains("Residual \(row.cells[7]) × \(row.cells[8]) = \(row.cells[9]) (\(row.cells[10]))"))
        }
    }

    @Test("each row carries its own flow's cells, however findings of different flows interleave")
    func flowCellsFollowTheFlow() throws {
        var export = FindingsExport(reference: reference, exposures: assessor.exposureIndex, messages: englishMessages)
        var cache = FragmentCache()
        var a = flows[0]
        a.owner = "Owner A"
        var b = flows[4]
        b.owner = "Owner, B"
        // The same index for both, as hand-built findings may have.
        let fa = try #require(assessor.assess(a, index: 0).first)
        let fb = try #require(assessor.assess(b, index: 0).first)
        for (finding, flow) in [(fa, a), (fb, b), (fa, a)] { export.add(finding, flow: flow, cache: &cache) }
        let text = String(decoding: export.drain().csv, as: UTF8.self)
        let rows = text.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("F1:") && rows[0].contains(",Owner A,"))
        #expect(rows[1].hasPrefix("F5:") && rows[1].contains(",\"Owner, B\","))
        #expect(rows[2].hasPrefix("F1:") && rows[2].contains(",Owner A,"))
    }

    @Test(
        "joined sentences are written exactly as CSVWriter writes the joined text",
        arguments: [
            ["Likelihood 3 (Possible): JP as origin, level 2.", "Impact 2 (Minor)."],
            ["plain", "words"], ["with \"quotes\"", "and more"], [" edge", "space "], ["=SUM(A1)", "x"],
            ["", "after empty"], ["tab\there", "x"], ["line\nbreak", "x"], ["one"],
        ])
    func sentencesMatchWriter(_ parts: [String]) {
        var expected: [UInt8] = []
        CSVWriter.appendCell(parts.joined(separator: " "), to: &expected)
        var actual: [UInt8] = []
        Sentence.appendCell(joining: parts.map(Sentence.init), to: &actual)
        #expect(actual == expected)
    }
}
