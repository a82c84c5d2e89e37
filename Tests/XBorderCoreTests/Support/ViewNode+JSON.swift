import Foundation
import XBorderCore

extension ViewNode {
    /// Reads a view model from JSON (fixtures and `--dump-view-model` output).
    static func fromJSON(_ data: Data) throws -> ViewNode {
        try JSONDecoder().decode(DecodedNode.self, from: data).node
    }

    /// Every key path of the tree (lists contribute the union of their elements' paths as `path[]`).
    func keyPaths(prefix: String = "") -> Set<String> {
        switch self {
        case .object(let members):
            var paths: Set<String> = []
            for (key, value) in members {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                paths.formUnion(value.keyPaths(prefix: path))
            }
            return paths
        case .list(let items):
            return items.reduce(into: Set<String>()) { $0.formUnion($1.keyPaths(prefix: prefix + "[]")) }
        default:
            return []
        }
    }

    /// Key paths of the lists that are empty (`quality.diagnostics[]`).
    func emptyListPaths(prefix: String = "") -> Set<String> {
        switch self {
        case .object(let members):
            return members.reduce(into: Set<String>()) { paths, member in
                paths.formUnion(member.value.emptyListPaths(prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)"))
            }
        case .list(let items):
            if items.isEmpty { return [prefix + "[]"] }
            return items.reduce(into: Set<String>()) { $0.formUnion($1.emptyListPaths(prefix: prefix + "[]")) }
        default:
            return []
        }
    }

    /// A copy with `key` set at the top level.
    func setting(_ key: String, _ value: ViewNode) -> ViewNode {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}

/// Decodes JSON into a `ViewNode`, telling Booleans from numbers (JSONDecoder does, unlike
/// JSONSerialization on Linux).
private struct DecodedNode: Decodable {
    let node: ViewNode

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            node = .flag(bool)
        } else if let string = try? container.decode(String.self) {
            node = .text(string)
        } else if let number = try? container.decode(Double.self) {
            node = .text(number == number.rounded() ? String(Int(number)) : String(number))
        } else if let list = try? container.decode([DecodedNode].self) {
            node = .list(list.map(\.node))
        } else if let object = try? container.decode([String: DecodedNode].self) {
            node = .object(object.mapValues(\.node))
        } else {
            node = .text("")
        }
    }
}
