import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// `dudao lint`: every problem of a rule pack, with file:line:column, in one run.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查规则文件：YAML 语法、结构、引用和语义，每个问题给出 文件:行:列。",
        discussion: """
        Each PATH is a pack folder (every *.yaml in it belongs to the pack) or a single YAML file.
        Without PATH: ./rules when it exists, otherwise the built-in pack.

        Examples:
          dudao lint rules/
          dudao lint rules/ --format sarif --output lint.sarif
          dudao lint rules/ --format github            # annotations in a GitHub Actions log
        """)

    @Argument(help: "规则包目录或规则文件")
    var paths: [String] = []

    @Option(name: .customLong("format"), help: "输出格式：text、json、sarif、github")
    var format: LintFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("写入文件而不是标准输出", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "何时以退出码 1 结束：warning（默认）或 error")
    var failOn: LintFailOn = .warning

    @Option(name: .customLong("lang"), help: "消息语言：zh（默认）或 en")
    var language: Language = .zh

    func run() throws {
        let english = language == .en
        var diagnostics: [Diagnostic] = []
        let sources: [PackSource]
        if paths.isEmpty {
            sources = [FileManager.default.fileExists(atPath: "rules") ? loadSource("rules", english) : Builtins.packSource]
        } else {
            sources = paths.map { loadSource($0, english) }
        }
        for s in sources { diagnostics += PackLoader.load(s).diagnostics }
        let colour = output == nil && format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        write(LintReporter.render(diagnostics, format: format, english: english, colour: colour), to: output, english: english)
        let failing = diagnostics.contains { $0.level == .error || failOn == .warning }
        if failing { throw ExitCode(1) }
    }

    private func loadSource(_ path: String, _ english: Bool) -> PackSource {
        do { return try PackSource.directory(path) } catch { fail(error, english: english) }
    }
}

/// Which diagnostics make `lint` exit 1.
enum LintFailOn: String, ExpressibleByArgument, CaseIterable {
    case warning, error
}

extension LintFormat: ExpressibleByArgument {}

/// Writes a command's output to a file or stdout; a file that cannot be written is exit 2.
func write(_ text: String, to path: String?, english: Bool) {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        fail(RunError.unreadableFile(file: path, detail: "\(error)"), english: english)
    }
}
