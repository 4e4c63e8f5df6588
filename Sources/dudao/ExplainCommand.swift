import ArgumentParser
import DudaoCore
import Foundation

/// `dudao explain`: a rule in plain words, generated from the rule itself.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "用平实的话说明一条规则：查谁、按什么期间、什么算数、要求多少、何时截止、出自哪一条。",
        discussion: """
        Examples:
          dudao explain                        # all rules with their titles
          dudao explain lecture-quarterly
          dudao explain lecture-quarterly --lang en
          dudao explain --plan                 # the plan sentence by sentence, with the rules that check it
        """)

    @Argument(help: "规则编号（省略则列出全部规则）")
    var rule: String?

    @Flag(help: "逐句列出来源方案中的工作要求，以及检查每句的规则或无法检查的原因")
    var plan = false

    @OptionGroup var pack: PackOptions

    func run() throws {
        let loaded = pack.loadPack()
        if plan {
            write(PlanExplainer(pack: loaded, english: pack.english).explain() + "\n", to: nil, english: pack.english)
            return
        }
        let explainer = RuleExplainer(pack: loaded, english: pack.english)
        guard let id = rule else {
            write(explainer.list() + "\n", to: nil, english: pack.english)
            return
        }
        guard let r = loaded.rule(id: id) else {
            let ids = loaded.rules.map(\.id)
            let hint = suggestion(for: id, among: ids).map { pack.english ? "; did you mean '\($0)'?" : "；是否应为“\($0)”？" } ?? ""
            throw ValidationError((pack.english ? "no rule '\(id)'" : "没有规则“\(id)”") + hint)
        }
        write(explainer.explain(r) + "\n", to: nil, english: pack.english)
    }
}
