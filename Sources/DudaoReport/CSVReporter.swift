import DudaoCore

/// `--format csv`: one row per finding for a spreadsheet. UTF-8 with a BOM so Excel on a
/// Chinese Windows opens it as UTF-8, CRLF line ends and RFC 4180 quoting. Dates are ISO so
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
        ]
        let rows = result.findings.map { f -> [SheetCell] in
            [
                .text(f.rule), .text(f.title), .text(words.severity(f.severity)), .text(words.status(f.status)),
                .text(f.offices.joined(separator: ";")), .text(words.kind(f.subject.kind)), .text(f.subject.id),
                .text(f.subject.name), .text(f.subject.file), f.subject.line.map { .integer($0) } ?? .empty,
                f.period.map { .date($0.start) } ?? .empty, f.period.map { .date($0.end) } ?? .empty,
                .value(f.expected), .value(f.actual), .text(f.message), .text(words.details(f.details)),
                .text(f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: ";")), .text(f.waiver?.reason),
                .text(f.waiver?.approver), f.waiver?.expires.map { .date($0) } ?? .empty, .text(f.fingerprint),
            ]
        }
        return "\u{FEFF}" + ([header.map { SheetCell.text($0) }] + rows)
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
