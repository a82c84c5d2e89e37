import Foundation
import Testing

@testable import XBorderCore
import TestSupport

/// findings.json against its versioned schema (docs/findings.schema.json, docs/FINDINGS_JSON.md):
/// the sample's document is valid, and every ID a finding cites resolves to its table.
@Suite(.serialized) struct FindingsSchemaTests {
    typealias Value = JSONReader.Value

    static func schema() throws -> SchemaSubsetValidator {
        try SchemaSubsetValidator(schema: FileSystem.read(Paths.repo("docs/findings.schema.json")))
    }

    /// The sample period's archived findings.json, parsed strictly (no duplicate keys).
    static func sampleDocument() throws -> Value {
        let output = Paths.temporaryDirectory()
        var config = Config(periodDirectory: Paths.repo("Inputs/2026-Q3"))
        config.outputDirectory = output
        config.referenceDirectory = Paths.repo("Inputs/reference")
        config.templatesDirectory = Paths.repo("Templates")
        let outcome = ReportPipeline.run(config)
        let folder = try #require(outcome.archivePath, "\(outcome.diagnostics)")
        return try JSONReader.parse(FileSystem.read(folder + "/findings.json"))
    }

    static func member(_ value: Value, _ name: String) -> Value? {
        guard case .object(let members) = value.kind else { return nil }
        return members.first { $0.key == name }?.value
    }

    static func keys(_ value: Value?) -> Set<String> {
        guard let value, case .object(let members) = value.kind else { return [] }
        return Set(members.map(\.key))
    }

    static func elements(_ value: Value?) -> [Value] {
        guard let value, case .array(let list) = value.kind else { return [] }
        return list
    }

    static func string(_ value: Value?) -> String? {
        guard let value, case .string(let s) = value.kind else { return nil }
        return s
    }

    @Test("the sample's findings.json is valid against docs/findings.schema.json")
    func sampleIsValid() throws {
        var validator = try Self.schema()
        let document = try Self.sampleDocument()
        let errors = validator.validate(document)
        #expect(errors.prefix(20) == [], "\(errors.count) problems")
        #expect(Self.elements(Self.member(document, "findings")).count > 100)
    }

    @Test("every assessment, exposure, measure and jurisdiction a finding cites is listed once, and every listed one is cited")
    func citedIDsResolve() throws {
        let document = try Self.sampleDocument()
        let exposures = Self.keys(Self.member(document, "exposures"))
        let measures = Self.keys(Self.member(document, "measures"))
        let jurisdictions = Self.keys(Self.member(document, "jurisdictions"))
        var citedExposures: Set<String> = []
        var citedJurisdictions: Set<String> = []
        var unresolved: [String] = []
        func measure(_ id: String?, _ at: String) {
            if let id, !measures.contains(id) { unresolved.append("\(at): measure \(id)") }
        }
        func jurisdiction(_ code: String?, _ at: String) {
            guard let code else { return unresolved.append("\(at): no jurisdiction") }
            citedJurisdictions.insert(code)
            if !jurisdictions.contains(code) { unresolved.append("\(at): jurisdiction \(code)") }
        }
        var assessments: [String: Value] = [:]
        if let table = Self.member(document, "assessments"), case .object(let entries) = table.kind {
            for (id, entry) in entries { assessments[id] = entry }
        }
        var citedAssessments: Set<String> = []
        for finding in Self.elements(Self.member(document, "findings")) {
            let id = Self.string(Self.member(finding, "finding_id")) ?? "?"
            jurisdiction(Self.string(Self.member(finding, "origin")), id)
            jurisdiction(Self.string(Self.member(finding, "destination")), id)
            guard let assessmentID = Self.string(Self.member(finding, "assessment")),
                let assessment = assessments[assessmentID]
            else {
                unresolved.append("\(id): assessment")
                continue
            }
            citedAssessments.insert(assessmentID)
            #expect(Self.string(Self.member(assessment, "risk")) == Self.string(Self.member(finding, "risk")))
            for hit in Self.elements(Self.member(assessment, "hits")) {
                jurisdiction(Self.string(Self.member(hit, "jurisdiction")), id)
                measure(Self.string(Self.member(hit, "duty_measure")), id)
                for row in Self.elements(Self.member(hit, "exposures")).compactMap({ Self.string($0) }) {
                    citedExposures.insert(row)
                    if !exposures.contains(row) { unresolved.append("\(id): exposure \(row)") }
                }
            }
            for control in Self.elements(Self.member(assessment, "controls")) {
                measure(Self.string(Self.member(control, "measure_id")), id)
            }
            for m in Self.elements(Self.member(assessment, "withheld_controls")) { measure(Self.string(m), id) }
            for m in Self.elements(Self.member(assessment, "recommended_measures")) { measure(Self.string(m), id) }
            measure(Self.string(Self.member(assessment, "unmet_duty")), id)
            if let reasons = Self.member(assessment, "reasons") {
                for code in (Self.elements(Self.member(reasons, "likelihood")) + Self.elements(Self.member(reasons, "impact")))
                    .compactMap({ Self.string($0) }) where code.hasPrefix("foreign_provider:")
                {
                    jurisdiction(String(code.dropFirst("foreign_provider:".count)), id)
                }
            }
        }
        #expect(citedAssessments == Set(assessments.keys), "every listed assessment is cited")
        if let table = Self.member(document, "exposures"), case .object(let rows) = table.kind {
            for (id, row) in rows {
                measure(Self.string(Self.member(row, "duty_measure")), id)
                // An alpha-2 code is listed; a group of groups.csv (EU) is not a jurisdiction code.
                if let code = Self.string(Self.member(row, "jurisdiction")), Country(code: code)?.code == code {
                    jurisdiction(code, id)
                }
            }
        }
        #expect(unresolved.prefix(20) == [])
        #expect(citedExposures == exposures, "every listed exposure row is cited")
        #expect(citedJurisdictions == jurisdictions, "every listed jurisdiction is cited")
        #expect(!exposures.isEmpty && !measures.isEmpty && !jurisdictions.isEmpty)
    }

    @Test("the validator rejects what the schema forbids")
    func validatorRejects() throws {
        var validator = try Self.schema()
        func errors(_ json: String) throws -> [String] { validator.validate(try JSONReader.parse(Array(json.utf8))) }
        let head = #""schema_version":3,"tool":{"name":"xborder","version":"0.1.0"},"period":"2026-Q3","as_of":"2026-09-30""#
        let tables = #""assessments":{},"exposures":{},"measures":{},"jurisdictions":{"JP":{"name":"Japan","name_ja":"日本"}}"#
        #expect(try errors("{\(head),\"findings\":[],\(tables)}") == [])
        // A missing member, an unknown one, a wrong type, a bad ID, an out-of-range number.
        #expect(try !errors("{\(head),\(tables)}").isEmpty)
        #expect(try !errors("{\(head),\"findings\":[],\(tables),\"extra\":1}").isEmpty)
        #expect(try !errors("{\(head),\"findings\":{},\(tables)}").isEmpty)
        #expect(try !errors(#"{"schema_version":4}"#).isEmpty)
        let badCode = tables.replacingOccurrences(of: "\"JP\"", with: "\"Japan\"")
        #expect(try !errors("{\(head),\"findings\":[],\(badCode)}").isEmpty)
        let rating = #"{"likelihood":6,"impact":1,"score":6,"band":"Low"}"#
        let finding = """
            {"finding_id":"F1:LOC","flow_id":"F1","risk":"LOC","flows_csv_line":2,"origin":"JP","destination":"JP",
            "assessment":"0123456789abcdef","decision":null}
            """
        let assessment = """
            "0123456789abcdef":{"risk":"LOC","inherent":\(rating),"residual":\(rating),"hits":[],"controls":[],
            "withheld_controls":[],"unmet_duty":null,"recommended_measures":[],"reasons":{"likelihood":[],"impact":[]}}
            """
        let withAssessment = tables.replacingOccurrences(of: #""assessments":{}"#, with: "\"assessments\":{\(assessment)}")
        let found = try errors("{\(head),\"findings\":[\(finding)],\(withAssessment)}")
        #expect(found.contains { $0.contains("above") }, "\(found)")
        // An assessment ID that is not 16 hex digits.
        let badID = withAssessment.replacingOccurrences(of: "0123456789abcdef", with: "A1")
        #expect(try !errors("{\(head),\"findings\":[],\(badID)}").isEmpty)
    }
}
