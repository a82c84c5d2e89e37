/// A strict JSON reader (RFC 8259) for untrusted documents such as an archive's manifest.json.
///
/// Every value keeps its 1-based line and column (in bytes), so a bad field can be reported
/// where it is. Nesting depth is bounded (no stack overflow on `[[[[…`), and the things other
/// parsers quietly accept are errors: a duplicate key in an object (two parsers could read two
/// different documents), invalid UTF-8, an unpaired surrogate, a control character in a string,
/// anything after the document. Hand-written because Foundation's `JSONSerialization` reports
/// neither positions nor duplicate keys.
package struct JSONReader {
    /// A parsed value and where it starts.
    package struct Value: Sendable {
        /// What the value is.
        package var kind: Kind
        /// 1-based line.
        package var line: Int
        /// 1-based column (bytes).
        package var column: Int
    }

    /// The kinds of JSON value. Numbers keep their text; `Value.integer` reads whole numbers.
    package enum Kind: Sendable {
        case object([(key: String, value: Value)])
        case array([Value])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// Why the document is not JSON, and where.
    package struct Failure: Error, Sendable, Equatable {
        /// Lower-case fragment.
        package var message: String
        /// 1-based line.
        package var line: Int
        /// 1-based column (bytes).
        package var column: Int

        /// Creates a failure.
        package init(message: String, line: Int, column: Int) {
            self.message = message
            self.line = line
            self.column = column
        }
    }

    /// The deepest nesting of arrays and objects accepted.
    package static let maxDepth = 64

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document.
    /// - Throws: `Failure` with the position of the first problem.
    package static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
        var reader = JSONReader(bytes)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.offset < bytes.count { throw reader.failure("unexpected \(reader.describeCurrent()) after the document") }
        return value
    }

    private var column: Int { offset - lineStart + 1 }

    private func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of data" }
        let byte = bytes[offset]
        return (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> Value {
        guard offset < bytes.count else { throw failure("unexpected end of data (truncated?)") }
        let (startLine, startColumn) = (line, column)
        let kind: Kind
        switch bytes[offset] {
        case UInt8(ascii: "{"): kind = try object(depth: depth + 1)
        case UInt8(ascii: "["): kind = try array(depth: depth + 1)
        case UInt8(ascii: "\""): kind = .string(try string())
        case UInt8(ascii: "t"): kind = try literal("true", .bool(true))
        case UInt8(ascii: "f"): kind = try literal("false", .bool(false))
        case UInt8(ascii: "n"): kind = try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try number())
        default: throw failure("unexpected \(describeCurrent()), expected a value")
        }
        return Value(kind: kind, line: startLine, column: startColumn)
    }

    private mutating func literal(_ word: String, _ kind: Kind) throws(Failure) -> Kind {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure("unexpected \(describeCurrent()), expected a value")
        }
        offset += expected.count
        return kind
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("unexpected end of data (truncated?), expected \(what)") }
        guard bytes[offset] == byte else { throw failure("unexpected \(describeCurrent()), expected \(what)") }
        offset += 1
    }

    private mutating func object(depth: Int) throws(Failure) -> Kind {
        guard depth <= Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
        offset += 1
        var members: [(key: String, value: Value)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw failure(offset < bytes.count ? "unexpected \(describeCurrent()), expected a key in quotes" : "unexpected end of data (truncated?)")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            guard seen.insert(key).inserted else {
                throw Failure(message: "duplicate key \(Diagnostic.quoted(key))", line: keyLine, column: keyColumn)
            }
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            members.append((key, try value(depth: depth)))
            skipWhitespace()
            guard offset < bytes.count else { throw failure("unexpected end of data (truncated?), expected ',' or '}'") }
            if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return .object(members)
            }
            try expect(UInt8(ascii: ","), "',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> Kind {
        guard depth <= Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
        offset += 1
        var items: [Value] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard offset < bytes.count else { throw failure("unexpected end of data (truncated?), expected ',' or ']'") }
            if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return .array(items)
            }
            try expect(UInt8(ascii: ","), "',' or ']'")
        }
    }

    private mutating func number() throws(Failure) -> String {
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.offset
            while reader.offset < reader.bytes.count, (0x30...0x39).contains(reader.bytes[reader.offset]) { reader.offset += 1 }
            return reader.offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let leadingZero = offset < bytes.count && bytes[offset] == UInt8(ascii: "0")
        let whole = digits(&self)
        guard whole > 0 else { throw failure("invalid number: expected a digit") }
        guard !(leadingZero && whole > 1) else { throw failure("invalid number: leading zero") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw failure("invalid number: expected a digit after '.'") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw failure("invalid number: expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        offset += 1
        var text: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw failure("unexpected end of data (truncated?) in a string") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw failure("string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                offset += 1
                try escape(into: &text)
            case 0..<0x20:
                throw failure("control character 0x\(String(byte, radix: 16, uppercase: true)) in a string (escape it)")
            default:
                text.append(byte)
                offset += 1
            }
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws(Failure) {
        guard offset < bytes.count else { throw failure("unexpected end of data (truncated?) in a string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate in a \\u escape")
                }
                offset += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw failure("unpaired surrogate in a \\u escape")
            }
            // Valid by construction: not a surrogate, at most U+10FFFF.
            text.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            offset -= 1
            throw failure("invalid escape in a string: \(describeCurrent()) after '\\'")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw failure("unexpected end of data (truncated?) in a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw failure("invalid \\u escape: \(describeCurrent()) is not a hex digit")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}

extension JSONReader.Value {
    /// The value as a whole number that fits `Int`, or nil.
    package var integer: Int? {
        guard case .number(let text) = kind, !text.contains(where: { ".eE".contains($0) }) else { return nil }
        return Int(text)
    }

    /// What the value is, for messages (`a string`, `an array`).
    package var kindName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a Boolean"
        case .null: "null"
        }
    }
}
