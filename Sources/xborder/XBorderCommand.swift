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

            Example: xborder run Inputs/2026-Q3
            """,
        version: XBorder.version,
        subcommands: [
            RunCommand.self, CheckCommand.self, WhatIfCommand.self, VerifyCommand.self, KeygenCommand.self,
            NormalizeCommand.self,
        ],
        defaultSubcommand: nil
    )
}
