import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// `dudao test`: run the test cases written in rule packs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "运行规则包自带的测试用例（内联数据 + 预期的发现和待办）。",
        discussion: """
        A test case lives in a pack file under `tests:`: inline CSV per table, an as-of date, and
        the findings and due items expected — and no others — for the rules it names.

        Examples:
          dudao test rules/
          dudao test rules/ --format junit --output rule-tests.xml
        """)

    @Argument(help: "规则包目录（默认：./rules 或内置规则包）")
    var paths: [String] = []

    @Option(name: .customLong("format"), help: "输出格式：text 或 junit")
    var format: TestFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("写入文件而不是标准输出", valueName: "file"))
    var output: String?

    @Option(name: .customLong("lang"), help: "消息语言：zh（默认）或 en")
    var language: Language = .zh

    func run() throws {
        let english = language == .en
        var outcomes: [PackTestRunner.Outcome] = []
        var untriggered: [String] = [], unpassed: [String] = []
        let packs = paths.isEmpty ? [nil] : paths.map { Optional($0) }
        for path in packs {
            let options = PackOptions.with(rules: path ?? (FileManager.default.fileExists(atPath: "rules") ? "rules" : nil), english: english)
            let pack = options.loadPack()
            outcomes += PackTestRunner.run(pack, english: english)
            let c = PackTestRunner.coverage(pack)
            untriggered += c.untriggered
            unpassed += c.unpassed
        }
        let coverage = PackTestRunner.Coverage(untriggered: untriggered, unpassed: unpassed)
        let colour = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = format == .junit ? PackTestReporter.junit(outcomes)
            : PackTestReporter.text(outcomes, coverage: coverage, english: english, colour: colour)
        write(text, to: output, english: english)
        if outcomes.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

/// Output formats of `dudao test`.
enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, junit
}
