/// Why a YAML file could not be loaded, and where.
///
/// Tests compare the `reason` case; the wording lives only in `description` (English)
/// and `chineseDescription`, one switch each.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var mark: Mark
    public var reason: Reason

    /// The kinds of problem the loader reports.
    public enum Reason: Equatable, Sendable {
        /// libyaml rejected the text; `problem` and `context` are libyaml's own words.
        case syntax(problem: String, context: String?)
        /// The same scalar key appears twice in one mapping; the error's mark is the second one.
        case duplicateKey(key: String, first: Mark)
        /// Aliases would expand the document beyond `YAMLLimits.maxNodes`.
        case aliasLimitExceeded(limit: Int)
        /// The document itself, without aliases, has more than `YAMLLimits.maxNodes` nodes.
        case nodeLimitExceeded(limit: Int)
        /// Collections nest deeper than `YAMLLimits.maxDepth`.
        case depthLimitExceeded(limit: Int)
        /// A mapping key is a mapping or a sequence.
        case nonScalarKey
        /// The stream holds a second document; each file must hold exactly one.
        case multipleDocuments
        /// An alias names an anchor not defined before it.
        case undefinedAlias(String)
        /// The bytes are not valid UTF-8.
        case invalidEncoding
        /// libyaml could not allocate memory.
        case outOfMemory
    }

    public init(mark: Mark, reason: Reason) {
        self.mark = mark
        self.reason = reason
    }

    /// `file:line:column: message` in English.
    public var description: String { "\(mark): \(englishMessage)" }

    /// `file:line:column: message` in Chinese.
    public var chineseDescription: String { "\(mark): \(chineseMessage)" }

    /// The message without its position, in English.
    public var englishMessage: String {
        let message: String
        switch reason {
        case .syntax(let problem, let context):
            message = "YAML syntax error: \(problem)" + (context.map { " (\($0))" } ?? "")
        case .duplicateKey(let key, let first):
            message = "duplicate key “\(key)” (first defined at \(first))"
        case .aliasLimitExceeded(let limit):
            message = "aliases expand the document beyond \(limit) nodes"
        case .nodeLimitExceeded(let limit):
            message = "the document has more than \(limit) nodes"
        case .depthLimitExceeded(let limit):
            message = "mappings and sequences nest deeper than \(limit) levels"
        case .nonScalarKey:
            message = "a mapping key must be a scalar, not a mapping or sequence"
        case .multipleDocuments:
            message = "a second YAML document; a file must contain exactly one"
        case .undefinedAlias(let name):
            message = "alias “*\(name)” refers to no anchor defined before it"
        case .invalidEncoding:
            message = "the file is not valid UTF-8"
        case .outOfMemory:
            message = "out of memory while parsing YAML"
        }
        return message
    }

    /// The message without its position, in Chinese.
    public var chineseMessage: String {
        let message: String
        switch reason {
        case .syntax(let problem, let context):
            message = "YAML 语法错误：\(problem)" + (context.map { "（\($0)）" } ?? "")
        case .duplicateKey(let key, let first):
            message = "重复的键“\(key)”（首次出现在 \(first)）"
        case .aliasLimitExceeded(let limit):
            message = "别名展开后节点数超过上限 \(limit)"
        case .nodeLimitExceeded(let limit):
            message = "文档节点数超过上限 \(limit)"
        case .depthLimitExceeded(let limit):
            message = "映射和序列的嵌套层数超过上限 \(limit)"
        case .nonScalarKey:
            message = "映射的键必须是标量，不能是映射或序列"
        case .multipleDocuments:
            message = "出现第二个 YAML 文档；每个文件只能包含一个文档"
        case .undefinedAlias(let name):
            message = "别名“*\(name)”引用的锚点未在此前定义"
        case .invalidEncoding:
            message = "文件不是有效的 UTF-8 编码"
        case .outOfMemory:
            message = "解析 YAML 时内存不足"
        }
        return message
    }
}
