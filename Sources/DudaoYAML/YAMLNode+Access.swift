extension YAMLNode {
    /// The text of a scalar node, or nil for a mapping or sequence.
    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// The pairs of a mapping node, in source order.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items of a sequence node.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under a scalar key of a mapping; nil if absent or if this is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// "scalar", "mapping" or "sequence", for messages such as "expected a mapping, found a scalar".
    public var kindName: String {
        switch content {
        case .scalar: "scalar"
        case .mapping: "mapping"
        case .sequence: "sequence"
        }
    }

    /// True for an untagged plain scalar that YAML reads as null: empty, `~`, `null`, `Null`, `NULL`.
    public var isNull: Bool {
        guard style == .plain, tag == nil, let text = scalar else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
