import ArgumentParser
import XBorderCore

/// `xborder whatif [PERIOD_DIR]`.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Compare the scenarios of scenarios.csv with the period's findings; write nothing.",
        discussion: """
            For each scenario: the flows it selects, the findings whose residual rating it changes, and the \
            residual band counts of the whole inventory before and after, with its owner and cost.

            Example: xborder whatif Inputs/2026-Q3 --top 10
            """)

    @Argument(help: "Period folder with flows.csv and scenarios.csv (default: the latest under Inputs/).")
    var periodDirectory: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        try UsageFailure.exiting {
            let folder = try periodDirectory ?? options.latestPeriod()
            let text = options.text(period: folder)
            var config = options.config(period: folder)
            config.viewModelDump = nil
            let outcome = ReportPipeline.whatif(config)
            Console.print(outcome.diagnostics, format: options.diagnostics, text: text)
            if !options.quiet {
                if outcome.inventoryRead { Console.out(Console.rows(outcome, text: text)) }
                let scenariosFile = FileSystem.join(config.periodDirectory, PeriodInputs.scenariosFile)
                if outcome.assessed && outcome.scenarios.isEmpty {
                    Console.out("no scenarios to compare (\(scenariosFile))")
                }
                for comparison in outcome.scenarios {
                    Console.out("")
                    Console.out(comparison.text(locale: config.locale, limit: config.topN))
                }
            }
            if outcome.failed(strict: config.strict) { throw ExitCode(1) }
        }
    }
}
