import DudaoYAML

/// What is wrong at one place of an exemptions file, worded in either language by `message`.
public enum ExemptionProblem: Equatable, Sendable {
    case yaml(YAMLError)
    /// The file has no `exemptions:` list.
    case notAList
    /// A list item is not a mapping.
    case notAMapping
    case unknownKey(key: String, allowed: [String], suggestion: String?)
    case missingKey(String)
    /// A key's value is empty or not text.
    case notText(key: String)
    case notADate(key: String, value: String)

    public func message(english: Bool) -> String {
        switch self {
        case .yaml(let error):
            return error.message(english: english)
        case .notAList:
            return english ? "expected exemptions: followed by a list of exemptions (rule, subject, reason, approver, expires)"
                : "应为 exemptions: 后接豁免列表（rule、subject、reason、approver、expires）"
        case .notAMapping:
            return english ? "each exemption must be a mapping (rule: …, subject: …)" : "每项豁免应为映射（rule: …, subject: …）"
        case .unknownKey(let key, let allowed, let suggestion):
            let hint = suggestion.map { english ? "; did you mean '\($0)'?" : "；是否应为“\($0)”？" } ?? ""
            return (english ? "unknown key '\(key)' (allowed: \(allowed.joined(separator: ", ")))"
                : "未知的键“\(key)”（可用：\(allowed.joined(separator: "、"))）") + hint
        case .missingKey(let key):
            return english ? "the exemption has no '\(key)'" : "豁免缺少“\(key)”"
        case .notText(let key):
            return english ? "'\(key)' must be non-empty text" : "“\(key)”应为非空文本"
        case .notADate(let key, let value):
            return english ? "'\(key)' must be a date YYYY-MM-DD, found '\(value)'" : "“\(key)”应为 YYYY-MM-DD 日期，实际为“\(value)”"
        }
    }
}
