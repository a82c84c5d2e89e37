import ArgumentParser
import XBorderCore

/// The most rows of the flow inventory, for `run` and `check` (`normalize` streams its rows and
/// needs no such bound).
struct RowLimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-rows"),
        help: ArgumentHelp(
            "Most rows of the flow inventory after its header; one more stops the run. Default 2000000.",
            valueName: "count"),
        transform: LimitOptions.parseCount)
    var maxRows: Int?

    /// The limit in effect.
    var rows: Int { maxRows ?? Config.defaultMaxRows }
}

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

    /// Parses a count written in digits (`2000000`); K, M and G are refused, being binary.
    static func parseCount(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else { throw ValidationError("expected a whole number from 1") }
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
