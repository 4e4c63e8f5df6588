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
        """)

    @Argument(help: "规则编号（省略则列出全部规则）")
    var rule: String?

    @OptionGroup var pack: PackOptions

    func run() throws {
        let loaded = pack.loadPack()
        let explainer: RuleExplainer
        do {
            explainer = try RuleExplainer(pack: loaded, english: pack.english, parameters: pack.parameterValues)
        } catch {
            fail(error, english: pack.english)
        }
        guard let id = rule else {
            write(explainer.list() + "\n", to: nil, english: pack.english)
            return
        }
        guard let text = explainer.explain(id: id) else {
            let ids = explainer.ids
            let hint = suggestion(for: id, among: ids).map { pack.english ? "; did you mean '\($0)'?" : "；是否应为“\($0)”？" } ?? ""
            throw ValidationError((pack.english ? "no rule '\(id)'" : "没有规则“\(id)”") + hint)
        }
        write(text + "\n", to: nil, english: pack.english)
    }
}
