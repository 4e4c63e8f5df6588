import ArgumentParser

/// `dudao check`: one office's self-check before an inspection — what is wrong and what is still due.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "法律服务所自查：本所的问题，以及还差什么、截止何时。",
        discussion: """
        Examples:
          dudao check --office SO01                     # demo district, as of today
          dudao check --office SO01 --data 台账/ --as-of 2022-10-15
          dudao check --office SO01 --data 台账/ --format json
        """)

    @OptionGroup var options: RunOptions

    func validate() throws {
        if options.offices.isEmpty { throw ValidationError("dudao check 需要 --office 指定法律服务所编号") }
    }

    func run() throws {
        let result = options.runAudit()
        let code = options.emit(result, checklist: true)
        withExtendedLifetime(result) { Self.exit(withError: code) }
    }
}
