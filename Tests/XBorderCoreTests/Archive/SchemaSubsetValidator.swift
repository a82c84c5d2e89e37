import Foundation

@testable import XBorderCore

/// A validator for the subset of JSON Schema (draft 2020-12) that docs/findings.schema.json uses:
/// `type` (a name or a list), `properties`, `required`, `additionalProperties` (a boolean or a
/// schema), `propertyNames`, `items`, `enum`, `pattern`, `minimum`, `maximum`, `oneOf` and
/// `$ref` to `#/$defs/…`. Annotations (`$schema`, `$id`, `title`, `description`) are ignored; any
/// other keyword is reported, so the schema cannot silently rely on one this validator skips.
/// No Swift JSON Schema package is available to the project, hence this one.
struct SchemaSubsetValidator {
    typealias Value = JSONReader.Value

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "propertyNames", "items", "enum", "pattern",
        "minimum", "maximum", "oneOf", "$ref",
    ]

    let root: Value
    private var patterns: [String: NSRegularExpression] = [:]

    init(schema: [UInt8]) throws {
        root = try JSONReader.parse(schema)
    }

    /// The problems of `document`, each as `path: message` (empty when it is valid).
    mutating func validate(_ document: Value) -> [String] {
        var errors: [String] = []
        check(document, against: root, path: "$", errors: &errors)
        return errors
    }

    private static func members(_ value: Value) -> [(key: String, value: Value)]? {
        if case .object(let members) = value.kind { return members }
        return nil
    }

    private static func member(_ value: Value, _ name: String) -> Value? {
        members(value)?.first { $0.key == name }?.value
    }

    private static func string(_ value: Value) -> String? {
        if case .string(let s) = value.kind { return s }
        return nil
    }

    private static func number(_ value: Value) -> Double? {
        if case .number(let text) = value.kind { return Double(text) }
        return nil
    }

    /// The JSON type names `value` has (an integer is also a number).
    private static func types(_ value: Value) -> Set<String> {
        switch value.kind {
        case .object: ["object"]
        case .array: ["array"]
        case .string: ["string"]
        case .number(let text): text.contains(where: { ".eE".contains($0) }) ? ["number"] : ["number", "integer"]
        case .bool: ["boolean"]
        case .null: ["null"]
        }
    }

    /// Structural equality of two JSON values (for `enum`).
    private static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a.kind, b.kind) {
        case (.string(let x), .string(let y)): x == y
        case (.number(let x), .number(let y)): Double(x) == Double(y)
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            x.count == y.count && x.allSatisfy { m in y.contains { $0.key == m.key && equal($0.value, m.value) } }
        default: false
        }
    }

    private func resolve(_ ref: String) -> Value? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = Self.member(node, String(part)) else { return nil }
            node = next
        }
        return node
    }

    private mutating func matches(_ text: String, pattern: String) -> Bool? {
        if patterns[pattern] == nil { patterns[pattern] = try? NSRegularExpression(pattern: pattern) }
        guard let regex = patterns[pattern] else { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private mutating func check(_ value: Value, against schema: Value, path: String, errors: inout [String]) {
        if case .bool(let allowed) = schema.kind {
            if !allowed { errors.append("\(path): not allowed") }
            return
        }
        guard let keywords = Self.members(schema) else {
            errors.append("\(path): schema is not an object")
            return
        }
        for (key, _) in keywords where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): unsupported schema keyword '\(key)'")
        }
        if let ref = Self.member(schema, "$ref").flatMap(Self.string) {
            if let target = resolve(ref) {
                check(value, against: target, path: path, errors: &errors)
            } else {
                errors.append("\(path): unresolved $ref \(ref)")
            }
        }
        if let type = Self.member(schema, "type") {
            let allowed: [String]
            if case .array(let names) = type.kind { allowed = names.compactMap(Self.string) } else { allowed = [Self.string(type) ?? ""] }
            if Self.types(value).isDisjoint(with: allowed) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)")
                return
            }
        }
        if let options = Self.member(schema, "enum"), case .array(let list) = options.kind,
            !list.contains(where: { Self.equal($0, value) })
        {
            errors.append("\(path): not one of the allowed values")
        }
        if let pattern = Self.member(schema, "pattern").flatMap(Self.string), let text = Self.string(value) {
            switch matches(text, pattern: pattern) {
            case nil: errors.append("\(path): bad pattern \(pattern)")
            case false?: errors.append("\(path): '\(text)' does not match \(pattern)")
            case true?: break
            }
        }
        if let number = Self.number(value) {
            if let minimum = Self.member(schema, "minimum").flatMap(Self.number), number < minimum {
                errors.append("\(path): \(number) is below \(minimum)")
            }
            if let maximum = Self.member(schema, "maximum").flatMap(Self.number), number > maximum {
                errors.append("\(path): \(number) is above \(maximum)")
            }
        }
        if let options = Self.member(schema, "oneOf"), case .array(let list) = options.kind {
            var passing = 0
            for option in list {
                var sub: [String] = []
                check(value, against: option, path: path, errors: &sub)
                if sub.isEmpty { passing += 1 }
            }
            if passing != 1 { errors.append("\(path): matches \(passing) of the oneOf schemas, not exactly one") }
        }
        if case .object(let members) = value.kind {
            let properties = Self.member(schema, "properties").flatMap(Self.members) ?? []
            if let required = Self.member(schema, "required"), case .array(let names) = required.kind {
                for name in names.compactMap(Self.string) where !members.contains(where: { $0.key == name }) {
                    errors.append("\(path): missing required '\(name)'")
                }
            }
            let names = Self.member(schema, "propertyNames")
            let additional = Self.member(schema, "additionalProperties")
            for (key, member) in members {
                let memberPath = "\(path).\(key)"
                if let names {
                    check(Value(kind: .string(key), line: member.line, column: member.column), against: names, path: memberPath, errors: &errors)
                }
                if let property = properties.first(where: { $0.key == key }) {
                    check(member, against: property.value, path: memberPath, errors: &errors)
                } else if let additional {
                    check(member, against: additional, path: memberPath, errors: &errors)
                }
            }
        }
        if case .array(let elements) = value.kind, let items = Self.member(schema, "items") {
            for (i, element) in elements.enumerated() { check(element, against: items, path: "\(path)[\(i)]", errors: &errors) }
        }
    }
}
