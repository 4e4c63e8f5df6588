/// The words the pack loader puts into a `PackProblem` (where in the pack, what was expected,
/// what was found) in the other language, so a diagnostic is whole in one language.
///
/// The loader names places in Chinese (`规则.severity`, `参数 report_grace_days 的默认值`) and
/// kinds and YAML node kinds in English (`rule`, `scalar`). Like gettext, the phrase in the
/// loader's language is the key: `english` turns a Chinese phrase into English, `chinese` an
/// English word into Chinese. Names from the pack fill the `{}` slots and are kept as they are
/// (quoted in English, so a Chinese name reads as a name).
/// A phrase missing here comes out unchanged; the CLI tests lint every fixture in English and
/// fail on any Chinese outside quotes.
enum PackWording {
    /// Whole phrases, and the names of `PackSchema`'s shapes.
    private static let englishTerms: [String: String] = [
        "规则文件": "rule file", "参数": "parameter", "期间": "period", "数据表": "table", "列": "column",
        "行级约束": "row check", "规则": "rule", "条件": "condition", "取值": "value source", "测试用例": "test case",
        "预期项": "expected item", "规则包": "pack", "组合条件（all/any/not）": "combined condition (all/any/not)",
        "映射（key: value）": "a mapping (key: value)", "映射（名称: 内容）": "a mapping (name: content)",
        "标量": "a scalar", "标量或列表": "a scalar or a list", "列表": "a list", "整数": "an integer",
        "起止日期期间的列表": "a list of periods with start and end dates",
        "以起止日期定义的期间": "a period defined by its start and end dates",
        "台账（有 date、没有 key 和 active 的表）上的检查": "a check on a ledger (a table with date and without key or active)",
        "date 或 active": "date or active",
        "检查对象（{field: 列, eq: {subject: key}}）": "its subject ({field: column, eq: {subject: key}})",
        "期间（{field: 列, eq: {period: label}}）": "its period ({field: column, eq: {period: label}})",
        "date 列必须是 date 类型": "the date column must be of type date",
        "office 列必须引用名册": "the office column must reference a roster",
        "within 列必须引用名册": "the within column must reference a roster",
        "consistency 的引用列必须引用名册": "the reference column of consistency must reference a roster",
        "起止日期必须是 YYYY-MM-DD": "start and end must be dates YYYY-MM-DD",
        "开始日期晚于结束日期": "the start is after the end",
        "统计": "statistic", "分组": "group key", "统计量": "measure",
        "金额或整数列": "an amount or integer column", "日期列": "a date column",
    ]

    /// Phrases with names in them, tried in order (longer patterns first where they overlap).
    private static let englishPatterns: [(zh: String, en: String)] = [
        ("参数 {} 的默认值", "the default of parameter '{}'"),
        ("统计 {} 的分组数", "the number of group keys of statistic '{}'"),
        ("统计 {} 的 {}", "statistic '{}', {}"),
        ("统计 {}", "statistic '{}'"),
        ("规则 {} 的 at_least", "at_least of rule '{}'"),
        ("规则 {} 的 grace_days", "grace_days of rule '{}'"),
        ("enum 参数 {}", "enum parameter '{}'"),
        ("参数 {}", "parameter '{}'"),
        ("期间 {} 的 each", "each of period '{}'"),
        ("期间 {}", "period '{}'"),
        ("enum 列 {}", "enum column '{}'"),
        ("列 {} 的 default", "the default of column '{}'"),
        ("列 {} 的 references", "the references of column '{}'"),
        ("列 {} 的比较值", "the value compared with column '{}'"),
        ("名册 {}", "roster '{}'"),
        ("关系表 {}", "relation table '{}'"),
        ("被引用的表 {}", "referenced table '{}'"),
        ("计数表 {}", "counted table '{}'"),
        ("记录表 {}", "record table '{}'"),
        ("表 {}", "table '{}'"),
        ("{} 规则 {}", "{} rule '{}'"),
        ("条件（field: {}）", "condition (field: '{}')"),
        ("至多 {} 列", "at most {} columns"),
        ("{} 列", "{} columns"),
        ("{} 只能用于金额、日期或整数列", "{} only applies to amount, date or integer columns"),
    ]

    /// English words of the loader, in Chinese.
    private static let chineseTerms: [String: String] = [
        "scalar": "标量", "mapping": "映射", "sequence": "序列",
        "rule": "规则", "parameter": "参数", "period": "期间", "table": "数据表", "column": "列",
        "test": "测试用例", "pack": "规则包", "subject": "检查对象", "statistic": "统计",
    ]

    /// `phrase` in English: a known phrase, a pattern with its names, or `shape.key` with the
    /// shape's name translated.
    static func english(_ phrase: String) -> String {
        if let term = englishTerms[phrase] { return term }
        for (zh, en) in englishPatterns {
            if let names = match(phrase, zh) { return fill(en, names.map(english)) }
        }
        if let dot = phrase.firstIndex(of: "."), let shape = englishTerms[String(phrase[..<dot])] {
            return shape + phrase[dot...]
        }
        return phrase
    }

    /// `word` in Chinese, or as it is when it is not a word of the loader.
    static func chinese(_ word: String) -> String {
        chineseTerms[word] ?? word
    }

    /// The texts in the `{}` slots of `pattern` if `phrase` has its shape.
    private static func match(_ phrase: String, _ pattern: String) -> [String]? {
        let literals = pattern.components(separatedBy: "{}")
        guard phrase.hasPrefix(literals[0]) else { return nil }
        var rest = phrase.dropFirst(literals[0].count)
        var names: [String] = []
        for (i, literal) in literals.enumerated().dropFirst() {
            let last = i == literals.count - 1
            if last {
                guard rest.hasSuffix(literal), rest.count > literal.count || literal.isEmpty else { return nil }
                names.append(String(rest.dropLast(literal.count)))
            } else {
                guard let range = rest.range(of: literal) else { return nil }
                names.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
        }
        return names.contains(where: \.isEmpty) ? nil : names
    }

    private static func fill(_ template: String, _ names: [String]) -> String {
        var out = ""
        for (i, literal) in template.components(separatedBy: "{}").enumerated() {
            if i > 0 { out += names[i - 1] }
            out += literal
        }
        return out
    }
}
