import ArgumentParser
import XBorderCore

/// The input limits shared by `run`, `check` and `normalize` (docs/SECURITY.md, "Limits").
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-input-bytes"),
        help: ArgumentHelp("Largest input file read, in bytes (K, M, G: 1K = 1024). Default 1G.", valueName: "size"),
        transform: Self.parse)
    var maxInputBytes: Int?

    @Option(
        name: .customLong("max-cell-bytes"),
        help: ArgumentHelp("Longest cell of the period's spreadsheets, in bytes. Default 1M.", valueName: "size"),
        transform: Self.parse)
    var maxCellBytes: Int?

    @Option(
        name: .customLong("max-columns"),
        help: ArgumentHelp("Most fields in one row of the period's spreadsheets. Default 4096.", valueName: "count"),
        transform: Self.parse)
    var maxColumns: Int?

    /// Parses a size or count (`4096`, `512K`, `1M`, `2G`).
    static func parse(_ text: String) throws -> Int {
        guard let value = ByteCount.parse(text) else { throw ValidationError(ByteCount.expected) }
        return value
    }

    /// The largest input file read.
    var inputBytes: Int { maxInputBytes ?? Config.defaultMaxInputBytes }

    /// The tokenizer's bounds.
    var csv: CSVTokenizer.Limits {
        var limits = CSVTokenizer.Limits.standard
        if let maxCellBytes { limits.maxFieldBytes = maxCellBytes }
        if let maxColumns { limits.maxFieldsPerRecord = maxColumns }
        return limits
    }
}
