import ArgumentParser
import DudaoReport

/// The format of `manual`: mdoc, the language of manual pages.
enum ManualFormat: String, CommandFormat {
    case mdoc
    static let standard = ManualFormat.mdoc
    static let hasLanguage = false
}

/// `dudao manual`: the manual page `dudao(1)`, rendered from the commands themselves, for
/// `scripts/install.sh` and packagers. Hidden from the command list: users read the page.
struct ManualCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "输出 dudao 的手册页 dudao(1)（mdoc 格式），由命令本身生成；scripts/install.sh 用它安装手册页。",
        discussion: """
        Examples:

        dudao manual --output dudao.1

        # then read it without installing:
        # man ./dudao.1
        """,
        shouldDisplay: false)

    @OptionGroup var output: OutputOptions<ManualFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let target = try output.target(inputs: [])
        guard let tree = CommandTree.load() else {
            throw .internal(english ? "the command tree could not be read from the argument parser" : "无法从参数解析器读取命令结构")
        }
        try output.write(ManualPage.render(tree, version: "dudao " + DudaoVersion.number), to: target)
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0", written: target)
    }
}
