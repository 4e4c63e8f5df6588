import DudaoCore

/// What the 填写说明 sheet (or `填写说明.csv`) of a `dudao init` template says: one row per
/// column of every table — meaning, type, required or not, allowed values, references, other
/// header texts — then the tables' row checks and a few general notes.
///
/// The pack gives columns no prose, so a column's meaning comes from its role in the table
/// (key, name, record id, date, active interval, office) and otherwise from its type.
struct TemplateGuide {
    let pack: Pack
    let words: Wording
    /// Where each table is filled in (its sheet or file), by table name.
    let places: [String: String]
    /// The template is handed out by a server's upload page, where there is no `dataset.yaml`
    /// to edit and no command to run: the last notes say to upload the workbook instead.
    var forUpload = false

    var header: [String] {
        [words.pick("表", "Table"), words.pick("填写位置", "Where"), words.pick("列", "Column"),
         words.pick("含义", "Meaning"), words.pick("类型", "Type"), words.pick("必填", "Required"),
         words.pick("可选值", "Allowed values"), words.pick("引用", "References"),
         words.pick("表头也可写作", "Other header texts")]
    }

    /// The column rows, table by table in the pack's order.
    var rows: [[String]] {
        pack.tables.flatMap { t in
            t.columns.map { c in
                [t.title, places[t.name] ?? t.file, c.name, meaning(c, in: t), type(c), required(c, in: t),
                 allowed(c), references(c, in: t), c.aliases.joined(separator: words.pick("、", ", "))]
            }
        }
    }

    /// The notes below the column rows: how to fill in, then each table's row checks.
    var notes: [String] {
        var lines = [
            words.pick("填写说明", "How to fill in"),
            words.pick("1. 第一行是表头，请勿改动；每条记录填一行。",
                       "1. Row 1 is the header: leave it as it is; one record per row."),
            words.pick("2. 日期写成 2022-07-05（或 2022/7/5、2022年7月5日）；金额只写数字，单位为元。",
                       "2. Dates as 2022-07-05 (or 2022/7/5); amounts as plain numbers, in yuan."),
            words.pick("3. 有下拉列表的列只能从列表中选择；编号须与所引用名册中的编号一致。",
                       "3. Columns with a drop-down list take only its values; ids must match the roster they refer to."),
        ]
        lines += forUpload ? [
            words.pick("4. 表头可用“表头也可写作”一列中的写法，其他写法读不出。",
                       "4. A header may also be written as listed under 'Other header texts'; no other wording is read."),
            words.pick("5. 填好后在上传页面上传本工作簿，页面会立即给出自查清单。",
                       "5. When filled in, upload this workbook on the upload page; the self-check follows at once."),
        ] : [
            words.pick("4. 本地表头或取值与规则包不同时，写在 dataset.yaml 中（见其中的注释），不必改台账。",
                       "4. Local header texts or values go in dataset.yaml (see its comments), not into the ledger."),
            words.pick("5. 填好后运行 dudao audit --data 本文件夹 检查。",
                       "5. When filled in, run dudao audit --data THIS-FOLDER."),
        ]
        let checks = pack.tables.flatMap { t in t.checks.map { "\(t.title)：\($0.title)" } }
        if !checks.isEmpty {
            lines.append(words.pick("行级要求：", "Row checks:"))
            lines += checks
        }
        return lines
    }

    private func meaning(_ c: ColumnSchema, in t: TableSchema) -> String {
        if c.name == t.key { return words.pick("本表编号，每行一个，不可重复", "the row's id, unique in the table") }
        if c.name == t.nameColumn { return words.pick("名称", "name") }
        if c.name == t.idColumn { return words.pick("记录编号，每条记录一个", "the record's id") }
        if c.name == t.dateColumn {
            return words.pick("记录日期；晚于检查截止日期（--as-of）的记录不计", "the record's date; records after the as-of date do not count")
        }
        if c.name == t.active?.from { return words.pick("有效期起始日期（空为无起始）", "first day in force (empty: no start)") }
        if c.name == t.active?.to { return words.pick("有效期终止日期（空为仍有效）", "last day in force (empty: still in force)") }
        if c.name == t.assignment?.holder { return words.pick("承担者", "who holds it") }
        if c.name == t.assignment?.object { return words.pick("对象", "what it is for") }
        if case .column(let office)? = t.office, office == c.name { return words.pick("所属法律服务所", "the office it belongs to") }
        if t.name == pack.attribution.officeTable, c.name == pack.attribution.streetColumn {
            return words.pick("所在街道", "the office's street")
        }
        switch c.type {
        case .amount: return words.pick("金额（元）", "amount in yuan")
        case .yesNo: return words.pick("是或否", "yes or no")
        case .enumeration: return words.pick("从下拉列表中选择", "one of the listed values")
        default: return words.pick("按实际情况填写", "as it is")
        }
    }

    private func type(_ c: ColumnSchema) -> String {
        switch c.type {
        case .id: words.pick("编号", "id")
        case .text: words.pick("文字", "text")
        case .date: words.pick("日期（如 2022-07-05）", "date (e.g. 2022-07-05)")
        case .amount: words.pick("金额（如 200 或 200.50）", "amount (e.g. 200 or 200.50)")
        case .integer: words.pick("整数", "whole number")
        case .enumeration: words.pick("选项", "choice")
        case .yesNo: words.pick("是/否", "是/否 (yes/no)")
        }
    }

    private func required(_ c: ColumnSchema, in t: TableSchema) -> String {
        if !c.optional { return words.pick("必填", "required") }
        let explainer = RuleExplainer(pack: pack, english: words.language == .en)
        if let when = c.requiredWhen {
            return words.pick("当 ", "when ") + explainer.condition(when, table: t) + words.pick(" 时必填", "")
        }
        if let d = c.defaultValue { return words.pick("可空（空为 \(d)）", "optional (empty: \(d))") }
        return words.pick("可空", "optional")
    }

    private func allowed(_ c: ColumnSchema) -> String {
        TemplateGuide.choices(c).joined(separator: words.pick("、", ", "))
    }

    private func references(_ c: ColumnSchema, in table: TableSchema) -> String {
        guard let r = c.references else { return "" }
        let keys = r.tables.compactMap { name in pack.table(named: name).map { t in t.key.map { "\(t.title)的\($0)" } ?? t.title } }
        var text = words.pick("须为", "an existing ") + keys.joined(separator: words.pick("或", " or ")) + words.pick("中已有的值", "")
        if let when = r.when {
            text += words.pick("（仅当 ", " (only when ")
                + RuleExplainer(pack: pack, english: words.language == .en).condition(when, table: table) + words.pick("）", ")")
        }
        if !r.invalidatesRow { text += words.pick("；不符时只提示", "; otherwise only noted") }
        return text
    }

    /// The values a column's drop-down offers: an enum's values, 是/否; none for other types.
    static func choices(_ c: ColumnSchema) -> [String] {
        switch c.type {
        case .enumeration: c.values
        case .yesNo: ["是", "否"]
        default: []
        }
    }
}
