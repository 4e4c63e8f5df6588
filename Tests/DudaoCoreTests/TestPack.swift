import Testing
@testable import DudaoCore

/// A small pack written in the test itself: the engine's tests run against rules they own,
/// so a change to the 服务民生年 pack in `rules/` never breaks them.
///
/// The calendar and tables are the shapes `Fixture` writes data for; each suite writes the
/// rules it tests as YAML list items next to its tests (and may replace the calendar or the
/// tables to test them).
struct TestPack: Sendable {
    /// A pack that does not load: the test's YAML is wrong, and these are the reasons.
    struct LoadError: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String { diagnostics.map { $0.rendered(english: true) }.joined(separator: "\n") }
    }

    var files: [(path: String, text: String)]
    /// Other files of the pack by name (a plan's text the pack's `source.file` names).
    var attachments: [String: String] = [:]

    /// A pack of the standard calendar and tables with these rules, each one or more
    /// `rules:` list items (`  - id: …`); no rules leaves only the data.* checks.
    init(rules: [String], calendar: String = TestPack.calendar, tables: String = TestPack.tables) {
        files = [("pack.yaml", calendar), ("tables.yaml", tables)]
        if !rules.isEmpty { files.append(("rules.yaml", "rules:\n" + rules.joined())) }
    }

    init(rules: String..., calendar: String = TestPack.calendar, tables: String = TestPack.tables) {
        self.init(rules: rules, calendar: calendar, tables: tables)
    }

    /// Every rule the suites define: one of each kind and period the engine knows.
    static let allRules = [
        CountRuleTests.enterpriseCheckup, CountRuleTests.marketFairQuarterly, CountRuleTests.lectureQuarterly,
        CountRuleTests.adviceMonthly, CountRuleTests.checkDateRules, CountRuleTests.contactCard,
        RecordRuleTests.freeConsultation, RecordRuleTests.feeCap, RecordRuleTests.outcomeRecorded,
        DeadlineRuleTests.phaseReports,
    ]

    static let everyRule = TestPack(rules: allRules)

    var source: PackSource {
        PackSource(files: files.map { ($0.path, Array($0.text.utf8)) }, attachments: attachments.mapValues { Array($0.utf8) },
                   location: "test-pack")
    }

    /// The loaded pack; any error diagnostic fails the load (warnings are allowed).
    func load() throws -> Pack {
        let (pack, diagnostics) = PackLoader.load(source)
        guard let pack else { throw LoadError(diagnostics: diagnostics) }
        return pack
    }

    /// Header, parameters and periods: a program from 2022-05-01 to 2023-03-31 in three
    /// phases, with months and quarters of the middle phase and a check date in it.
    static let calendar = """
        pack:
          id: test-pack
          title: 引擎测试规则包
          attribution: {offices: offices, street: 所属街道}
        parameters:
          mobilisation_start: {type: date, default: "2022-05-01"}
          mobilisation_end: {type: date, default: "2022-05-31"}
          implementation_start: {type: date, default: "2022-06-01"}
          implementation_end: {type: date, default: "2023-02-28"}
          inspection_start: {type: date, default: "2023-03-01"}
          inspection_end: {type: date, default: "2023-03-31"}
          report_grace_days: {type: integer, default: 10}
          min_contact_points: {type: integer, default: 1}
          quarters: {type: enum, values: [aligned, calendar], default: aligned}
        periods:
          mobilisation: {title: 动员学习阶段, label: 动员学习, start: {param: mobilisation_start}, end: {param: mobilisation_end}}
          implementation: {title: 组织实施阶段, title_en: Implementation phase, label: 组织实施, start: {param: implementation_start}, end: {param: implementation_end}}
          inspection: {title: 检查验收阶段, label: 检查验收, start: {param: inspection_start}, end: {param: inspection_end}}
          program: {title: 活动期间, start: {param: mobilisation_start}, end: {param: inspection_end}}
          phases: {title: 各阶段, each: [mobilisation, implementation, inspection]}
          months: {title: 各月, months: implementation}
          quarters:
            title: 组织实施阶段各季度
            title_en: Each quarter of the implementation phase
            quarters: implementation
            align: {param: quarters}
          check_date: {title: 检查日, check_date: implementation}

        """

    /// Rosters, assignments, the activity ledger, a lookup table and a report table, with
    /// the column types, references and checks the data.* findings come from.
    static let tables = """
        tables:
          offices:
            title: 所名册
            file: offices.csv
            entity: office
            key: 所编号
            name: 所名称
            office: 所编号
            columns:
              所编号: {type: id}
              所名称: {type: text}
              所属街道: {type: id, references: streets}
          practitioners:
            title: 工作者名册
            file: practitioners.csv
            entity: practitioner
            key: 工作者编号
            name: 姓名
            office: 所编号
            active: {from: 执业起始, to: 执业终止}
            columns:
              工作者编号: {type: id}
              姓名: {type: text}
              所编号: {type: id, references: offices}
              执业起始: {type: date, optional: true}
              执业终止: {type: date, optional: true}
          streets:
            title: 街道名册
            file: streets.csv
            entity: street
            key: 街道编号
            name: 名称
            office: {assignments: contacts, street: 街道编号}
            columns:
              街道编号: {type: id}
              名称: {type: text}
              类型: {type: enum, values: [街道, 开发区]}
          communities:
            title: 村居名册
            file: communities.csv
            entity: community
            key: 村居编号
            name: 名称
            office: {assignments: contacts, street: 所属街道}
            columns:
              村居编号: {type: id}
              名称: {type: text}
              类型: {type: enum, values: [村, 居]}
              所属街道: {type: id, references: streets}
          enterprises:
            title: 企业名册
            file: enterprises.csv
            entity: enterprise
            key: 企业编号
            name: 企业名称
            office: 所编号
            columns:
              企业编号: {type: id}
              企业名称: {type: text}
              所编号: {type: id, references: offices}
          contacts:
            title: 联系点
            file: contacts.csv
            office: 工作者编号
            assignment: {holder: 工作者编号, object: 对象编号}
            active: {from: 起始日期, to: 终止日期, within: 工作者编号}
            columns:
              工作者编号: {type: id, references: practitioners}
              对象编号: {type: id, references: [streets, communities, enterprises]}
              关系: {type: enum, values: [联系点, 法律顾问]}
              起始日期: {type: date}
              终止日期: {type: date, optional: true}
            checks:
              - title: 联系点的对象必须是村居
                when: {field: 关系, eq: 联系点}
                require: {field: 对象编号, in_table: communities}
          activities:
            title: 活动台账
            file: activities.csv
            id: 记录编号
            date: 日期
            window: program
            office: 所编号
            duplicates: [日期, 工作者编号, 活动类型, 对象编号]
            consistency: {reference: 工作者编号, same: [所编号], date_within_active: true}
            columns:
              记录编号: {type: id}
              日期: {type: date}
              所编号: {type: id, references: offices}
              工作者编号: {type: id, references: practitioners}
              活动类型:
                type: enum
                values: [法律体检, 赶大集, 法制课, 法律建议, 法律咨询, 法律事务, 法律援助, 接访, 纠纷调处, 联系卡发放]
              对象编号:
                type: id
                references: [streets, communities, enterprises]
                optional: true
                required_when: {field: 活动类型, in: [法律体检, 法制课, 法律建议, 联系卡发放]}
              事项:
                type: text
                optional: true
                references: {tables: [fee_schedule], when: {field: 活动类型, eq: 法律事务}, invalidates_row: false}
              涉及民生: {type: yes_no, optional: true, default: 否}
              收费: {type: amount, optional: true, default: "0"}
              处理结果: {type: text, optional: true}
              备注: {type: text, optional: true}
          fee_schedule:
            title: 收费标准
            file: fee_schedule.csv
            key: 事项
            columns:
              事项: {type: text}
              最低标准: {type: amount}
          reports:
            title: 阶段书面报告
            file: reports.csv
            date: 报送日期
            office: 所编号
            columns:
              所编号: {type: id, references: offices}
              阶段: {type: enum, values: [动员学习, 组织实施, 检查验收]}
              报送日期: {type: date}

        """
}
