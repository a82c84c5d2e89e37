import Foundation
import Testing
import XBorderCore
import TestSupport

// Reference data and flows built in code for the assessment tests. The tables are deliberately
// small and invented (laws such as "CN-LOC-any"), so the tests do not change when analysts edit
// the shipped Inputs/reference files; they still go through the real `ReferenceLoader`.

/// A 5×5 matrix with the contract bands: Low 1–4, Medium 5–9, High 10–16, Critical 17–25.
let standardScales = """
    kind,key,label,min_score,max_score,description
    likelihood,1,Rare,,,
    likelihood,2,Unlikely,,,
    likelihood,3,Possible,,,
    likelihood,4,Likely,,,
    likelihood,5,Almost certain,,,
    impact,1,Insignificant,,,
    impact,2,Minor,,,
    impact,3,Moderate,,,
    impact,4,Major,,,
    impact,5,Severe,,,
    band,Low,Low,1,4,
    band,Medium,Medium,5,9,
    band,High,High,10,16,
    band,Critical,Critical,17,25,

    """

/// A three-member `EU` group.
let standardGroups = """
    group,member
    EU,DE
    EU,FR
    EU,NL

    """

/// A few measures: one without score effect, a few with; the rule tests do not depend on them.
let standardMeasures = """
    measure_id,title,risks,effect,applies_to
    M01,Map data assets and flows,ALL,,any
    M03,Minimize before transfer,LOC;GOV;DIS,LOC:L-1;GOV:I-1;DIS:I-1,any
    M04,Lawful transfer mechanism,LOC,LOC:L-2,any
    M14,Screen technical data for export control,LOC,LOC:L-1,export_controlled
    M19,Record the required regulator approval,LOC,LOC:L-2,any

    """

/// exposures.csv from short rows `jurisdiction,risk,applies_to,level,law`; the summary, source
/// and review date every sourced row needs are filled in.
func exposureTable(_ rows: String...) -> String {
    var csv = "jurisdiction,risk,applies_to,level,law,summary,source,reviewed_on\n"
    for row in rows {
        csv += row + ",Test summary,https://example.test/law,2026-01-15\n"
    }
    return csv
}

/// exposures.csv with the columns that say where a law bites, from rows
/// `jurisdiction,risk,applies_to,level,roles,towards,duty_measure,effective_on,law`.
func exposureTableWithRoles(_ rows: String...) -> String {
    var csv = "jurisdiction,risk,applies_to,level,roles,towards,duty_measure,effective_on,law,summary,source,reviewed_on\n"
    for row in rows {
        csv += row + ",Test summary,https://example.test/law,2026-01-15\n"
    }
    return csv
}

/// Reference data loaded by the real `ReferenceLoader` from in-memory files. Records an issue
/// for any diagnostic the fixture tables produce.
func makeReference(
    exposuresCSV: String,
    measuresCSV: String = standardMeasures,
    groupsCSV: String = standardGroups,
    scalesCSV: String = standardScales,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> ReferenceData {
    func file(_ name: String, _ text: String) -> (String, InputFile) {
        (name, InputFile(path: "reference/" + name, bytes: Array(text.utf8)))
    }
    let files = Dictionary(uniqueKeysWithValues: [
        file(ReferenceLoader.exposuresFile, exposuresCSV),
        file(ReferenceLoader.measuresFile, measuresCSV),
        file(ReferenceLoader.groupsFile, groupsCSV),
        file(ReferenceLoader.scalesFile, scalesCSV),
    ])
    var diagnostics = DiagnosticLog()
    let reference = ReferenceLoader.load(files: files, diagnostics: &diagnostics)
    #expect(diagnostics.all.isEmpty, "fixture reference data: \(diagnostics.all)", sourceLocation: sourceLocation)
    return try #require(reference, sourceLocation: sourceLocation)
}

/// The country with an ISO alpha-2 code (the fixtures only use codes that exist).
func country(_ code: String) -> Country {
    Country(code: code)!
}

/// A flow with test defaults: JP → DE inside the group, internal technical data over an API.
func makeFlow(
    id: String = "F1",
    origin: String = "JP",
    destination: String = "DE",
    category: DataCategory = .technical,
    personalData: PersonalData = .none,
    confidentiality: Confidentiality = .internal,
    importantData: Bool = false,
    exportControlled: Bool = false,
    criticality: Criticality = .medium,
    recipient: RecipientType? = .groupCompany,
    originType: RecipientType? = nil,
    provider: String? = nil,
    storage: [String] = [],
    access: [String] = [],
    frequency: Frequency? = nil,
    mechanism: Mechanism? = .api,
    controls: [String] = []
) -> Flow {
    var flow = Flow(
        id: id, asset: "Test asset \(id)", category: category, confidentiality: confidentiality,
        origin: country(origin), destination: country(destination),
        location: XBorderCore.SourceLocation(file: "flows.csv", line: 2))
    flow.personalData = personalData
    flow.importantData = importantData
    flow.exportControlled = exportControlled
    flow.criticality = criticality
    flow.recipientType = recipient
    flow.originType = originType
    flow.providerCountry = provider.map(country)
    flow.storage = storage.map(country)
    flow.access = access.map(country)
    flow.frequency = frequency
    flow.mechanism = mechanism
    flow.controls = controls.sorted()
    return flow
}

/// Runs one rule on one flow against `reference`, as of `asOf` (every row in force when nil).
func evaluate(_ rule: some RiskRule, _ flow: Flow, reference: ReferenceData, asOf: CalendarDate? = nil) -> RuleOutcome? {
    rule.evaluate(flow, exposures: ExposureIndex(reference: reference, asOf: asOf), scales: reference.scales)
}

/// Hits as comparable text: `CN origin 3 [CN-LOC-important] scoped`, laws in row order.
func describe(_ hits: [ExposureIndex.Hit], in reference: ReferenceData) -> [String] {
    hits.map { hit in
        let laws = hit.exposures.map { reference.exposures[$0].law }.joined(separator: ", ")
        return "\(hit.country.code) \(hit.role.rawValue) \(hit.level) [\(laws)]" + (hit.scoped ? " scoped" : "")
    }
}

/// A keyed table parsed from CSV text through the real spreadsheet stage.
func makeKeyedTable(_ csv: String, path: String, required: [String], diagnostics: inout DiagnosticLog) -> KeyedTable {
    let sheet = Spreadsheet(InputFile(path: path, bytes: Array(csv.utf8)), diagnostics: &diagnostics)
    return KeyedTable(sheet.readTable(diagnostics: &diagnostics), required: required, diagnostics: &diagnostics)
}

/// The English catalogue of the shipped templates (the companions' wording), loaded through the
/// real catalogue reader.
let englishMessages: MessageCatalog = {
    var diagnostics = DiagnosticLog()
    let path = Paths.repo("Templates/messages/en.csv")
    let bytes = FileManager.default.contents(atPath: path).map { Array($0) } ?? []
    return MessageCatalog(locale: "en", file: InputFile(path: path, bytes: bytes), diagnostics: &diagnostics)
        .withFallback(.tokenLabels)
}()
