import ArgumentParser
import Foundation

/// The commands of `dudao` as swift-argument-parser describes them (the JSON of
/// `--experimental-dump-help`, ToolInfo version 0): the parts a manual page shows.
struct CommandTree: Decodable {
    /// One command: its name, its help texts, its arguments and its subcommands.
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// The subcommands the help lists (not hidden ones, nor the generated `help`).
        var shownSubcommands: [Command] {
            (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        }
    }

    /// One option, flag or positional argument.
    struct Argument: Decodable {
        var kind: String
        var shouldDisplay: Bool?
        var isOptional: Bool?
        var isRepeating: Bool?
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
    }

    /// `--name` (long) or `-n` (short).
    struct Name: Decodable {
        var kind: String
        var name: String
    }

    var command: Command

    /// The tree of `Dudao`, from the parser itself, so the manual cannot drift from the commands.
    static func load() -> CommandTree? {
        let dump: String
        do {
            _ = try Dudao.parseAsRoot(["--experimental-dump-help"])
            return nil
        } catch {
            dump = Dudao.fullMessage(for: error)
        }
        return try? JSONDecoder().decode(CommandTree.self, from: Data(dump.utf8))
    }
}
