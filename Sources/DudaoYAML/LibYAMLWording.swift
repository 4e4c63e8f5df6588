/// libyaml's problem and context messages in Chinese, so a syntax error in a Chinese report is
/// not left in libyaml's English. A message missing here is shown in libyaml's words.
enum LibYAMLWording {
    private static let chinese: [String: String] = [
        // Problems (scanner and parser).
        "did not find expected key": "没有找到预期的键（多半是缩进不一致）",
        "mapping values are not allowed in this context": "此处不能出现“键: 值”（多半是缩进不对，或值里有未加引号的冒号）",
        "found character that cannot start any token": "出现了不能开始任何内容的字符（例如用 Tab 缩进，或以 @、` 开头的值未加引号）",
        "found unexpected end of stream": "文件意外结束（可能缺少右引号或右括号）",
        "did not find expected ',' or ']'": "没有找到预期的“,”或“]”",
        "did not find expected ',' or '}'": "没有找到预期的“,”或“}”",
        "did not find expected '-' indicator": "没有找到预期的列表项“-”（多半是缩进不一致）",
        "did not find expected node content": "没有找到预期的内容",
        "did not find expected comment or line break": "没有找到预期的注释或换行",
        "did not find expected <document start>": "没有找到预期的文档开始",
        "found a tab character that violates indentation": "缩进里有 Tab 字符；YAML 只能用空格缩进",
        "found a tab character where an indentation space is expected": "应为缩进空格的位置出现了 Tab 字符",
        "could not find expected ':'": "没有找到预期的“:”",
        "found unexpected ':'": "出现了意外的“:”",
        "block sequence entries are not allowed in this context": "此处不能出现列表项“-”（多半是缩进不对）",
        "found unknown escape character": "出现了未知的转义字符",
        "found unexpected document indicator": "出现了意外的文档标记",
        "found undefined tag handle": "出现了未定义的标签",
        "found incompatible YAML document": "不兼容的 YAML 文档版本",
        "found duplicate %YAML directive": "重复的 %YAML 指令",
        "found character that cannot start any token while scanning": "出现了不能开始任何内容的字符",
        "did not find URI escaped octet": "缺少 URI 转义字节",
        "found an incorrect leading UTF-8 octet": "UTF-8 编码错误",
        "found an incorrect trailing UTF-8 octet": "UTF-8 编码错误",
        "control characters are not allowed": "不允许出现控制字符",
        "invalid leading UTF-8 octet": "UTF-8 编码错误",
        "invalid trailing UTF-8 octet": "UTF-8 编码错误",
        "incomplete UTF-8 octet sequence": "不完整的 UTF-8 字节序列",
        "found unexpected end of plain scalar": "普通标量意外结束",
        "did not find expected alphabetic or numeric character": "没有找到预期的字母或数字",
        "did not find expected whitespace or line break": "没有找到预期的空白或换行",
        "found extra characters after the block scalar indicator": "块标量标记后有多余字符",
        // Contexts.
        "while parsing a block mapping": "解析块映射时",
        "while parsing a block collection": "解析块集合时",
        "while parsing a flow sequence": "解析方括号列表时",
        "while parsing a flow mapping": "解析花括号映射时",
        "while parsing a block node": "解析节点时",
        "while parsing a flow node": "解析节点时",
        "while parsing a node": "解析节点时",
        "while scanning a simple key": "读取键时",
        "while scanning a quoted scalar": "读取带引号的字符串时",
        "while scanning a block scalar": "读取多行文本块时",
        "while scanning a plain scalar": "读取未加引号的值时",
        "while scanning an anchor": "读取锚点时",
        "while scanning an alias": "读取别名时",
        "while scanning a tag": "读取标签时",
        "while scanning a directive": "读取指令时",
        "while scanning for the next token": "查找下一项内容时",
    ]

    /// What usually causes the commonest problems, in English, since libyaml's own words say
    /// what the parser missed rather than what the writer did.
    private static let englishHints: [String: String] = [
        "did not find expected key": "usually a key indented differently from the keys beside it",
        "mapping values are not allowed in this context": "usually wrong indentation, or a colon in a value that is not quoted",
        "found character that cannot start any token": "e.g. a tab used for indentation, or a value starting with @ or ` not in quotes",
        "found unexpected end of stream": "a closing quote or bracket may be missing",
        "did not find expected '-' indicator": "usually a list item indented differently from the items beside it",
        "block sequence entries are not allowed in this context": "usually a list item '-' indented wrongly",
        "found a tab character that violates indentation": "YAML indents with spaces only",
        "found a tab character where an indentation space is expected": "YAML indents with spaces only",
    ]

    /// What usually causes `problem`, in English; nil when libyaml's words are all there is.
    static func englishHint(_ problem: String) -> String? {
        englishHints[problem]
    }

    /// `message` in Chinese, or libyaml's words when they are not in the table.
    static func chinese(_ message: String) -> String {
        chinese[message] ?? message
    }
}
