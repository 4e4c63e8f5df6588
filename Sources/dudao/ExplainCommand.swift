import ArgumentParser
import DudaoCore
import DudaoReport

/// The format of `explain`: plain text.
enum ExplainFormat: String, CommandFormat {
    case text
    static let standard = ExplainFormat.text
}

/// `dudao explain`: a rule in plain words, generated from the rule itself.
struct ExplainCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "用平实的话说明一条规则：查谁、按什么期间、什么算数、要求多少、何时截止、出自哪一条。",
        discussion: """
        Examples:

        # all rules with their titles
        dudao explain

        dudao explain lecture-quarterly

        dudao explain lecture-quarterly --lang en

        # the plan sentence by sentence, with the rules that check it
        dudao explain --plan
        """)

    @Argument(help: "规则编号（省略则列出全部规则）")
    var rule: String?

    @Flag(help: "逐句列出来源方案中的工作要求，以及检查每句的规则或无法检查的原因")
    var plan = false

    @OptionGroup var pack: PackOptions

    @OptionGroup var output: OutputOptions<ExplainFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        try pack.check(english: english)
        let target = try output.target(inputs: [pack.rules])
        let loaded = try pack.loadPack()
        let text: String
        if plan {
            text = PlanExplainer(pack: loaded, english: english).explain()
        } else {
            let explainer: RuleExplainer
            do {
                explainer = try RuleExplainer(pack: loaded, english: english, parameters: pack.parameterValues)
            } catch {
                throw .run(error)
            }
            if let id = rule {
                guard let explained = explainer.explain(id: id) else {
                    let hint = IDSuggestion(for: id, among: explainer.ids).hint(english: english)
                    throw .usage((english ? "no rule or statistic '\(id)'" : "没有规则或统计“\(id)”") + hint
                                 + (english ? " (dudao explain lists them all)" : "（dudao explain 列出全部）"))
                }
                text = explained
            } else {
                text = explainer.list()
            }
        }
        try output.write(text + "\n", to: target)
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0", written: target)
    }
}
