import ArgumentParser
import DudaoReport

/// `dudao audit`: evaluate a dataset against a rule pack and report the findings.
struct AuditCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "按规则包检查台账和名册，输出督导发现（督导检查组用）。",
        discussion: """
        Examples:

        # built-in pack on the demo district, as of today
        dudao audit

        dudao audit --data 台账/ --as-of 2023-04-30

        dudao audit --data 台账/ --as-of 2023-04-30 --format json --output findings.json

        dudao audit --data 台账/ --office SO01 --format html --output 报告.html

        # Excel: 汇总, 问题清单, 待办, 统计
        dudao audit --data 台账/ --format xlsx --output 报告.xlsx

        dudao audit --data 台账/ --exemptions 豁免.yaml --param report_grace_days=15
        """)

    @OptionGroup var options: RunOptions

    var language: ReportLanguage { options.output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        try options.execute(checklist: false)
    }
}
