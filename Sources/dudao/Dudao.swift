import ArgumentParser
import Foundation

/// The `dudao` command line: thin commands over the DudaoCore library.
@main
struct Dudao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dudao",
        abstract: "督导：按 YAML 规则检查法律服务所的台账和名册，输出督导发现。",
        discussion: """
        dudao (督导) checks the ledgers (台账) and rosters (名册) of legal-service
        offices against a rule pack and reports supervision findings. Without --rules
        it uses the built-in 服务民生年 pack; without --data, the built-in demo district.

        Exit codes: 0 nothing open at or above --fail-on; 1 open findings (lint/test:
        problems found); 2 could not run (bad arguments, rule pack or data file).

        Examples:
          dudao audit                              # the demo district, as of today
          dudao check --office SO01 --data 台账/   # what an office still owes
          dudao lint rules/ && dudao test rules/   # rule packs in CI
          dudao explain lecture-quarterly          # a rule in plain words
          dudao sample --data 台账/ --per-office 5  # a spot-check list (不定期抽查)
        """,
        subcommands: [AuditCommand.self, CheckCommand.self, LintCommand.self, TestCommand.self, ExplainCommand.self, SampleCommand.self, SchemaCommand.self, GenerateCommand.self])

    /// Exit 2 (not ArgumentParser's 64) for every usage error, as CLI.md requires.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Prints a run error in the user's language and stops with exit code 2.
func fail(_ error: RunErrorLike, english: Bool) -> Never {
    FileHandle.standardError.write(Data(("dudao: " + error.message(english: english) + "\n").utf8))
    exit(2)
}

/// Errors the commands report before exiting with 2.
protocol RunErrorLike {
    func message(english: Bool) -> String
}
