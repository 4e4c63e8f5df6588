/// The declared shapes of every mapping in a rule pack.
public enum PackSchema {
    public static let valueSources: [String] = ["param", "subject", "period", "lookup"]
    public static let operators: [String] = ["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "empty", "in_table"]

    public static let file = ObjectShape("规则文件", [
        FieldShape("pack", .object(pack), "规则包的标识、标题和来源文件"),
        FieldShape("parameters", .map(.object(parameter)), "参数及其默认值，可用 --param name=value 覆盖"),
        FieldShape("periods", .map(.object(period)), "期间：阶段、月、季度、检查日"),
        FieldShape("tables", .map(.object(table)), "数据表（台账、名册）的结构"),
        FieldShape("rules", .list(.object(rule)), "规则"),
        FieldShape("statistics", .list(.object(statistic)), "情况统计：按列或日期的月、季度分组的条数、合计和不同取值数（dudao stats）"),
        FieldShape("tests", .list(.object(testCase)), "规则测试用例（dudao test）"),
        FieldShape("plan", .object(plan), "来源方案中哪些部分是工作要求，哪些句子无法由台账检查及原因"),
    ])

    public static let plan = ObjectShape("plan", [
        FieldShape("sections", .list(.string), required: true, "方案中列出工作要求的部分（如 二、三、四）"),
        FieldShape("unchecked", .list(.object(planNote)), "无法由台账检查的句子及原因"),
    ])

    public static let planNote = ObjectShape("unchecked", [
        FieldShape("text", .string, required: true, "该句中足以找到它的一段原文"),
        FieldShape("reason", .string, required: true, "为什么没有规则检查它"),
        FieldShape("reason_en", .string, "英文原因（--lang en 时用）"),
    ])

    public static let pack = ObjectShape("pack", [
        FieldShape("id", .string, required: true, "规则包标识"),
        FieldShape("title", .string, required: true, "规则包标题"),
        FieldShape("title_en", .string, "英文标题"),
        FieldShape("version", .integer, "版本号"),
        FieldShape("source", .object(source), "来源文件"),
        FieldShape("attribution", .object(attribution), required: true, "发现问题归属到哪个法律服务所"),
    ])

    public static let source = ObjectShape("source", [
        FieldShape("document", .string, required: true, "来源文件名称"),
        FieldShape("file", .string, "规则包目录中的来源文件全文（供 explain 引用）"),
    ])

    public static let attribution = ObjectShape("attribution", [
        FieldShape("offices", .string, required: true, "法律服务所名册表"),
        FieldShape("street", .string, required: true, "所名册中表示所属街道的列"),
    ])

    public static let parameter = ObjectShape("参数", [
        FieldShape("type", .choice(["date", "integer", "enum"]), required: true, "参数类型"),
        FieldShape("default", .string, required: true, "默认值"),
        FieldShape("values", .list(.string), "enum 参数的可选值"),
        FieldShape("title", .string, "说明"),
    ])

    public static let period = ObjectShape("期间", [
        FieldShape("title", .string, required: true, "名称（用于报告）"),
        FieldShape("title_en", .string, "英文名称（--lang en 时用）"),
        FieldShape("label", .string, "该期间在数据中的写法（如阶段列的“动员学习”）"),
        FieldShape("start", .value, "开始日期"),
        FieldShape("end", .value, "结束日期"),
        FieldShape("each", .list(.string), "由若干期间组成的序列"),
        FieldShape("months", .string, "某期间内的各自然月"),
        FieldShape("quarters", .string, "某期间内的各季度"),
        FieldShape("align", .value, "季度划分：aligned（自期间开始每三个月）或 calendar（自然季度）"),
        FieldShape("check_date", .string, "检查日：as-of 日期限定在该期间内"),
    ], exactlyOne: [["start", "each", "months", "quarters", "check_date"]])

    public static let table = ObjectShape("数据表", [
        FieldShape("title", .string, required: true, "表的中文名称"),
        FieldShape("file", .string, required: true, "数据目录中的文件名"),
        FieldShape("entity", .string, "名册中每行代表的对象类别（office、practitioner…）"),
        FieldShape("key", .string, "主键列"),
        FieldShape("name", .string, "名称列"),
        FieldShape("id", .string, "记录编号列"),
        FieldShape("date", .string, "记录日期列：晚于 as-of 日期的记录不存在"),
        FieldShape("window", .string, "记录日期应在的期间（否则 data.date-out-of-window）"),
        FieldShape("office", .scalarOr(officeAssignments), "记录或对象所属的法律服务所"),
        FieldShape("active", .object(active), "有效期间的起止列"),
        FieldShape("assignment", .object(assignment), "联系点/顾问关系表：承担者列和对象列"),
        FieldShape("columns", .map(.object(column)), required: true, "列"),
        FieldShape("checks", .list(.object(check)), "行级约束（违反时 data.invalid-value）"),
        FieldShape("duplicates", .list(.string), "判定重复记录的列（data.duplicate-record）"),
        FieldShape("consistency", .object(consistency), "与所引用行的一致性（data.office-mismatch）"),
    ])

    public static let officeAssignments = ObjectShape("office", [
        FieldShape("assignments", .string, required: true, "联系点/顾问关系表"),
        FieldShape("street", .string, required: true, "对象所属街道的列"),
    ])

    public static let active = ObjectShape("active", [
        FieldShape("from", .string, required: true, "起始日期列（空为无起始）"),
        FieldShape("to", .string, required: true, "终止日期列（空为仍有效）"),
        FieldShape("within", .string, "引用列：所引用的行也须有效"),
    ])

    public static let assignment = ObjectShape("assignment", [
        FieldShape("holder", .string, required: true, "承担者（工作者）列"),
        FieldShape("object", .string, required: true, "对象列"),
    ])

    public static let column = ObjectShape("列", [
        FieldShape("type", .choice(["id", "text", "date", "amount", "integer", "enum", "yes_no"]), required: true, "取值类型"),
        FieldShape("values", .list(.string), "enum 列的取值"),
        FieldShape("optional", .boolean, "可以为空"),
        FieldShape("required_when", .condition, "满足条件时必填"),
        FieldShape("default", .string, "为空时的取值"),
        FieldShape("references", .scalarOr(reference), "引用的名册（表名或表名列表）"),
        FieldShape("aliases", .list(.string), "该列在台账中的其他表头名称"),
    ])

    public static let reference = ObjectShape("references", [
        FieldShape("tables", .oneOrMany(.string), required: true, "被引用的名册"),
        FieldShape("when", .condition, "仅在满足条件时检查"),
        FieldShape("invalidates_row", .boolean, "引用不存在时该行是否无效（默认是）"),
    ])

    public static let check = ObjectShape("行级约束", [
        FieldShape("title", .string, required: true, "说明"),
        FieldShape("when", .condition, "适用的行"),
        FieldShape("require", .condition, required: true, "必须满足的条件"),
    ])

    public static let consistency = ObjectShape("consistency", [
        FieldShape("reference", .string, required: true, "引用列"),
        FieldShape("same", .list(.string), "须与被引用行相同的列"),
        FieldShape("date_within_active", .boolean, "记录日期须在被引用行的有效期间内"),
    ])

    /// A rule: the keys every rule has, then the keys of the kinds (`RuleKinds`).
    public static let rule = ObjectShape("规则", [
        FieldShape("id", .string, required: true, "规则编号"),
        FieldShape("title", .string, required: true, "中文标题"),
        FieldShape("title_en", .string, "英文标题"),
        FieldShape("severity", .choice(["error", "warning", "info"]), required: true, "严重程度"),
        FieldShape("clause", .string, "来源文件的条款"),
        FieldShape("quote", .string, "条款原文"),
        FieldShape("kind", .choice(RuleKinds.names), required: true, "要求的种类"),
    ] + RuleKinds.fields + [
        FieldShape("message", .string, required: true, "中文消息模板"),
        FieldShape("message_en", .string, "英文消息模板"),
        FieldShape("remedy", .string, "整改办法：怎样改正问题或补做待办"),
        FieldShape("remedy_en", .string, "英文整改办法"),
    ])

    public static let statistic = ObjectShape("统计", [
        FieldShape("id", .string, required: true, "统计编号"),
        FieldShape("title", .string, required: true, "中文标题"),
        FieldShape("title_en", .string, "英文标题"),
        FieldShape("table", .string, required: true, "统计的表（只计有效行，且日期不晚于 as-of 日期）"),
        FieldShape("where", .condition, "只计满足条件的行"),
        FieldShape("group_by", .list(.scalarOr(groupKey)), "分组：列名，或 {column, by: month|quarter, name}"),
        FieldShape("measures", .list(.object(measure)), required: true, "每组的数字：条数、合计或不同取值数"),
    ])

    public static let groupKey = ObjectShape("分组", [
        FieldShape("column", .string, required: true, "列"),
        FieldShape("by", .choice(["value", "month", "quarter"]), "value：列值（默认）；month：日期的年月 YYYY-MM；quarter：自然季度 YYYY-Qn"),
        FieldShape("name", .string, "结果中该列的标题（默认：列名，或“月份”“季度”）"),
    ])

    public static let measure = ObjectShape("统计量", [
        FieldShape("name", .string, required: true, "结果中该列的标题"),
        FieldShape("measure", .choice(["count", "sum", "distinct"]), required: true, "count：条数；sum：金额或整数列的合计；distinct：列的不同取值数"),
        FieldShape("column", .string, "sum 和 distinct 的列"),
    ])

    public static let subjects = ObjectShape("subjects", [
        FieldShape("table", .string, "对象名册"),
        FieldShape("tables", .list(.string), "多个对象名册"),
        FieldShape("where", .condition, "筛选名册行"),
        FieldShape("active", .choice(["every_day"]), "对象须在期间内每天有效"),
        FieldShape("assignments", .object(assignmentCover), "对象须有联系点/顾问关系"),
    ], exactlyOne: [["table", "tables"]])

    public static let assignmentCover = ObjectShape("assignments", [
        FieldShape("table", .string, required: true, "关系表"),
        FieldShape("where", .condition, "筛选关系"),
        FieldShape("cover", .choice(["every_day", "some_day"]), required: true, "every_day：期间每天都有有效关系；some_day：有关系与期间重叠"),
    ])

    public static let count = ObjectShape("count", [
        FieldShape("table", .string, required: true, "计数的表"),
        FieldShape("where", .condition, required: true, "计数的行（须含把行对应到对象的条件）"),
        FieldShape("distinct", .string, "按该列的不同取值计数"),
    ])

    public static let records = ObjectShape("records", [
        FieldShape("table", .string, required: true, "记录表"),
        FieldShape("where", .condition, "筛选记录"),
    ])

    public static let condition = ObjectShape("条件", [
        FieldShape("all", .list(.condition), "全部满足"),
        FieldShape("any", .list(.condition), "任一满足"),
        FieldShape("not", .condition, "不满足"),
        FieldShape("field", .string, "列"),
        FieldShape("eq", .value, "等于"),
        FieldShape("ne", .value, "不等于"),
        FieldShape("lt", .value, "小于"),
        FieldShape("le", .value, "小于等于"),
        FieldShape("gt", .value, "大于"),
        FieldShape("ge", .value, "大于等于"),
        FieldShape("in", .list(.value), "属于"),
        FieldShape("not_in", .list(.value), "不属于"),
        FieldShape("empty", .boolean, "为空（true）或不为空（false）"),
        FieldShape("in_table", .oneOrMany(.string), "是某名册的主键"),
    ], exactlyOne: [["all", "any", "not", "field"]])

    public static let valueSource = ObjectShape("取值", [
        FieldShape("param", .string, "参数"),
        FieldShape("subject", .string, "当前对象的列（key 为主键）"),
        FieldShape("period", .string, "当前期间的属性（label、start、end）"),
        FieldShape("lookup", .object(lookup), "在另一名册中查值"),
    ], exactlyOne: [["param", "subject", "period", "lookup"]])

    public static let lookup = ObjectShape("lookup", [
        FieldShape("table", .string, required: true, "名册"),
        FieldShape("by", .string, required: true, "本行中作为名册主键的列"),
        FieldShape("column", .string, required: true, "取值的列"),
    ])

    public static let testCase = ObjectShape("测试用例", [
        FieldShape("name", .string, required: true, "用例名称"),
        FieldShape("rule", .oneOrMany(.string), "用例检验的规则"),
        FieldShape("as_of", .date, required: true, "as-of 日期"),
        FieldShape("params", .map(.string), "参数覆盖"),
        FieldShape("data", .map(.string), required: true, "内联数据：表名 → CSV 文本"),
        FieldShape("expect", .object(testExpectation), required: true, "预期的发现和待办"),
    ])

    public static let testExpectation = ObjectShape("expect", [
        FieldShape("findings", .list(.object(expectedItem)), "预期的发现（且仅有这些）"),
        FieldShape("due", .list(.object(expectedItem)), "预期的待办（且仅有这些）"),
    ])

    public static let expectedItem = ObjectShape("预期项", [
        FieldShape("rule", .string, required: true, "规则编号"),
        FieldShape("subject", .string, "对象编号，或记录的 文件:行"),
        FieldShape("period", .string, "期间开始日期"),
    ])
}
