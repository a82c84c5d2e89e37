// libFuzzer entry point over the manifest reader that `xborder verify` runs on untrusted archives.
//
// Built by `Scripts/fuzz.sh SECONDS manifest` together with the XBorderCore sources the reader
// needs (one module, `-parse-as-library -sanitize=fuzzer,address`); libFuzzer supplies `main`.
// Every input is read as manifest.json:
//  1. through `JSONReader.parse` and `ManifestReader.read` with the standard limits and with tiny
//     ones (so the too-large and too-many-entries paths run);
//  2. when accepted, the properties `verify` relies on are checked: every listed path is a plain
//     relative path (`ArchivePath.problem` is nil), no path is listed twice, every hash is 64 hex
//     digits, every size is non-negative, the format is one this version knows;
//  3. an accepted manifest is written again with `Manifest.json` and read back: the same files.
// A crash, a sanitizer report, a hang (libFuzzer's `-timeout`) or a failed precondition is a
// finding; diagnostics are not.

/// Tiny bounds, so the limit paths are reached by small inputs.
private let tinyLimits: ManifestReader.Limits = {
    var limits = ManifestReader.Limits()
    limits.maxBytes = 512
    limits.maxEntries = 2
    return limits
}()

/// libFuzzer's callback: must not keep state between calls and must return 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []

    // 1. The reader alone, then the manifest checks with both limits.
    _ = try? JSONReader.parse(bytes)
    var tinyLog = DiagnosticLog()
    if let tiny = ManifestReader.read(bytes, path: "manifest.json", limits: tinyLimits, diagnostics: &tinyLog) {
        precondition(bytes.count <= tinyLimits.maxBytes && tiny.files.count <= tinyLimits.maxEntries, "limits ignored")
    }
    var log = DiagnosticLog()
    guard let contents = ManifestReader.read(bytes, path: "manifest.json", diagnostics: &log) else {
        precondition(log.hasErrors, "a refused manifest without an error")
        for diagnostic in log.all { precondition(diagnostic.location?.file == "manifest.json", "an unlocated diagnostic") }
        return 0
    }
    precondition(!log.hasErrors, "an accepted manifest with errors")

    // 2. What verify relies on.
    precondition(ManifestReader.knownFormats.contains(contents.format), "unknown format accepted")
    var seen: Set<String> = []
    for file in contents.files {
        precondition(ArchivePath.problem(file.entry.path) == nil, "unsafe path accepted: \(file.entry.path.debugDescription)")
        precondition(seen.insert(file.entry.path).inserted, "duplicate path accepted")
        precondition(file.entry.sha256.utf8.count == 64 && file.entry.size >= 0, "bad entry accepted")
        precondition(file.location.line >= 1 && file.location.column >= 1, "entry without a position")
    }
    if let key = contents.signingKey { precondition(key.utf8.count == 64, "bad fingerprint accepted") }

    // 3. Written again and read back: the same files.
    let manifest = Manifest(
        period: "2026-Q3", revision: 1, supersedes: nil, asOf: CalendarDate(year: 2026, month: 9, day: 30)!,
        options: [], counts: [], templates: [], files: contents.files.map(\.entry))
    var again = DiagnosticLog()
    let reread = ManifestReader.read(manifest.json, path: "manifest.json", diagnostics: &again)
    precondition(
        reread?.files.map(\.entry).sorted(by: { $0.path < $1.path }) == contents.files.map(\.entry).sorted(by: { $0.path < $1.path }),
        "the written manifest does not read back: \(again.sorted.map(\.description))")
    return 0
}
