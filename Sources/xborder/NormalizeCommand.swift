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

            Example: xborder normalize Inputs/2026-Q3/flows.csv --json
            """)

    @Argument(help: "The spreadsheet export.")
    var file: String

    @Flag(help: "Print a JSON array of arrays of strings, header row included.")
    var json = false

    @Option(help: "Force the encoding (UTF-8, CP932, Windows-1252, UTF-16LE, UTF-16BE).")
    var encoding: String?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("unknown --encoding '\(encoding)'") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file)
        } catch {
            Console.error("\(file): error: \(error.reason) [input.unreadable]")
            throw ExitCode(1)
        }
        var log = DiagnosticLog()
        let sheet = Spreadsheet(InputFile(path: file, bytes: bytes), encoding: encoding.flatMap(TextEncoding.init(name:)), diagnostics: &log)
        let table = sheet.readTable(diagnostics: &log)
        Console.error("encoding: \(sheet.encoding.rawValue)")
        Console.error("delimiter: \(sheet.delimiterName)")
        for d in log.sorted { Console.error(d.description) }
        if json {
            var w = JSONWriter(indent: 0)
            w.beginArray()
            for record in table.records { w.strings(record.cells) }
            w.endArray()
            FileHandle.standardOutput.write(Data(w.finish()))
        } else {
            var writer = CSVWriter()
            for record in table.records { writer.row(record.cells) }
            FileHandle.standardOutput.write(Data(writer.drain()))
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}
