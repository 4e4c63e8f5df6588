import ArgumentParser
import DudaoReport

/// `dudao check`: one office's self-check before an inspection — what is wrong and what is still due.
struct CheckCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "法律服务所自查：本所的问题，以及还差什么、截止何时。",
        discussion: """
        Examples:

        # demo district, as of today
        dudao check --office SO01

        dudao check --office SO01 --data 台账/ --as-of 2022-10-15

        dudao check --office SO01 --data 台账/ --format json

        dudao check --office SO01 --data 台账/ --format xlsx --output 自查.xlsx
        """)

    @OptionGroup var options: RunOptions

    var language: ReportLanguage { options.output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        if options.offices.isEmpty {
            throw .usage(options.english ? "dudao check needs --office with an office id" : "dudao check 需要 --office 指定法律服务所编号")
        }
        return try options.execute(checklist: true)
    }
}
