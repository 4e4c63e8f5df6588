import DudaoYAML

/// One thing wrong with an exemptions file, and where. A file with several mistakes reports
/// all of them at once, as lint does for a pack.
public struct ExemptionProblem: Equatable, Sendable {
    /// The kinds of mistake an exemptions file can hold.
    public enum Reason: Equatable, Sendable {
        /// The file itself could not be read (missing, a directory or FIFO, too large).
        case file(FileProblem)
        case yaml(YAMLError)
        /// The document is not `exemptions:` followed by a list.
        case notAList
        /// A list item is not a mapping.
        case notAMapping
        case unknownKey(key: String, suggestion: String?)
        case missingKey(key: String)
        /// A value that must be non-empty text is empty, a list or a mapping.
        case notText(key: String)
        case invalidDate(key: String, value: String)
    }

    public var file: String
    /// 1-based position; nil for a problem with the whole file.
    public var line: Int?
    public var column: Int?
    public var reason: Reason

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    init(at mark: Mark, _ reason: Reason) {
        self.init(file: mark.file, line: mark.line, column: mark.column, reason: reason)
    }

    /// `file:line:column: message`, or `file: message` for the whole file.
    public func rendered(english: Bool) -> String {
        let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return "\(place): \(message(english: english))"
    }

    public func message(english: Bool) -> String {
        let keys = Exemption.keys
        switch reason {
        case .file(let problem):
            return english ? "exemptions file: \(problem.message(english: true))" : "豁免清单：\(problem.message(english: false))"
        case .yaml(let error):
            return error.message(english: english)
        case .notAList:
            return english ? "expected exemptions: followed by a list of exemptions (\(keys.joined(separator: ", ")))"
                : "应为 exemptions: 后接豁免列表（\(keys.joined(separator: "、"))）"
        case .notAMapping:
            return english ? "each exemption must be a mapping (rule: …, subject: …)" : "每项豁免应为映射（rule: …, subject: …）"
        case .unknownKey(let key, let suggestion):
            let hint = suggestion.map { english ? "; did you mean '\($0)'?" : "；是否应为“\($0)”？" } ?? ""
            return (english ? "unknown key '\(key)' (known: \(keys.joined(separator: ", ")))"
                : "未知的键“\(key)”（可用：\(keys.joined(separator: "、"))）") + hint
        case .missingKey(let key):
            return english ? "the exemption has no '\(key)'" : "豁免缺少“\(key)”"
        case .notText(let key):
            return english ? "'\(key)' must be non-empty text" : "“\(key)”应为非空文本"
        case .invalidDate(let key, let value):
            return english ? "'\(key)' must be a YYYY-MM-DD date, not '\(value)'" : "“\(key)”应为 YYYY-MM-DD 日期，实际为“\(value)”"
        }
    }
}
