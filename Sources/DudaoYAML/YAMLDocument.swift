/// A loaded YAML document with the duplicate keys that were left out of it.
public struct YAMLDocument: Sendable {
    /// The root node, or nil for an empty stream or an empty document.
    public var root: YAMLNode?
    /// Every repeated key in document order, each a `.duplicateKey` error at the repeat.
    public var duplicateKeys: [YAMLError]

    public init(root: YAMLNode?, duplicateKeys: [YAMLError]) {
        self.root = root
        self.duplicateKeys = duplicateKeys
    }
}
