import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The `dudao` command line: thin commands over the DudaoCore library.
@main
struct Dudao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dudao",
        abstract: "督导：按 YAML 规则检查法律服务所的台账和名册，输出督导发现。",
        discussion: """
        dudao (督导) checks the ledgers (台账) and rosters (名册) of legal-service offices against a rule pack and reports supervision findings. Without --rules it uses the built-in 服务民生年 pack; without --data, the built-in demo district.

        Exit codes: 0 nothing open at or above --fail-on; 1 open findings (lint/test: problems found); 2 could not run (bad arguments, rule pack, data file or output).

        Examples:

        # the demo district, as of today
        dudao audit

        # what an office still owes
        dudao check --office SO01 --data 台账/

        # rule packs in CI
        dudao lint rules/ && dudao test rules/

        # a rule in plain words
        dudao explain lecture-quarterly

        # a spot-check list (不定期抽查)
        dudao sample --data 台账/ --per-office 5

        # an empty workbook for the offices to fill in
        dudao init 台账/
        """,
        subcommands: [AuditCommand.self, CheckCommand.self, LintCommand.self, TestCommand.self, ExplainCommand.self,
                      SampleCommand.self, StatsCommand.self, SchemaCommand.self, InitCommand.self, GenerateCommand.self,
                      ServeCommand.self, UsersCommand.self, ManualCommand.self])

    @Flag(name: .customLong("version"), help: "显示 dudao 和内置规则包的版本")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(Self.versionLine)
    }

    /// `dudao 0.1.0 (built-in pack <id> version <n>)`.
    static var versionLine: String {
        let pack = PackLoader.load(Builtins.packSource).pack
        return "dudao \(DudaoVersion.number)" + (pack.map { " (built-in pack \($0.id) version \($0.version))" } ?? "")
    }

    /// The one place where how a command ended becomes output and an exit code (CLI.md):
    /// 0 and 1 from the command's outcome, 2 for every error, usage errors included (not
    /// ArgumentParser's 64).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            complain(fullMessage(for: error))
        }
        if let command = command as? any DudaoCommand { finish(command) }
        do {
            var root = command
            try root.run()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            complain(message(for: error) + "\n" + usageLines(for: type(of: command), english: true))
        }
        Foundation.exit(0)
    }

    /// Runs `command` and ends the process.
    static func finish(_ command: some DudaoCommand) -> Never {
        let english = command.language == .en
        let outcome: CommandOutcome
        do {
            outcome = try command.execute()
        } catch {
            let usage = error.showsUsage ? "\n" + usageLines(for: type(of: command), english: english) : ""
            complain("dudao: " + error.message(english: english) + usage)
        }
        if let target = outcome.written, !target.isStandardOutput {
            say("dudao: " + (english ? "wrote \(target.path); " : "已写入 \(target.path)；") + outcome.reason)
        }
        withExtendedLifetime(outcome.retained) { Foundation.exit(outcome.exitCode) }
    }

    /// The usage of the command that failed (not the top-level one) and where its help is.
    static func usageLines(for command: ParsableCommand.Type, english: Bool) -> String {
        let name = commandPath(of: command)
        return english ? "Usage: \(usageString(for: command))\n  See '\(name) --help' for more information."
            : "用法：\(usageString(for: command))\n  详见 \(name) --help"
    }

    /// `dudao users add`: the words that run `command`, found in the command tree.
    static func commandPath(of command: ParsableCommand.Type) -> String {
        func find(_ node: ParsableCommand.Type, _ path: [String]) -> [String]? {
            if ObjectIdentifier(node) == ObjectIdentifier(command) { return path }
            return node.configuration.subcommands.lazy.compactMap { find($0, path + [$0.configuration.commandName ?? ""]) }.first
        }
        return (find(Dudao.self, ["dudao"]) ?? ["dudao"]).joined(separator: " ")
    }

    private static func say(_ text: String) {
        StandardError.write(text + "\n")
    }

    private static func complain(_ text: String) -> Never {
        say(text)
        Foundation.exit(2)
    }
}
