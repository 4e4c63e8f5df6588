import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats of `test`.
enum TestFormat: String, CommandFormat {
    case text, junit
    static let standard = TestFormat.text
}

/// `dudao test`: run the test cases written in rule packs.
struct TestCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "运行规则包自带的测试用例（内联数据 + 预期的发现和待办）。",
        discussion: """
        A test case lives in a pack file under `tests:`: inline CSV per table, an as-of date, and the findings and due items expected — and no others — for the rules it names.

        Examples:

        dudao test rules/

        dudao test rules/ --format junit --output rule-tests.xml
        """)

    @Argument(help: "规则包目录（默认：./rules 或内置规则包）")
    var paths: [String] = []

    @OptionGroup var output: OutputOptions<TestFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let packs = paths.isEmpty ? [PackOptions.localRules] : paths.map(Optional.some)
        let target = try output.target(inputs: packs)
        var outcomes: [PackTestRunner.Outcome] = []
        var untriggered: [String] = [], unpassed: [String] = []
        for path in packs {
            let pack = try PackOptions.load(path)
            outcomes += PackTestRunner.run(pack, english: english)
            let c = PackTestRunner.coverage(pack)
            untriggered += c.untriggered
            unpassed += c.unpassed
        }
        let results = PackTestReporter.Results(outcomes: outcomes,
                                               coverage: PackTestRunner.Coverage(untriggered: untriggered, unpassed: unpassed))
        try output.write(results, with: PackTestReporter.self, to: target)
        let failed = outcomes.filter { !$0.passed }.count
        let reason = failed > 0
            ? (english ? "exit 1: \(failed) of \(outcomes.count) case(s) failed" : "退出码 1：\(outcomes.count) 个用例中 \(failed) 个失败")
            : (english ? "exit 0: all \(outcomes.count) case(s) passed" : "退出码 0：\(outcomes.count) 个用例全部通过")
        return CommandOutcome(exitCode: failed > 0 ? 1 : 0, reason: reason, written: target)
    }
}
