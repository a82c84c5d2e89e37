import ArgumentParser
import Foundation
import XBorderCore

/// `xborder normalize FILE [--json]`.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show how xborder reads one spreadsheet export.",
        discussion: """
            The detected encoding and delimiter go to stderr; the records go to stdout as UTF-8 \
            RFC 4180 CSV (formula-neutralized), or with --json as a JSON array of arrays of strings.

            Exit status: 0 read without errors; 1 errors (all reported); 64 usage error.

            Examples:
              xborder normalize Inputs/2026-Q3/flows.csv --json
              xborder normalize export.csv --encoding CP932 > export-utf8.csv
            """)

    @Argument(help: "The spreadsheet export.")
    var file: String

    @Flag(help: "Print a JSON array of arrays of strings, header row included.")
    var json = false

    @Option(help: "Force the encoding (UTF-8, CP932, Windows-1252, UTF-16LE, UTF-16BE).")
    var encoding: String?

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("unknown --encoding '\(encoding)'") }
    }

    func run() throws {
        var log = DiagnosticLog()
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file, limit: limits.inputBytes)
        } catch let error where error.isTooLarge {
            log.error("input.too-large", "\(error.reason) (raise the limit with --max-input-bytes)", at: SourceLocation(file: file))
            Console.print(log.sorted, format: .text)
            throw ExitCode(1)
        } catch {
            log.error("input.unreadable", "\(error.reason)", at: SourceLocation(file: file))
            Console.print(log.sorted, format: .text)
            throw ExitCode(1)
        }
        let sheet = Spreadsheet(
            InputFile(path: file, bytes: bytes), encoding: encoding.flatMap(TextEncoding.init(name:)), limits: limits.csv,
            diagnostics: &log)
        Console.error("encoding: \(sheet.encoding.rawValue)")
        Console.error("delimiter: \(sheet.delimiterName)")
        // Streamed record by record, so the output never has to fit in memory.
        var csv = CSVWriter()
        var jsonWriter = JSONWriter(indent: 0, insideArray: true)
        let output = FileHandle.standardOutput
        if json { output.write(Data("[".utf8)) }
        sheet.forEachRecord(diagnostics: &log) { record, diagnostics in
            var cells: [String] = []
            for column in 0..<record.count { cells.append(record.string(at: column, diagnostics: &diagnostics) ?? "") }
            if json {
                jsonWriter.strings(cells)
                if jsonWriter.bytes.count >= 1 << 20 { output.write(Data(jsonWriter.drain())) }
            } else {
                csv.row(cells)
                if csv.bytes.count >= 1 << 20 { output.write(Data(csv.drain())) }
            }
            return true
        }
        output.write(Data(json ? jsonWriter.drain() + Array("]\n".utf8) : csv.drain()))
        Console.print(log.sorted, format: .text)
        if log.hasErrors { throw ExitCode(1) }
    }
}
