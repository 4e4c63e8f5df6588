/// Bounds on what a document may expand to, so that a hostile or mistaken file
/// (a "billion laughs" of nested aliases, thousands of nested brackets) fails fast
/// instead of exhausting memory or time.
public struct YAMLLimits: Sendable {
    /// Total nodes in the loaded tree, counting every copy an alias makes of its anchored subtree.
    public var maxNodes: Int
    /// Mappings and sequences nested inside one another, including those an alias brings in.
    /// It also keeps recursive walks over the tree, and its deallocation, off the stack's edge.
    public var maxDepth: Int

    public init(maxNodes: Int = 1_000_000, maxDepth: Int = 200) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    public static let `default` = YAMLLimits()
}
