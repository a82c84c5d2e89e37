import Foundation
import Synchronization

/// The rejected rows that `RejectedRows` does not keep in memory, written as they are decoded to
/// a temporary file that is unlinked at once (nothing is left behind, even after a crash) and
/// read back in the same order when rejected.csv is written. Ten million garbage rows then cost
/// disk, not memory, and are decoded once, not twice.
///
/// A row is a run of length-prefixed fields (`Record`). Writes are buffered a megabyte at a time;
/// if one fails (a full disk) the buffer stays in memory and `append` refuses later rows, which
/// `RejectedRows` then keeps itself: no row is lost either way.
package final class RejectedSpill: Sendable {
    private let descriptor: Int32
    private let state = Mutex(State())

    private struct State {
        /// Encoded rows not written yet.
        var buffer: [UInt8] = []
        /// Bytes in the file.
        var written = 0
        /// Rows appended.
        var count = 0
        /// True once a write has failed: the buffer then holds every row not in the file.
        var failed = false
    }

    private static let flushSize = 1 << 20

    /// Creates the file in the temporary folder (`TMPDIR`); nil when it cannot be created.
    package init?() {
        var path = Array(FileSystem.join(FileManager.default.temporaryDirectory.path, "xborder-rejected-XXXXXX").utf8CString)
        let fd = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        _ = path.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Rows appended.
    package var count: Int { state.withLock { $0.count } }

    /// Appends a row; false (the row not taken) once a write has failed.
    package func append(_ row: Inventory.RejectedRow) -> Bool {
        state.withLock { state in
            guard !state.failed else { return false }
            Record.encode(row, to: &state.buffer)
            state.count += 1
            if state.buffer.count >= Self.flushSize { flush(&state) }
            return true
        }
    }

    /// Writes the rows still buffered.
    package func finish() {
        state.withLock { state in if !state.failed { flush(&state) } }
    }

    private func flush(_ state: inout State) {
        let done = state.buffer.withUnsafeBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = pwrite(descriptor, raw.baseAddress! + offset, raw.count - offset, off_t(state.written + offset))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
            return offset
        }
        state.written += done
        state.buffer.removeFirst(done)
        if !state.buffer.isEmpty { state.failed = true }
    }

    /// Calls `body` with every row in the order appended.
    /// - Throws: `body`'s error, or a failure naming `path` if the file cannot be read back.
    package func forEach(
        path: String, _ body: (Inventory.RejectedRow) throws(FileSystem.Failure) -> Void
    ) throws(FileSystem.Failure) {
        let (written, tail) = state.withLock { ($0.written, $0.buffer) }
        var pending: [UInt8] = []
        var offset = 0
        var block = [UInt8](repeating: 0, count: Self.flushSize)
        while offset < written {
            let n = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, min($0.count, written - offset), off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw FileSystem.Failure(path: path, reason: "rejected rows cannot be read back from the temporary file")
            }
            offset += n
            pending.append(contentsOf: block[..<n])
            try Self.decodeAll(&pending, path: path, body)
        }
        pending.append(contentsOf: tail)
        try Self.decodeAll(&pending, path: path, body)
        guard pending.isEmpty else {
            throw FileSystem.Failure(path: path, reason: "the temporary file of rejected rows ends in the middle of a row")
        }
    }

    /// Decodes the whole rows at the start of `bytes`, leaving a partial row in it.
    private static func decodeAll(
        _ bytes: inout [UInt8], path: String, _ body: (Inventory.RejectedRow) throws(FileSystem.Failure) -> Void
    ) throws(FileSystem.Failure) {
        var start = 0
        while case let (row, end)? = Record.decode(bytes, from: start) {
            guard let row else { throw FileSystem.Failure(path: path, reason: "the temporary file of rejected rows is damaged") }
            try body(row)
            start = end
        }
        bytes.removeFirst(start)
    }

    /// One row's bytes: a 4-byte length, then the file, sheet (`\u{0}` prefix when present),
    /// line, flow ID, codes (`\n`-joined) and reason, each as a 4-byte length and UTF-8.
    enum Record {
        static func encode(_ row: Inventory.RejectedRow, to bytes: inout [UInt8]) {
            let fields = [
                row.location.file, row.location.sheet.map { "\u{0}" + $0 } ?? "", String(row.location.line), row.flowID,
                row.codes.joined(separator: "\n"), row.reason,
            ]
            let size = fields.reduce(0) { $0 + 4 + $1.utf8.count }
            appendLength(size, to: &bytes)
            for field in fields {
                appendLength(field.utf8.count, to: &bytes)
                bytes.append(contentsOf: field.utf8)
            }
        }

        /// The row at `start` and where the next begins; nil when the row is not all there, a
        /// nil row when its bytes make no sense.
        static func decode(_ bytes: [UInt8], from start: Int) -> (Inventory.RejectedRow?, Int)? {
            guard let size = length(bytes, at: start), start + 4 + size <= bytes.count else { return nil }
            let end = start + 4 + size
            var fields: [String] = []
            fields.reserveCapacity(6)
            var at = start + 4
            while at < end {
                guard let n = length(bytes, at: at), at + 4 + n <= end else { return (nil, end) }
                fields.append(bytes.withUnsafeBufferPointer { String(decoding: $0[(at + 4)..<(at + 4 + n)], as: UTF8.self) })
                at += 4 + n
            }
            guard fields.count == 6, let line = Int(fields[2]) else { return (nil, end) }
            let sheet = fields[1].isEmpty ? nil : String(fields[1].utf8.dropFirst())
            let codes = fields[4].isEmpty ? [] : fields[4].utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String($0)! }
            let row = Inventory.RejectedRow(
                location: SourceLocation(file: fields[0], line: line, sheet: sheet), flowID: fields[3], codes: codes,
                reason: fields[5])
            return (row, end)
        }

        private static func appendLength(_ n: Int, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: UInt32(n).littleEndian) { bytes.append(contentsOf: $0) }
        }

        private static func length(_ bytes: [UInt8], at i: Int) -> Int? {
            guard i + 4 <= bytes.count else { return nil }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
    }
}
