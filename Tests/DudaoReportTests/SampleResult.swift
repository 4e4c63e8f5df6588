import DudaoCore
import DudaoReport

/// A small hand-made result with one of every shape reporters must handle: a practitioner
/// month finding, a waived finding, record findings with details, an amount comparison, a
/// finding with no office whose message carries quotes, commas, a line break, markup and a
/// control character, an office finding with dates, two due items, and an expired and an
/// unused exemption, the accounts of two tables; two rules carry a remedy.
enum SampleResult {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func range(_ start: String, _ end: String) -> DayRange { DayRange(start: day(start), end: day(end)) }

    /// A run on a folder of the user's, with a parameter overridden and an exemptions file.
    static let run = RunRecord(dudaoVersion: "0.1.0", rules: "rules/", data: "台账/",
                               parameters: [.init(name: "report_grace_days", value: "15")], exemptions: "豁免.yaml")

    static let trickyMessage = "第 119 行\"关系\"值无效, 应为 联系点/法律顾问\n<备注> & 'x'\u{07}"

    static let result = AuditResult(
        asOf: day("2022-10-15"),
        checkDate: day("2022-10-15"),
        packID: "fuwu-minsheng",
        packTitle: "服务民生年",
        offices: [(id: "SO01", name: "城关法律服务所"), (id: "SO02", name: "河东法律服务所"),
                  (id: "SO03", name: "桥西法律服务所")],
        officeFilter: [],
        rules: [
            RuleInfo(id: "advice-monthly-street", title: "每月向街道提出法律建议", severity: .error,
                     clause: "方案三（二）：每名法律服务工作者每月向街道提出一条法律建议", file: "rules/advice.yaml", line: 3, column: 3),
            RuleInfo(id: "data.duplicate-record", title: "重复记录", severity: .warning, clause: nil,
                     file: "rules/data.yaml", line: 20, column: 3),
            RuleInfo(id: "data.invalid-value", title: "无效值", severity: .error, clause: nil,
                     file: "rules/data.yaml", line: 2, column: 3),
            RuleInfo(id: "livelihood-fee-cap", title: "涉及民生的法律事务按最低标准收费", severity: .error, clause: nil,
                     file: "rules/fees.yaml", line: 10, column: 3, remedy: "退还超出最低标准的部分，在备注中写明退费日期"),
            RuleInfo(id: "phase-report-late", title: "阶段书面报告按时报送", severity: .warning, clause: nil,
                     file: "rules/reports.yaml", line: 14, column: 3),
            RuleInfo(id: "lecture-quarterly", title: "每季度开展法制课", severity: .error, clause: nil,
                     file: "rules/lecture.yaml", line: 1, column: 3, remedy: "讲一次法制课，在活动台账登记"),
            RuleInfo(id: "enterprise-checkup", title: "为属地企业开展法律体检", severity: .info, clause: nil,
                     file: "rules/checkup.yaml", line: 1, column: 3),
        ],
        findings: [
            Finding(rule: "advice-monthly-street", title: "每月向街道提出法律建议", severity: .error,
                    subject: Subject(kind: "practitioner", id: "P0012", name: "王芳"), offices: ["SO03"],
                    period: range("2022-07-01", "2022-07-31"), expected: .count(1), actual: .count(0),
                    message: "王芳（SO03）2022年7月未向街道提出法律建议", fingerprint: "adv-street:P0012:2022-07-01"),
            Finding(rule: "advice-monthly-street", title: "每月向街道提出法律建议", severity: .error, status: .waived,
                    subject: Subject(kind: "practitioner", id: "P0014", name: "田杰建"), offices: ["SO01"],
                    period: range("2022-08-01", "2022-08-31"), expected: .count(1), actual: .count(0),
                    message: "田杰建（SO01）2022年8月未向街道提出法律建议",
                    waiver: Waiver(reason: "病假，经所主任报备", approver: "李明", expires: day("2022-12-31")),
                    fingerprint: "adv-street:P0014:2022-08-01"),
            Finding(rule: "data.duplicate-record", title: "重复记录", severity: .warning,
                    subject: Subject(kind: "record", id: "A-2022-00033", file: "activities.csv", line: 41),
                    offices: ["SO01"], period: nil, message: "与第 34 行的记录重复",
                    evidence: [Evidence(file: "activities.csv", line: 41), Evidence(file: "activities.csv", line: 34)],
                    details: [(key: "duplicateOf", value: .int(34))], fingerprint: "dup:activities.csv:41"),
            Finding(rule: "data.invalid-value", title: "无效值", severity: .error,
                    subject: Subject(kind: "record", id: nil, file: "contacts.csv", line: 119),
                    offices: [], period: nil, message: trickyMessage,
                    evidence: [Evidence(file: "contacts.csv", line: 119)],
                    details: [(key: "fields", value: .texts(["关系", "起始日期"])),
                              (key: "outsideActiveInterval", value: .bool(false))],
                    fingerprint: "invalid:contacts.csv:119"),
            Finding(rule: "livelihood-fee-cap", title: "涉及民生的法律事务按最低标准收费", severity: .error,
                    subject: Subject(kind: "record", id: "A-2022-0381", file: "activities.csv", line: 382),
                    offices: ["SO02"], period: nil, expected: .amount(Amount(yuan: 800)),
                    actual: .amount(Amount(micros: 812_500_000)),
                    message: "涉及民生的法律事务收费 812.5 元，高于最低标准 800 元",
                    evidence: [Evidence(file: "activities.csv", line: 382)], fingerprint: "fee:activities.csv:382"),
            Finding(rule: "phase-report-late", title: "阶段书面报告按时报送", severity: .warning,
                    subject: Subject(kind: "office", id: "SO01", name: "城关法律服务所"), offices: ["SO01"],
                    period: range("2022-05-01", "2022-05-31"), expected: .day(day("2022-06-10")),
                    actual: .day(day("2022-06-18")), message: "城关法律服务所动员学习阶段报告逾期 8 天报送",
                    details: [(key: "daysLate", value: .int(8))], fingerprint: "report-late:SO01:2022-05-01"),
        ],
        due: [
            DueItem(rule: "enterprise-checkup", title: "为属地企业开展法律体检", severity: .info,
                    subject: Subject(kind: "enterprise", id: "E0107", name: "河东食品有限公司"), offices: ["SO02"],
                    period: range("2022-06-01", "2023-02-28"), dueDate: day("2023-02-28"), expected: 1, actual: 0,
                    message: "法律体检"),
            DueItem(rule: "lecture-quarterly", title: "每季度开展法制课", severity: .error,
                    subject: Subject(kind: "community", id: "C002", name: "彭庄村"), offices: ["SO02"],
                    period: range("2022-09-01", "2022-11-30"), dueDate: day("2022-11-30"), expected: 1, actual: 0,
                    message: "法制课"),
        ],
        exemptions: [
            ExemptionOutcome(rule: "advice-monthly-street", subjectID: "P0014", period: range("2022-08-01", "2022-08-31"),
                             reason: "病假，经所主任报备", approver: "李明", expires: day("2022-12-31"),
                             state: .applied, matched: 1, file: "exemptions.yaml", line: 2),
            ExemptionOutcome(rule: "lecture-quarterly", subjectID: "C009", period: range("2022-06-01", "2022-08-31"),
                             reason: "村委换届", approver: "张伟", expires: day("2022-09-30"),
                             state: .expired, matched: 0, file: "exemptions.yaml", line: 8),
            ExemptionOutcome(rule: "market-fair-quarterly", subjectID: "SO03", period: nil,
                             reason: "集市停办", approver: "张伟", expires: day("2023-03-31"),
                             state: .unused, matched: 0, file: "exemptions.yaml", line: 14),
        ],
        packVersion: 2,
        planCoverage: PlanCoverage(duties: 32, checked: 12, explained: 20),
        tables: [activities, fees]
    )

    /// A ledger with rows of every fate and a stray quote (and four more long fields, one of them listed), and a
    /// table whose file name Markdown would read as emphasis.
    static let activities: TableAccount = {
        var a = TableAccount(table: "activities", file: "activities.csv")
        (a.read, a.counted, a.setAside, a.afterAsOf) = (620, 600, 12, 8)
        a.longFields = [LongField(line: 119, field: 11, column: "备注", lines: 23, rowLikeLines: 21),
                        LongField(line: 300, field: 12, column: nil, lines: 6, rowLikeLines: 0)]
        a.longFieldCount = 5
        return a
    }()

    static let fees: TableAccount = {
        var a = TableAccount(table: "fee_schedule", file: "fee_schedule.csv")
        (a.read, a.counted) = (6, 6)
        return a
    }()
}
