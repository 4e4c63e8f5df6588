import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats of `stats`.
enum StatsFormat: String, CommandFormat {
    case text, json, markdown, csv, html, xlsx
    static let standard = StatsFormat.text
}

/// `dudao stats`: the statistics (情况统计) the pack declares, from the same single pass over
/// the ledgers as an audit.
struct StatsCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "情况统计：按规则包声明的统计，汇总各所、各月、各工作者的有效活动记录。",
        discussion: """
        Only valid records (those that count towards requirements) dated on or before --as-of are counted; groups without records are left out.

        Examples:

        # the demo district
        dudao stats

        dudao stats --data 台账/ --as-of 2023-04-30

        dudao stats --data 台账/ --office SO01 --format csv --output 统计.csv

        dudao stats --data 台账/ --format xlsx --output 统计.xlsx
        """)

    @OptionGroup var pack: PackOptions

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("office"), help: ArgumentHelp("只统计这些法律服务所的记录，可重复", valueName: "id"))
    var offices: [String] = []

    @OptionGroup var output: OutputOptions<StatsFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        try pack.check(english: english)
        try data.check(english: english)
        let target = try output.target(inputs: [pack.rules, data.data])
        let loaded = try pack.loadPack()
        let options = AuditOptions(asOf: data.asOfDay, parameters: pack.parameterValues, offices: offices, english: english,
                                   progress: ProgressLine.callback(english: english))
        let result: AuditResult
        do { result = try Audit.run(pack: loaded, dataset: data.dataset, options: options) } catch { throw .run(error) }
        try output.write(result, with: StatisticsReporter.self, to: target)
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0", written: target, retained: result)
    }
}
