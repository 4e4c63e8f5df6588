/// Assembles `YAMLNode`s from parse events: rejects non-scalar keys, rejects duplicate keys
/// (or, when asked, keeps the first and records the others), resolves aliases, and keeps the
/// tree within `YAMLLimits`.
///
/// Aliases copy the anchored node by value (arrays share storage until written), and each
/// copy adds the anchored subtree's full node count, so a "billion laughs" document fails at
/// the first alias that crosses `maxNodes`, after work proportional to its size in bytes.
struct TreeBuilder {
    /// A finished node with the sizes alias expansion needs.
    private struct Subtree {
        var node: YAMLNode
        var count: Int
        /// Collections nested in the node, itself included: 0 for a scalar.
        var height: Int
    }

    /// A mapping or sequence whose end event has not come yet.
    private struct OpenCollection {
        var isMapping: Bool
        var properties: Event.Properties
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The pending key repeats an earlier one: its value is read, then dropped.
        var dropsPendingValue = false
        var firstKeyMarks: [String: Mark] = [:]
        var count = 1
        var height = 1
    }

    private let limits: YAMLLimits
    private let keepsFirstOfDuplicateKeys: Bool
    /// Duplicate keys passed over (only when `keepsFirstOfDuplicateKeys`), in document order.
    private(set) var duplicateKeys: [YAMLError] = []
    private var open: [OpenCollection] = []
    private var anchors: [String: Subtree] = [:]
    private var nodeCount = 0
    private var documentCount = 0
    private var root: YAMLNode?

    /// With `keepsFirstOfDuplicateKeys`, a repeated key and its value are left out of the
    /// tree and recorded in `duplicateKeys`, so that one slip does not lose a whole file;
    /// otherwise the first repeated key stops the load.
    init(limits: YAMLLimits, keepsFirstOfDuplicateKeys: Bool = false) {
        self.limits = limits
        self.keepsFirstOfDuplicateKeys = keepsFirstOfDuplicateKeys
    }

    /// The loaded document, or nil when the stream held none or only an empty one.
    var document: YAMLNode? {
        guard let root else { return nil }
        if root.style == .plain, root.tag == nil, root.scalar == "" { return nil }
        return root
    }

    mutating func consume(_ event: Event) throws(YAMLError) {
        switch event {
        case .streamStart, .streamEnd, .documentEnd:
            break
        case .documentStart(let mark):
            documentCount += 1
            if documentCount > 1 { throw YAMLError(mark: mark, reason: .multipleDocuments) }
        case .scalar(let text, let style, let properties):
            try countNodes(1, at: properties.mark, reason: .nodeLimitExceeded(limit: limits.maxNodes))
            let node = YAMLNode(content: .scalar(text), mark: properties.mark, style: style, tag: properties.tag)
            try finish(Subtree(node: node, count: 1, height: 0), anchor: properties.anchor)
        case .alias(let name, let mark):
            guard var subtree = anchors[name] else {
                throw YAMLError(mark: mark, reason: .undefinedAlias(name))
            }
            if open.count + subtree.height > limits.maxDepth {
                throw YAMLError(mark: mark, reason: .depthLimitExceeded(limit: limits.maxDepth))
            }
            try countNodes(subtree.count, at: mark, reason: .aliasLimitExceeded(limit: limits.maxNodes))
            subtree.node.mark = mark
            try finish(subtree, anchor: nil)
        case .sequenceStart(let properties):
            try openCollection(isMapping: false, properties)
        case .mappingStart(let properties):
            try openCollection(isMapping: true, properties)
        case .sequenceEnd, .mappingEnd:
            // libyaml balances start and end events, so there is always a collection to close.
            guard let collection = open.popLast() else { return }
            let content: YAMLNode.Content = collection.isMapping ? .mapping(collection.pairs) : .sequence(collection.items)
            let node = YAMLNode(content: content, mark: collection.properties.mark, tag: collection.properties.tag)
            try finish(Subtree(node: node, count: collection.count, height: collection.height),
                       anchor: collection.properties.anchor)
        }
    }

    private mutating func countNodes(_ count: Int, at mark: Mark, reason: YAMLError.Reason) throws(YAMLError) {
        // Each addend is at most maxNodes (it was counted before), so the sum cannot overflow.
        nodeCount += count
        if nodeCount > limits.maxNodes { throw YAMLError(mark: mark, reason: reason) }
    }

    private mutating func openCollection(isMapping: Bool, _ properties: Event.Properties) throws(YAMLError) {
        if open.count + 1 > limits.maxDepth {
            throw YAMLError(mark: properties.mark, reason: .depthLimitExceeded(limit: limits.maxDepth))
        }
        try countNodes(1, at: properties.mark, reason: .nodeLimitExceeded(limit: limits.maxNodes))
        open.append(OpenCollection(isMapping: isMapping, properties: properties))
    }

    /// Records a completed node under its anchor and hands it to its parent.
    private mutating func finish(_ subtree: Subtree, anchor: String?) throws(YAMLError) {
        if let anchor { anchors[anchor] = subtree }
        guard !open.isEmpty else {
            root = subtree.node
            return
        }
        let last = open.count - 1
        open[last].count += subtree.count
        open[last].height = max(open[last].height, subtree.height + 1)
        guard open[last].isMapping else {
            open[last].items.append(subtree.node)
            return
        }
        if let key = open[last].pendingKey {
            if !open[last].dropsPendingValue {
                open[last].pairs.append(YAMLPair(key: key, value: subtree.node))
            }
            open[last].pendingKey = nil
            open[last].dropsPendingValue = false
            return
        }
        let key = subtree.node
        guard let text = key.scalar else { throw YAMLError(mark: key.mark, reason: .nonScalarKey) }
        if let first = open[last].firstKeyMarks[text] {
            let duplicate = YAMLError(mark: key.mark, reason: .duplicateKey(key: text, first: first))
            guard keepsFirstOfDuplicateKeys else { throw duplicate }
            duplicateKeys.append(duplicate)
            open[last].dropsPendingValue = true
        } else {
            open[last].firstKeyMarks[text] = key.mark
        }
        open[last].pendingKey = key
    }
}
