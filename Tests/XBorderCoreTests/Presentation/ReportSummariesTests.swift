import Foundation
import TestSupport
import Testing

@testable import XBorderCore

/// The inventory-wide summaries the builders of every edition share (`ReportSummaries`), and the
/// builders that share them, on the sample's third quarter.
@Suite struct ReportSummariesTests {
    /// The sample quarter read, assessed and aggregated as the pipeline does, in one language.
    static func context(locale: String) throws -> ReportContext {
        let config = ReportPipelineTests.config("2026-Q3", output: Paths.temporaryDirectory())
        var log = DiagnosticLog()
        let inputs = try #require(PeriodInputs.load(config, diagnostics: &log))
        let assessor = Assessor(reference: inputs.reference, asOf: inputs.asOf)
        var aggregate = ReportAggregate(size: inputs.reference.scales.size, topN: config.topN)
        var book = inputs.decisions
        for (i, flow) in inputs.inventory.flows.enumerated() {
            let findings = assessor.assess(flow, index: i) { book.state(for: flow.id, risk: $0, asOf: inputs.asOf) }
            aggregate.add(flow, findings: findings, decisionLimit: config.topN)
        }
        let scenarios = ScenarioComparison.compare(
            inputs.scenarios, flows: inputs.inventory.flows, decisions: inputs.decisions, asOf: inputs.asOf,
            assessor: assessor, baseline: aggregate.residualBands)
        return ReportContext(
            settings: inputs.settings, topN: config.topN, recordedOptions: [], period: inputs.period, asOf: inputs.asOf,
            revision: 1, supersedes: nil,
            messages: (inputs.catalogues[locale] ?? MessageCatalog(locale: locale, messages: [:])).withFallback(
                inputs.englishMessages),
            reference: inputs.reference, exposures: assessor.exposureIndex, inventory: inputs.inventory,
            aggregate: aggregate,
            diagnostics: [], inputFiles: [], referenceFiles: [], history: History(), changes: nil,
            coverage: Coverage(flows: inputs.inventory.flows, exposures: assessor.exposureIndex),
            decisions: inputs.decisions,
            scenarios: scenarios)
    }

    @Test("exposure levels are those of the per-country look-up, for every jurisdiction touched")
    func profileLevels() throws {
        let context = try Self.context(locale: "en")
        let summaries = ReportSummaries(context: context)
        #expect(Set(summaries.profileLevels.keys) == Set(context.aggregate.countryFlows.keys))
        for country in context.aggregate.countryFlows.keys {
            for risk in ReportSummaries.profiledRisks {
                #expect(
                    summaries.profileLevels[country]?[risk]
                        == ReportSummaries.profileLevel(country, risk, context: context),
                    "\(country.code) \(risk.rawValue)")
            }
        }
        #expect(summaries.profileLevels.values.contains { !$0.isEmpty })
    }

    @Test("distinct assets and recipients are counted over every flow")
    func counts() throws {
        let context = try Self.context(locale: "en")
        let flows = context.inventory.flows
        let summaries = ReportSummaries(context: context)
        #expect(summaries.assets == Set(flows.map(\.asset)).count)
        #expect(
            summaries.recipients
                == Set(flows.map { $0.destinationEntity.isEmpty ? $0.destination.code : $0.destinationEntity }).count)
    }

    @Test("one decision's evidence per theme asked, each with scenarios or a treatment")
    func decisions() throws {
        let context = try Self.context(locale: "en")
        let summaries = ReportSummaries(context: context)
        #expect(summaries.decisions.count == ReportSummaries.askedThemes(context.aggregate).count)
        #expect(!summaries.decisions.isEmpty)
        for evidence in summaries.decisions {
            #expect(evidence.scenarios.count <= 2)
            #expect(
                evidence.scenarios.isEmpty || evidence.treatment == nil, "a treatment only when no scenario matches")
        }
    }

    @Test("builders sharing summaries build the same view models as builders on their own")
    func sharing() throws {
        let contexts = try ["en", "ja"].map { try Self.context(locale: $0) }
        let alone = contexts.map { ReportViewModelBuilder(context: $0) }
        let shared = ReportViewModelBuilder.sharingSummaries(contexts.map { ReportViewModelBuilder(context: $0) })
        for (a, b) in zip(alone, shared) {
            #expect(a.build(xhtml: false) == b.build(xhtml: false))
            #expect(a.build(xhtml: true) == b.build(xhtml: true))
        }
        #expect(shared[0].build(xhtml: false) != shared[1].build(xhtml: false), "the editions differ in language")
    }

    @Test("the HTML and XHTML view models differ only in xhtml and svgPrefix")
    func documents() throws {
        let builder = ReportViewModelBuilder(context: try Self.context(locale: "en"))
        guard case .object(var html) = builder.build(xhtml: false), case .object(var xhtml) = builder.build(xhtml: true)
        else {
            Issue.record("the view model is an object")
            return
        }
        #expect(html["xhtml"] == .flag(false) && xhtml["xhtml"] == .flag(true))
        #expect(html["svgPrefix"] == .text("") && xhtml["svgPrefix"] == .text("svg:"))
        for key in ["xhtml", "svgPrefix"] {
            html[key] = nil
            xhtml[key] = nil
        }
        #expect(html == xhtml)
    }
}
