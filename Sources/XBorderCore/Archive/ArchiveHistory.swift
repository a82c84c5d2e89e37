import Foundation

/// Reads the earlier periods of an archive (their findings.csv and manifest counts) for the
/// trend and the comparison with the previous period. Only the latest revision of each period
/// counts; periods after the current one are ignored.
package enum ArchiveHistory {
    /// Archived period folders by period: the latest revision's folder name.
    package static func latestRevisions(in output: String) -> [(period: Period, folder: String)] {
        var best: [String: (Int, String)] = [:]
        for name in FileSystem.list(output) where !name.hasPrefix(".") {
            var periodName = name
            var revision = 1
            if let r = name.range(of: "-r", options: .backwards), let n = Int(name[r.upperBound...]), n >= 2 {
                periodName = String(name[..<r.lowerBound])
                revision = n
            }
            guard Period(periodName) != nil,
                FileSystem.exists(FileSystem.join(output, name, Manifest.fileName))
            else { continue }
            if (best[periodName]?.0 ?? 0) < revision { best[periodName] = (revision, name) }
        }
        return best.compactMap { key, value in Period(key).map { ($0, value.1) } }.sorted { $0.period < $1.period }
    }

    /// History before `current`.
    package static func load(output: String, before current: String) -> History {
        var history = History()
        let currentPeriod = Period(current)
        let earlier = latestRevisions(in: output).filter { entry in
            currentPeriod.map { entry.period < $0 } ?? (entry.period.name != current)
        }
        for (index, entry) in earlier.enumerated() {
            let path = FileSystem.join(output, entry.folder, "findings.csv")
            guard let bytes = try? FileSystem.read(path) else { continue }
            var log = DiagnosticLog()
            let sheet = Spreadsheet(InputFile(path: path, bytes: bytes), diagnostics: &log)
            let table = KeyedTable(sheet.readTable(diagnostics: &log), required: ["finding_id", "residual_band"], diagnostics: &log)
            var counts = History.PeriodCounts(period: entry.period.name, flows: 0, bands: [:], risks: [:])
            var flows: Set<String> = []
            let isPrevious = index == earlier.count - 1
            for row in table.rows {
                guard let band = Band(rawValue: row["residual_band"]) else { continue }
                counts.bands[band, default: 0] += 1
                if let risk = RiskType(rawValue: row["risk"]) { counts.risks[risk, default: 0] += 1 }
                flows.insert(row["flow_id"])
                if isPrevious {
                    history.previousFindings[row["finding_id"]] = History.PreviousFinding(
                        id: row["finding_id"], band: band, score: Int(row["residual_score"]) ?? 0,
                        asset: unneutralized(row["data_asset"]),
                        route: "\(row["origin_country"]) → \(row["destination_country"])",
                        controls: row["controls"], decision: row["decision"])
                }
            }
            counts.flows = manifestCount(FileSystem.join(output, entry.folder, Manifest.fileName), "rows_assessed") ?? flows.count
            history.periods.append(counts)
            if isPrevious {
                history.previousPeriod = entry.period.name
                let manifest = (try? FileSystem.read(FileSystem.join(output, entry.folder, Manifest.fileName))) ?? []
                for file in Manifest.files(in: manifest) ?? [] where file.path.hasPrefix("reference/") {
                    history.previousReferenceHashes[file.path] = file.sha256
                }
            }
        }
        return history
    }

    /// Undoes the formula neutralization of findings.csv for display.
    static func unneutralized(_ cell: String) -> String {
        cell.hasPrefix("'") && CSVWriter.isFormulaTrigger(String(cell.dropFirst())) ? String(cell.dropFirst()) : cell
    }

    static func manifestCount(_ path: String, _ key: String) -> Int? {
        guard let bytes = try? FileSystem.read(path),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let counts = object["counts"] as? [String: Any]
        else { return nil }
        return (counts[key] as? NSNumber)?.intValue
    }
}
