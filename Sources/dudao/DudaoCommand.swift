import ArgumentParser
import DudaoReport

/// A subcommand of `dudao`: it does its work and says how it went, or throws a
/// `CommandFailure`. `Dudao.main` alone turns either into output on stderr and an exit code.
protocol DudaoCommand: ParsableCommand {
    /// The language of the command's messages.
    var language: ReportLanguage { get }

    func execute() throws(CommandFailure) -> CommandOutcome
}

extension DudaoCommand {
    var english: Bool { language == .en }

    /// Runs the command as `Dudao.main` would, for `ParsableCommand`'s own entry points.
    func run() throws {
        Dudao.finish(self)
    }
}

/// How a command that ran ended: exit 0 or 1, and why.
struct CommandOutcome {
    /// 0, or 1 when the command found what its `--fail-on` (or its nature) counts as problems.
    var exitCode: Int32
    /// Why the exit code is what it is, in the command's language, for the line on stderr.
    var reason: String
    /// Where the report went; a file gets a line on stderr saying so.
    var written: OutputTarget?
    /// A large result the process is about to drop anyway: freeing it would only cost time.
    var retained: Any?
}
