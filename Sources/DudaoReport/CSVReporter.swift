import DudaoCore

/// `--format csv`: one row per finding, then one per due item (status 待办), for a
/// spreadsheet. UTF-8 with a BOM so Excel on a Chinese Windows opens it as UTF-8, CRLF line
/// ends and RFC 4180 quoting. Dates are ISO so
/// columns sort; values keep their raw form; a text that a spreadsheet would run as a formula
/// is neutralised (`FormulaGuard`).
enum CSVReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let header = [
            words.pick("规则", "rule"), words.pick("规则名称", "title"), words.pick("严重程度", "severity"),
            words.pick("状态", "status"), words.pick("所", "offices"), words.pick("对象类型", "subject kind"),
            words.pick("对象编号", "subject id"), words.pick("对象名称", "subject name"), words.pick("文件", "file"),
            words.pick("行", "line"), words.pick("期间起", "period start"), words.pick("期间止", "period end"),
            words.pick("要求", "expected"), words.pick("实际", "actual"), words.pick("说明", "message"),
            words.pick("补充", "details"), words.pick("证据", "evidence"), words.pick("豁免理由", "waiver reason"),
            words.pick("批准人", "approver"), words.pick("豁免到期", "waiver expires"), words.pick("指纹", "fingerprint"),
            words.pick("可否整改", "standing"), words.pick("整改办法", "remedy"), words.pick("截止日期", "due date"),
            words.pick("还剩天数", "days left"),
        ]
        let remedies = result.remedies, asOf = result.asOf
        let rows = result.findings.map { f -> [SheetCell] in
            let file: String? = f.subject.file.map { RecordPlace.file($0, sheet: f.subject.sheet) }
            let evidence: String = f.evidence.map(\.place).joined(separator: ";")
            return [
                .text(f.rule), .text(f.title), .text(words.severity(f.severity)), .text(words.status(f.status)),
                .text(f.offices.joined(separator: ";")), .text(words.kind(f.subject.kind)), .text(f.subject.id),
                .text(f.subject.name), .text(file), f.subject.line.map { .integer($0) } ?? .empty,
                f.period.map { .date($0.start) } ?? .empty, f.period.map { .date($0.end) } ?? .empty,
                .value(f.expected), .value(f.actual), .text(f.message), .text(words.details(f.details)),
                .text(evidence), .text(f.waiver?.reason),
                .text(f.waiver?.approver), f.waiver?.expires.map { .date($0) } ?? .empty, .text(f.fingerprint),
                .text(words.standing(f.standing(asOf: asOf))), .text(remedies[f.rule]), .empty, .empty,
            ]
        }
        let due = result.due.map { d -> [SheetCell] in
            [
                .text(d.rule), .text(d.title), .text(words.severity(d.severity)), .text(words.dueStatus),
                .text(d.offices.joined(separator: ";")), .text(words.kind(d.subject.kind)), .text(d.subject.id),
                .text(d.subject.name), .text(d.subject.file), d.subject.line.map { .integer($0) } ?? .empty,
                .date(d.period.start), .date(d.period.end), .integer(d.expected), .integer(d.actual), .text(d.message),
                .empty, .empty, .empty, .empty, .empty, .empty,
                .empty, .text(remedies[d.rule]), .date(d.dueDate), .integer(d.daysLeft(asOf: asOf)),
            ]
        }
        return "\u{FEFF}" + ([header.map { SheetCell.text($0) }] + rows + due)
            .map { $0.map(\.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
