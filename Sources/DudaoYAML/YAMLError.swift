/// Why a YAML file could not be loaded, and where.
///
/// Tests compare the `reason` case; the wording lives only in `description` (English)
/// and `chineseDescription`, one switch each.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var mark: Mark
    public var reason: Reason

    /// The kinds of problem the loader reports.
    public enum Reason: Equatable, Sendable {
        /// libyaml rejected the text; `problem` and `context` are libyaml's own words (in
        /// English; the messages explain them with `LibYAMLWording`); `line` is the text of the
        /// line that failed, so the message shows the slip without opening the file.
        case syntax(problem: String, context: String?, line: String?)
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

    /// How much of the failing line a message quotes.
    public static let shownLineLength = 120

    public init(mark: Mark, reason: Reason) {
        self.mark = mark
        self.reason = reason
    }

    /// `file:line:column: message` in English.
    public var description: String { "\(mark): \(message(english: true))" }

    /// `file:line:column: message` in Chinese.
    public var chineseDescription: String { "\(mark): \(message(english: false))" }

    /// The message without its position, in English or Chinese (one switch, both languages).
    public func message(english: Bool) -> String {
        switch reason {
        case .syntax(let problem, let context, let line):
            english ? "YAML syntax error: \(problem)" + (context.map { " (\($0))" } ?? "")
                + (LibYAMLWording.englishHint(problem).map { " — \($0)" } ?? "") + (line.map { "; the line: “\($0)”" } ?? "")
                : "YAML 语法错误：\(LibYAMLWording.chinese(problem))" + (context.map { "（\(LibYAMLWording.chinese($0))）" } ?? "")
                + (line.map { "；出错的行：“\($0)”" } ?? "")
        case .duplicateKey(let key, let first):
            english ? "duplicate key “\(key)” (first defined at \(first))" : "重复的键“\(key)”（首次出现在 \(first)）"
        case .aliasLimitExceeded(let limit):
            english ? "aliases expand the document beyond \(limit) nodes" : "别名展开后节点数超过上限 \(limit)"
        case .nodeLimitExceeded(let limit):
            english ? "the document has more than \(limit) nodes" : "文档节点数超过上限 \(limit)"
        case .depthLimitExceeded(let limit):
            english ? "mappings and sequences nest deeper than \(limit) levels" : "映射和序列的嵌套层数超过上限 \(limit)"
        case .nonScalarKey:
            english ? "a mapping key must be a scalar, not a mapping or sequence" : "映射的键必须是标量，不能是映射或序列"
        case .multipleDocuments:
            english ? "a second YAML document; a file must contain exactly one" : "出现第二个 YAML 文档；每个文件只能包含一个文档"
        case .undefinedAlias(let name):
            english ? "alias “*\(name)” refers to no anchor defined before it" : "别名“*\(name)”引用的锚点未在此前定义"
        case .invalidEncoding:
            english ? "the file is not valid UTF-8" : "文件不是有效的 UTF-8 编码"
        case .outOfMemory:
            english ? "out of memory while parsing YAML" : "解析 YAML 时内存不足"
        }
    }
}
