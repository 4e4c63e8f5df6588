import DudaoYAML

/// A problem in a rule pack, at a place in one of its files.
public struct Diagnostic: Error, Equatable, Sendable, Comparable {
    public enum Level: String, Sendable {
        case error, warning
    }

    public var level: Level
    public var mark: Mark
    public var problem: PackProblem

    public init(_ level: Level = .error, at mark: Mark, _ problem: PackProblem) {
        self.level = level
        self.mark = mark
        self.problem = problem
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.mark.file, a.mark.line, a.mark.column, a.problem.code) < (b.mark.file, b.mark.line, b.mark.column, b.problem.code)
    }

    /// `path:line:column: error: [code] message`
    public func rendered(english: Bool = false) -> String {
        "\(mark.file):\(mark.line):\(mark.column): \(level.rawValue): [\(problem.code)] \(problem.message(english: english))"
    }
}

/// Everything that can be wrong with a rule pack.
public enum PackProblem: Equatable, Sendable {
    case yaml(YAMLError)
    case notUTF8
    case unreadable(path: String)
    /// A pack file that is not a regular file or is too large to be one.
    case file(path: String, problem: FileProblem)
    case emptyPack(path: String)
    case unknownKey(key: String, context: String, suggestion: String?)
    /// A key the pack knows, one level from where it belongs (code `unknown-key`, as the
    /// loader ignores it there).
    case misplacedKey(key: String, context: String, place: KeyPlace)
    case missingKey(key: String, context: String)
    case wrongType(context: String, expected: String, found: String)
    case invalidValue(context: String, value: String, expected: [String], suggestion: String?)
    case invalidDate(value: String)
    case exclusiveKeys(context: String, keys: [String])
    case duplicateName(kind: String, name: String, first: Mark)
    case undeclared(kind: String, name: String, suggestion: String?)
    case valueNotInEnum(column: String, value: String, suggestion: String?)
    case templateField(field: String, suggestion: String?)
    case missingBinding(rule: String, what: String)
    case notAnEntityTable(table: String)
    case incompatibleComparison(field: String, detail: String)
    case periodOutsideProgram(period: String)
    case missingClause(rule: String)
    /// English reports of the rule use a generated sentence.
    case missingEnglishMessage(rule: String)
    /// The rule has `message_en` and a `remedy` but no `remedy_en`: English reports show the Chinese remedy.
    case missingEnglishRemedy(rule: String)
    /// A number or date the pack writes is outside what the engine accepts (`PackLimits`).
    case outOfRange(context: String, value: String, lowest: String, highest: String)
    case quoteNotInSource(rule: String)
    case missingTests(rule: String)
    case planSentenceUnmapped(text: String)
    case planNoteUnmatched(text: String)
    /// A file the pack names leads out of its folder (the data folder for a table's file, the
    /// pack folder for the plan's text): an absolute path or one with a `..` step.
    case outsideFolder(path: String, packFolder: Bool)

    /// Stable code for tests, lint output and SARIF.
    public var code: String {
        switch self {
        case .yaml(let e):
            switch e.reason {
            case .duplicateKey: "duplicate-key"
            case .aliasLimitExceeded: "alias-limit"
            case .invalidEncoding: "encoding"
            default: "yaml-syntax"
            }
        case .notUTF8: "encoding"
        case .unreadable, .file: "unreadable"
        case .emptyPack: "empty-pack"
        case .unknownKey, .misplacedKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongType: "wrong-type"
        case .invalidValue: "invalid-value"
        case .invalidDate: "invalid-date"
        case .exclusiveKeys: "exclusive-keys"
        case .duplicateName(let kind, _, _): "duplicate-\(kind)"
        case .undeclared(let kind, _, _): "undeclared-\(kind)"
        case .valueNotInEnum: "enum-value"
        case .templateField: "template-field"
        case .missingBinding: "missing-binding"
        case .notAnEntityTable: "not-a-roster"
        case .incompatibleComparison: "incompatible-comparison"
        case .periodOutsideProgram: "period-outside-program"
        case .missingClause: "missing-clause"
        case .missingEnglishMessage: "missing-message-en"
        case .missingEnglishRemedy: "missing-remedy-en"
        case .outOfRange: "out-of-range"
        case .outsideFolder: "outside-folder"
        case .quoteNotInSource: "quote-not-in-source"
        case .missingTests: "missing-tests"
        case .planSentenceUnmapped: "plan-unmapped"
        case .planNoteUnmatched: "plan-note-unmatched"
        }
    }

    /// The message, whole in one language: the loader's words are put in the language asked
    /// for (`PackWording`); names from the pack stay as they are.
    public func message(english: Bool) -> String {
        func hint(_ s: String?) -> String {
            guard let s else { return "" }
            return english ? "; did you mean '\(s)'?" : "；是否应为“\(s)”？"
        }
        func en(_ phrase: String) -> String { PackWording.english(phrase) }
        func zh(_ word: String) -> String { PackWording.chinese(word) }
        switch self {
        case .yaml(let e):
            return e.message(english: english)
        case .notUTF8:
            return english ? "rule files must be UTF-8" : "规则文件必须是 UTF-8 编码"
        case .unreadable(let path):
            return english ? "cannot read \(path)" : "无法读取 \(path)"
        case .file(let path, let problem):
            return english ? "cannot read \(path): \(problem.message(english: true))"
                : "无法读取 \(path)：\(problem.message(english: false))"
        case .outsideFolder(let path, let packFolder):
            return packFolder
                ? (english ? "'\(path)' leads out of the pack folder; a pack reads only files inside it"
                    : "“\(path)”指向规则包文件夹之外；规则包只读取其文件夹内的文件")
                : (english ? "'\(path)' leads out of the data folder; a table's file must be inside it"
                    : "“\(path)”指向数据文件夹之外；表格文件须在数据文件夹内")
        case .emptyPack(let path):
            return english ? "no *.yaml rule files under \(path)" : "\(path) 下没有 *.yaml 规则文件"
        case .unknownKey(let key, let context, let s):
            return (english ? "unknown key '\(key)' in \(en(context))" : "\(context)中有未知的键“\(key)”") + hint(s)
        case .misplacedKey(let key, let context, let place):
            let unknown = english ? "unknown key '\(key)' in \(en(context))" : "\(context)中有未知的键“\(key)”"
            switch place {
            case .up(let into, let beside):
                return unknown + (english ? "; '\(key)' belongs one level up, in the \(en(into)) beside '\(beside)'"
                    : "；\(key) 应上移一级，放在\(into)下、与 \(beside) 并列")
            case .under(let holder):
                return unknown + (english ? "; '\(key)' belongs under '\(holder)'" : "；\(key) 应放在 \(holder) 下")
            }
        case .missingKey(let key, let context):
            return english ? "\(en(context)) needs the key '\(en(key))'" : "\(context)缺少必填的键“\(key)”"
        case .outOfRange(let context, let value, let lowest, let highest):
            return english ? "\(en(context)) must be within \(lowest)…\(highest), found '\(value)'"
                : "\(context)应在 \(lowest)…\(highest) 之间，实际为“\(value)”"
        case .wrongType(let context, let expected, let found):
            return english ? "\(en(context)) must be \(en(expected)), found \(en(found))" : "\(context)应为\(zh(expected))，实际为\(zh(found))"
        case .invalidValue(let context, let value, let expected, let s):
            let list = expected.joined(separator: english ? ", " : "、")
            return (english ? "'\(value)' is not valid for \(en(context)) (expected one of: \(list))"
                : "“\(value)”不是\(context)的有效取值（应为：\(list)）") + hint(s)
        case .invalidDate(let value):
            return english ? "'\(value)' is not a date YYYY-MM-DD" : "“\(value)”不是 YYYY-MM-DD 格式的日期"
        case .exclusiveKeys(let context, let keys):
            let list = keys.joined(separator: english ? ", " : "、")
            return english ? "\(en(context)) needs exactly one of: \(list)" : "\(context)必须且只能有以下键之一：\(list)"
        case .duplicateName(let kind, let name, let first):
            return english ? "duplicate \(kind) '\(name)' (first at \(first))" : "重复的\(zh(kind))“\(name)”（首次出现在 \(first)）"
        case .undeclared(let kind, let name, let s):
            return (english ? "undeclared \(kind) '\(name)'" : "未声明的\(zh(kind))“\(name)”") + hint(s)
        case .valueNotInEnum(let column, let value, let s):
            return (english ? "'\(value)' is not a declared value of column '\(column)'" : "“\(value)”不是列“\(column)”声明的取值") + hint(s)
        case .templateField(let field, let s):
            return (english ? "the message names '{\(field)}', which does not exist here" : "消息模板中的“{\(field)}”在此不存在") + hint(s)
        case .missingBinding(let rule, let what):
            return english ? "rule \(rule): the condition must tie each row to \(en(what))"
                : "规则 \(rule)：条件必须把每一行对应到\(what)"
        case .notAnEntityTable(let table):
            return english ? "table \(table) is not a roster (it has no entity and key)" : "表 \(table) 不是名册（没有 entity 和 key）"
        case .incompatibleComparison(let field, let detail):
            return english ? "cannot compare column '\(field)': \(en(detail))" : "无法比较列“\(field)”：\(detail)"
        case .periodOutsideProgram(let period):
            return english ? "period \(period) lies outside the program calendar" : "期间 \(period) 超出活动日程"
        case .missingClause(let rule):
            return english ? "rule \(rule) names no clause of the source plan" : "规则 \(rule) 未注明来源条款（clause）"
        case .missingEnglishMessage(let rule):
            return english ? "rule \(rule) has no message_en: English reports use a generated sentence"
                : "规则 \(rule) 没有 message_en：英文报告将使用自动生成的句子"
        case .missingEnglishRemedy(let rule):
            return english ? "rule \(rule) has message_en but no remedy_en: English reports show the Chinese remedy"
                : "规则 \(rule) 有 message_en 却没有 remedy_en：英文报告将显示中文的整改办法"
        case .quoteNotInSource(let rule):
            return english ? "the quote of rule \(rule) is not in the source plan the pack carries"
                : "规则 \(rule) 的 quote 在规则包所附的来源文件中找不到"
        case .missingTests(let rule):
            return english ? "rule \(rule) has no test cases" : "规则 \(rule) 没有测试用例"
        case .planSentenceUnmapped(let text):
            return english ? "no rule checks this duty of the plan and no reason is given (plan.unchecked): \(text)"
                : "方案中的这项要求既没有规则检查，也没有说明原因（plan.unchecked）：\(text)"
        case .planNoteUnmatched(let text):
            return english ? "'\(text)' is in no duty sentence of the plan" : "“\(text)”不在方案任何一句工作要求中"
        }
    }
}

/// Where a misplaced key belongs.
public enum KeyPlace: Equatable, Sendable {
    /// In the mapping (`into`, a shape's name) that holds this one under the key `beside`.
    case up(into: String, beside: String)
    /// In the mapping under the key `holder` of this one.
    case under(String)
}

/// The best match for a misspelt name, by edit distance (none when nothing is close).
public func suggestion(for word: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    let w = Array(word)
    for c in candidates {
        let d = editDistance(w, Array(c))
        let limit = max(1, min(w.count, c.count) / 2)
        if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
