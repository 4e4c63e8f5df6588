extension RuleExplainer {
    /// An engine data-quality rule (PACK-SPEC section 5): what it checks, and which tables of
    /// this pack declare what it checks.
    func explain(_ rule: DataQualityRule) -> String {
        var lines = ["\(rule.rawValue)  \(rule.title(english: english))", t("严重程度：", "Severity: ") + severityName(rule.severity)]
        let tables: [TableSchema]
        switch rule {
        case .invalidValue:
            lines.append(t("检查：无法解析的日期、不在声明取值内的值、负的或非数字的金额、缺失的必填值；每行一条，列出所有有问题的列。该行无效。",
                           "Checks: unreadable dates, values outside their declared set, negative or non-numeric amounts, missing required values; one finding per row naming every bad field. The row is not valid."))
            tables = pack.tables
        case .unknownReference:
            lines.append(t("检查：引用列的编号在被引用的名册中不存在。该行无效（声明 invalidates_row: false 的引用除外）。",
                           "Checks: a reference that names nothing in its roster. The row is not valid (unless the reference declares invalidates_row: false)."))
            tables = pack.tables.filter { $0.columns.contains { $0.references != nil } }
        case .dateOutOfWindow:
            lines.append(t("检查：记录日期不在表声明的 window 期间内。该行无效。", "Checks: a row dated outside its table's window period. The row is not valid."))
            tables = pack.tables.filter { $0.window != nil }
        case .officeMismatch:
            lines.append(t("检查：记录与其引用的名册行不一致（consistency 声明的列不同，或日期不在其有效期间内）。该行仍计数。",
                           "Checks: a row that disagrees with the roster row it references (a consistency column differs, or it is dated outside that row's active interval). The row still counts."))
            tables = pack.tables.filter { $0.consistency != nil }
        case .duplicateRecord:
            lines.append(t("检查：与文件中较早一行在 duplicates 声明的列上都相同的记录（每个较晚的行一条）。该行仍计数。",
                           "Checks: a row equal to an earlier row of its file in the columns its table lists under duplicates (one finding per later row). The row still counts."))
            tables = pack.tables.filter { !$0.duplicates.isEmpty }
        }
        lines.append(t("适用的表：", "Tables: ") + (tables.isEmpty ? t("（无）", "(none)") : tables.map { title($0.name) }.joined(separator: t("、", ", "))))
        lines.append(t("整改办法：", "Remedy: ") + rule.remedy(english: english))
        lines.append(t("来源：规则包的表结构声明（列的类型、引用和检查，不在规则文件中定义）", "Source: the pack's table declarations (column types, references and checks; not written as a rule)"))
        return lines.joined(separator: "\n")
    }
}
