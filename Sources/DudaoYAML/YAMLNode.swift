/// One node of a loaded YAML document, with the mark where it starts.
///
/// Scalars stay strings: `no`, `1.0` and `2022-05-01` are not resolved to booleans, numbers
/// or dates; the caller interprets them, with `style` and `tag` telling how they were written.
/// Merge keys (`<<`) have no special meaning here: they are ordinary keys, so a rule file
/// reads exactly as it is written.
public struct YAMLNode: Sendable {
    /// The node's value; mappings keep their pairs in source order.
    public enum Content: Sendable {
        case scalar(String)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var content: Content
    /// Where the node starts. A node produced by an alias is marked at the alias, while the
    /// nodes inside it keep the marks of the anchored original.
    public var mark: Mark
    /// The scalar style; `.plain` for mappings and sequences.
    public var style: ScalarStyle
    /// The explicit tag, as libyaml resolves it (`!!str` becomes `tag:yaml.org,2002:str`).
    public var tag: String?

    public init(content: Content, mark: Mark, style: ScalarStyle = .plain, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.style = style
        self.tag = tag
    }
}

/// One key–value entry of a mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
