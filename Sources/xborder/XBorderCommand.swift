import ArgumentParser
import XBorderCore

/// `xborder`: cross-border industrial data risk reports (METI manual, three steps).
@main
struct XBorderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xborder",
        abstract: "Assess a cross-border data-flow inventory and archive a validated HTML/XHTML report.",
        discussion: """
            Runs the three steps of METI's Manual on Cross-Border Industrial Data Management (2025): \
            risk visualization, risk assessment, implementation of actions.

            Examples:
              xborder run                      every period under Inputs/ not archived yet
              xborder run Inputs/2026-Q3       archive one period (Output/2026-Q3)
              xborder check Inputs/2026-Q3     check the inputs only
              xborder verify Output/2026-Q3    check an archived period

            Messages are in Japanese with --locale ja or a Japanese LANG (ja_JP.UTF-8).
            """,
        version: XBorder.version,
        subcommands: [
            RunCommand.self, CheckCommand.self, WhatIfCommand.self, VerifyCommand.self, KeygenCommand.self,
            NormalizeCommand.self,
        ],
        defaultSubcommand: nil
    )
}
