/// A small streaming JSON writer with deterministic output (keys in the order written, no
/// floating point), so findings.json can be produced row by row for a million flows.
/// Hand-written because Foundation's JSONEncoder must hold the whole document in memory.
package struct JSONWriter {
    /// Bytes written so far.
    package private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let indentUnit: Int

    /// Creates a writer; `indent` spaces per level (0 for compact). With `insideArray`, values
    /// are written as comma-separated elements of an array whose brackets are written elsewhere.
    package init(indent: Int = 2, insideArray: Bool = false) {
        indentUnit = indent
        if insideArray { needsComma.append(false) }
    }

    private mutating func prefix() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    /// A line break indented for the current depth (items sit one level inside their bracket).
    private mutating func newline(depth: Int? = nil) {
        let level = depth ?? (needsComma.count - 1)
        guard indentUnit > 0, level >= 0, needsComma.count > 1 || depth != nil else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indentUnit))
    }

    private mutating func key(_ name: String?) {
        prefix()
        if let name {
            Self.appendString(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if indentUnit > 0 { bytes.append(UInt8(ascii: " ")) }
        }
    }

    /// Opens an object (as a member when `name` is given).
    package mutating func beginObject(_ name: String? = nil) {
        if needsComma.count > 1 || name != nil { key(name) }
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// Closes an object.
    package mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array.
    package mutating func beginArray(_ name: String? = nil) {
        if needsComma.count > 1 || name != nil { key(name) }
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// Closes an array.
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline(depth: needsComma.count - 1) }
        bytes.append(bracket)
    }

    /// Writes a string member or element.
    package mutating func string(_ value: String, _ name: String? = nil) {
        key(name)
        Self.appendString(value, to: &bytes)
    }

    /// Writes an integer member or element.
    package mutating func int(_ value: Int, _ name: String? = nil) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a Boolean member or element.
    package mutating func bool(_ value: Bool, _ name: String? = nil) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes null.
    package mutating func null(_ name: String? = nil) {
        key(name)
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes an array of strings.
    package mutating func strings(_ values: [String], _ name: String? = nil) {
        beginArray(name)
        for value in values { string(value) }
        endArray()
    }

    /// Takes the bytes written so far (for streaming to a file).
    package mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Finishes the document with a final newline and returns everything not yet drained.
    package mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return drain()
    }

    /// Appends a JSON string literal (RFC 8259 escaping; `<`, `>`, `&` escaped as well so the
    /// JSON can be embedded anywhere; lone surrogates cannot occur in Swift strings). Runs of
    /// bytes that need no escaping are copied in bulk.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
