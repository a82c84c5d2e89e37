/// Stage 7 of `run`: the archive record.
extension ReportPipeline {
    /// Writes the reports, the reference data as read, the rejected rows and the diagnostics
    /// next to the companions and the inputs already written (`runStages` copies the inputs
    /// while stage 3 runs), then commits the folder with its manifest (signed when a key is
    /// configured). Returns the archive folder's path.
    static func archiveRecord(
        _ stages: Stages, documents: [RenderedReport], findings: Int, log: DiagnosticLog
    ) throws(FileSystem.Failure) -> String {
        let (config, inputs, archive) = (stages.config, stages.inputs, stages.archive)
        let layout = config.layout
        for document in documents { try archive.write(document.fileName, document.bytes) }
        for file in inputs.referenceFiles { try archive.write("reference/\(FileSystem.baseName(file.path))", file.bytes) }
        // Streamed: on hostile input most rejected rows are not in memory (`RejectedRows`).
        let rejectedSink = try archive.open("rejected.csv")
        var rejected = CSVWriter(header: ["location", "line", "flow_id", "codes", "reason"])
        var shown: (file: String, as: String)?  // rows share their file: shown once
        try inputs.inventory.rejected.forEach { (row) throws(FileSystem.Failure) in
            if shown?.file != row.location.file { shown = (row.location.file, layout.display(row.location.file)) }
            var location = row.location
            location.file = shown!.as
            rejected.row([
                location.description, String(row.location.line), row.flowID,
                row.codes.joined(separator: ";"), row.reason,
            ])
            if rejected.bytes.count >= 1 << 20 { try rejectedSink.write(rejected.drain()) }
        }
        try rejectedSink.write(rejected.drain())
        try archive.close(rejectedSink)
        let diagnosticsText = log.sorted.map { layout.display($0).description }.joined(separator: "\n")
        try archive.write("diagnostics.txt", Array((diagnosticsText.isEmpty ? "" : diagnosticsText + "\n").utf8))
        var manifest = Manifest(
            period: inputs.period, revision: archive.revision, supersedes: archive.supersedes, asOf: inputs.asOf,
            options: config.recordedOptions,
            counts: [
                ("rows_read", inputs.inventory.rowsRead), ("rows_assessed", inputs.inventory.flows.count),
                ("rows_rejected", inputs.inventory.rejected.count), ("findings", findings),
            ],
            templates: stages.templates.files.map {
                .init(path: $0.name, sha256: sha256Hex($0.bytes), size: $0.bytes.count)
            },
            files: archive.files)
        // The manifest names the key before it is serialized; manifest.sig signs its exact bytes.
        manifest.signingKey = stages.signer?.fingerprint
        let json = manifest.json
        let signature = stages.signer?.sign(json)
        if stages.signer != nil && signature == nil {
            throw FileSystem.Failure(path: Manifest.signatureFileName, reason: "cannot be signed")
        }
        return try archive.commit(manifest: json, signature: signature)
    }
}
