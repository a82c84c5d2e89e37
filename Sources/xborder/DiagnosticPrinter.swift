import Foundation
import XBorderCore

/// Prints diagnostics to stderr (compiler-style text or a JSON array) and summaries to stdout.
enum Console {
    /// Writes to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Stage timings on stderr under `XBORDER_TIMINGS=1` (docs/PERFORMANCE.md); never in files.
    static func printTimings(_ outcome: ReportPipeline.Outcome) {
        guard ProcessInfo.processInfo.environment["XBORDER_TIMINGS"] == "1" else { return }
        for (stage, seconds) in outcome.timings { error("timing: \(stage) \(seconds)") }
    }

    /// Prints diagnostics in the chosen format; text in the language of `text`.
    static func print(_ diagnostics: [Diagnostic], format: DiagnosticFormat, text: CLIText? = nil) {
        switch format {
        case .text:
            for d in diagnostics { error(text.map { d.localized($0).description } ?? d.description) }
        case .json:
            var w = JSONWriter(indent: 0)
            w.beginArray()
            for d in diagnostics {
                w.beginObject()
                w.string(d.location?.file ?? "", "file")
                w.int(d.location?.line ?? 0, "line")
                w.int(d.location?.column ?? 0, "column")
                w.string(d.severity.rawValue, "severity")
                w.string(d.code, "code")
                w.string(d.message, "message")
                w.strings(d.notes, "notes")
                w.endObject()
            }
            w.endArray()
            FileHandle.standardError.write(Data(w.finish()))
        }
    }

    /// `rows read 120 = assessed 118 + rejected 2`.
    static func rows(_ o: ReportPipeline.Outcome, text: CLIText) -> String {
        text("cli_rows", ["read": String(o.rowsRead), "assessed": String(o.rowsAssessed), "rejected": String(o.rowsRejected)])
    }
}
