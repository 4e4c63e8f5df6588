import DudaoYAML

/// Reads YAML nodes against the declared shapes of `PackSchema`, collecting every problem
/// instead of stopping at the first.
final class PackReader {
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each mapping read so far sits: the shape of the mapping holding it and the key it
    /// is under, so a key one level too deep can be told where it belongs.
    private var parents: [Mark: (shape: ObjectShape, key: String)] = [:]

    func report(_ mark: Mark, _ problem: PackProblem, _ level: Diagnostic.Level = .error) {
        diagnostics.append(Diagnostic(level, at: mark, problem))
    }

    /// The keys of a mapping, after checking them against the shape; nil when the node is not a mapping.
    func fields(_ node: YAMLNode, _ shape: ObjectShape) -> Fields? {
        guard let pairs = node.mapping else {
            report(node.mark, .wrongType(context: shape.name, expected: "映射（key: value）", found: node.kindName))
            return nil
        }
        let allowed = shape.fields.map(\.key)
        var present: [String: YAMLNode] = [:]
        var keyMarks: [String: Mark] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            if shape.field(key) == nil { continue }
            present[key] = pair.value
            keyMarks[key] = pair.key.mark
            for child in [pair.value] + (pair.value.sequence ?? []) where child.mapping != nil {
                parents[child.mark] = (shape, key)
            }
        }
        for pair in pairs {
            guard let key = pair.key.scalar, shape.field(key) == nil else { continue }
            report(pair.key.mark, placement(of: key, in: node, shape, present: present)
                ?? .unknownKey(key: key, context: shape.name, suggestion: suggestion(for: key, among: allowed)))
        }
        for f in shape.fields where f.required && present[f.key] == nil {
            report(node.mark, .missingKey(key: f.key, context: shape.name))
        }
        for group in shape.exactlyOne {
            let found = group.filter { present[$0] != nil }
            if found.count != 1 {
                let mark = found.dropFirst().first.flatMap { keyMarks[$0] } ?? node.mark
                report(mark, .exclusiveKeys(context: shape.name, keys: group))
            }
        }
        return Fields(node: node, shape: shape, values: present, keyMarks: keyMarks, reader: self)
    }

    /// A known key at the wrong level: one level too deep (the mapping holding this one takes
    /// it) or one too shallow (a mapping this one holds takes it, preferring one present that
    /// lacks the key).
    private func placement(of key: String, in node: YAMLNode, _ shape: ObjectShape,
                           present: [String: YAMLNode]) -> PackProblem? {
        if let parent = parents[node.mark], parent.shape.field(key) != nil {
            return .misplacedKey(key: key, context: shape.name, place: .up(into: parent.shape.name, beside: parent.key))
        }
        let holders = shape.fields.filter { Self.objectShape($0.type)?.field(key) != nil }.map(\.key)
        let lacking = holders.filter { present[$0]?.mapping != nil && present[$0]?[key] == nil }
        guard let holder = lacking.first ?? (holders.count == 1 ? holders.first : nil) else { return nil }
        return .misplacedKey(key: key, context: shape.name, place: .under(holder))
    }

    /// The mapping shape a value of `type` has, when it has one.
    private static func objectShape(_ type: ValueShape) -> ObjectShape? {
        switch type {
        case .object(let shape), .scalarOr(let shape): shape
        case .list(let inner), .oneOrMany(let inner): objectShape(inner)
        default: nil
        }
    }

    /// Entries of a `map` section (free names to values), in file order.
    func entries(_ node: YAMLNode, context: String) -> [(name: String, mark: Mark, value: YAMLNode)] {
        guard let pairs = node.mapping else {
            report(node.mark, .wrongType(context: context, expected: "映射（名称: 内容）", found: node.kindName))
            return []
        }
        return pairs.compactMap { p in p.key.scalar.map { ($0, p.key.mark, p.value) } }
    }

    func scalar(_ node: YAMLNode, context: String) -> String? {
        if let s = node.scalar { return s }
        report(node.mark, .wrongType(context: context, expected: "标量", found: node.kindName))
        return nil
    }

    /// A scalar or a list of scalars.
    func scalars(_ node: YAMLNode, context: String) -> [(String, Mark)]? {
        if let s = node.scalar { return [(s, node.mark)] }
        guard let items = node.sequence else {
            report(node.mark, .wrongType(context: context, expected: "标量或列表", found: node.kindName))
            return nil
        }
        var out: [(String, Mark)] = []
        for item in items {
            if let s = scalar(item, context: context) { out.append((s, item.mark)) }
        }
        return out
    }

    func list(_ node: YAMLNode, context: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        report(node.mark, .wrongType(context: context, expected: "列表", found: node.kindName))
        return nil
    }
}

/// The checked keys of one mapping, with typed accessors that report wrong types.
struct Fields {
    let node: YAMLNode
    let shape: ObjectShape
    let values: [String: YAMLNode]
    let keyMarks: [String: Mark]
    let reader: PackReader

    subscript(key: String) -> YAMLNode? {
        precondition(shape.field(key) != nil, "\(key) is not declared in \(shape.name)")
        return values[key]
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    func mark(_ key: String) -> Mark { values[key]?.mark ?? node.mark }

    private func context(_ key: String) -> String { "\(shape.name).\(key)" }

    func string(_ key: String) -> String? {
        guard let n = self[key] else { return nil }
        return reader.scalar(n, context: context(key))
    }

    func strings(_ key: String) -> [(String, Mark)]? {
        guard let n = self[key] else { return nil }
        return reader.scalars(n, context: context(key))
    }

    func integer(_ key: String) -> Int? {
        guard let n = self[key], let s = reader.scalar(n, context: context(key)) else { return nil }
        guard let v = Int(s) else {
            reader.report(n.mark, .wrongType(context: context(key), expected: "整数", found: "“\(s)”"))
            return nil
        }
        return v
    }

    func boolean(_ key: String) -> Bool? {
        guard let n = self[key], let s = reader.scalar(n, context: context(key)) else { return nil }
        switch s {
        case "true": return true
        case "false": return false
        default:
            reader.report(n.mark, .invalidValue(context: context(key), value: s, expected: ["true", "false"],
                                                suggestion: suggestion(for: s, among: ["true", "false"])))
            return nil
        }
    }

    /// A scalar that must be one of the values the shape declares for this key.
    func choice(_ key: String) -> String? {
        guard let s = string(key), let n = self[key] else { return nil }
        guard case .choice(let allowed)? = shape.field(key)?.type else { return s }
        if allowed.contains(s) { return s }
        reader.report(n.mark, .invalidValue(context: context(key), value: s, expected: allowed,
                                            suggestion: suggestion(for: s, among: allowed)))
        return nil
    }

    func list(_ key: String) -> [YAMLNode]? {
        guard let n = self[key] else { return nil }
        return reader.list(n, context: context(key))
    }
}
