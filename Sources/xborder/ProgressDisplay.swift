import Foundation
import XBorderCore

/// Shows a run's progress on stderr while it runs, when stderr is a terminal: after
/// the first second, one line refreshed at most five times a second with `\r`, cleared when the
/// run ends. Nothing at all when stderr is a pipe, a file or CI's log, so redirected output and
/// the archive never hold progress bytes.
final class ProgressDisplay: @unchecked Sendable {
    /// Seconds before anything is shown (short runs show nothing); `XBORDER_PROGRESS_DELAY`
    /// overrides it (tests).
    static let delay = ProcessInfo.processInfo.environment["XBORDER_PROGRESS_DELAY"].flatMap(Double.init) ?? 1.0
    /// Seconds between refreshes.
    static let interval = 0.2

    private let meter: ProgressMeter
    private let fd: Int32
    private let start = Date()
    private let lock = NSCondition()
    private var stopped = false
    private var finished = false
    /// Width of the last line shown (0: nothing on the terminal to clear).
    private var shownWidth = 0

    /// A display for `meter` on `fd`, started; nil (nothing shown) unless `fd` is a terminal.
    static func start(meter: ProgressMeter = .shared, fd: Int32 = STDERR_FILENO) -> ProgressDisplay? {
        guard isatty(fd) == 1 else { return nil }
        let display = ProgressDisplay(meter: meter, fd: fd)
        let thread = Thread { display.loop() }
        thread.start()
        return display
    }

    private init(meter: ProgressMeter, fd: Int32) {
        self.meter = meter
        self.fd = fd
    }

    private func loop() {
        lock.lock()
        defer {
            finished = true
            lock.broadcast()
            lock.unlock()
        }
        _ = lock.wait(until: start.addingTimeInterval(Self.delay))
        while !stopped {
            let (stage, rows, findings) = meter.snapshot
            let line = ProgressMeter.line(stage: stage, rows: rows, findings: findings, seconds: -start.timeIntervalSinceNow)
            let width = line.count
            let padding = String(repeating: " ", count: max(0, shownWidth - width))
            write("\r" + line + padding)
            shownWidth = width
            _ = lock.wait(until: Date().addingTimeInterval(Self.interval))
        }
        if shownWidth > 0 { write("\r" + String(repeating: " ", count: shownWidth) + "\r") }
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// Stops the display and clears its line; returns once the terminal is clean.
    func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        while !finished { lock.wait() }
        lock.unlock()
    }
}
