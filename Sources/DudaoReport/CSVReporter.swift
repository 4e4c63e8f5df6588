import DudaoCore

/// `--format csv`: one row per finding, then one per due item (status 待办), for a spreadsheet. UTF-8 with a BOM so Excel on a
/// Chinese Windows opens it as UTF-8, CRLF line ends and RFC 4180 quoting. Dates are ISO so
/// columns sort; values keep their raw form.
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
        let remedies = result.remedies
        let rows = result.findings.map { f in
            [
                f.rule, f.title, words.severity(f.severity), words.status(f.status), f.offices.joined(separator: ";"),
                words.kind(f.subject.kind), f.subject.id ?? "", f.subject.name ?? "", f.subject.file ?? "",
                f.subject.line.map(String.init) ?? "", f.period?.start.iso ?? "", f.period?.end.iso ?? "",
                f.expected.map(raw) ?? "", f.actual.map(raw) ?? "", f.message, words.details(f.details) ?? "",
                f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: ";"), f.waiver?.reason ?? "",
                f.waiver?.approver ?? "", f.waiver?.expires?.iso ?? "", f.fingerprint,
                words.standing(f.standing(asOf: result.asOf)), remedies[f.rule] ?? "", "", "",
            ]
        }
        let due = result.due.map { d in
            [
                d.rule, d.title, words.severity(d.severity), words.dueStatus, d.offices.joined(separator: ";"),
                words.kind(d.subject.kind), d.subject.id ?? "", d.subject.name ?? "", d.subject.file ?? "",
                d.subject.line.map(String.init) ?? "", d.period.start.iso, d.period.end.iso, "\(d.expected)", "\(d.actual)",
                d.message, "", "", "", "", "", "", "", remedies[d.rule] ?? "", d.dueDate.iso, "\(d.daysLeft(asOf: result.asOf))",
            ]
        }
        return "\u{FEFF}" + ([header] + rows + due).map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func raw(_ value: FindingValue) -> String {
        switch value {
        case .count(let n): "\(n)"
        case .amount(let a): a.description
        case .day(let d): d.iso
        case .text(let t): t
        }
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
