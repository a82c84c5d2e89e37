extension ReportPipeline {
    /// `xborder whatif`: read, check and assess the inputs as `check` does, then compare every
    /// scenario of scenarios.csv with the findings; write nothing.
    package static func whatif(_ config: Config) -> Outcome {
        var (outcome, inputs, assessor) = examine(config)
        if let inputs, let assessor {
            outcome.scenarios = ScenarioComparison.compare(
                inputs.scenarios, flows: inputs.inventory.flows, decisions: inputs.decisions, asOf: inputs.asOf,
                assessor: assessor, baseline: outcome.bands)
        }
        return outcome
    }
}
