import Testing

@testable import XBorderCore

/// The progress line shown on a terminal (the display itself is in the tool: ProgressDisplay).
@Suite struct ProgressMeterTests {
    @Test("the line names the stage, the rows read, the findings and the elapsed time")
    func line() {
        #expect(
            ProgressMeter.line(stage: .assessing, rows: 120_000, findings: 483_112, seconds: 3.27)
                == "assessing · 120,000 rows read · 483,112 findings · 3.2 s")
        #expect(ProgressMeter.line(stage: .reading, rows: 0, findings: 0, seconds: 1) == "reading · 0 rows read · 0 findings · 1.0 s")
        #expect(ProgressMeter.grouped(1_234_567) == "1,234,567")
        #expect(ProgressMeter.grouped(999) == "999")
        #expect(ProgressMeter.grouped(1000) == "1,000")
    }

    @Test("a meter counts rows and findings and follows the stages")
    func counts() {
        let meter = ProgressMeter()
        meter.enter(.reading)
        meter.addRows(10)
        meter.addRows(5)
        meter.enter(.assessing)
        meter.addFindings(40)
        let s = meter.snapshot
        #expect(s.stage == .assessing && s.rows == 15 && s.findings == 40)
        meter.reset()
        #expect(meter.snapshot.rows == 0 && meter.snapshot.stage == .starting)
    }
}
