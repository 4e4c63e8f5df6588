import Foundation

/// The manual page `dudao(1)` in mdoc, rendered from the command tree: every command shown by
/// `--help`, each with its options and examples, then the exit codes.
///
/// The date line holds dudao's version rather than a day, so the same build always writes
/// the same page.
enum ManualPage {
    static func render(_ tree: CommandTree, version: String) -> String {
        let root = tree.command
        var lines = [
            ".Dd \(version)",
            ".Dt DUDAO 1",
            ".Os",
            ".Sh NAME",
            ".Nm \(root.commandName)",
            ".Nd " + escaped(root.abstract ?? ""),
            ".Sh SYNOPSIS",
            ".Nm",
            ".Ar command",
            ".Op Ar options",
            ".Nm",
            ".Fl -version",
            ".Sh DESCRIPTION",
        ]
        lines += discussion(root.discussion)
        lines += [".Sh COMMANDS"]
        for command in root.shownSubcommands {
            lines += section(command, path: [root.commandName])
        }
        lines += [
            ".Sh EXIT STATUS",
            ".Bl -tag -width 2n",
            ".It 0",
            "ran, and nothing at or above --fail-on is open",
            ".It 1",
            "ran, and open findings at or above --fail-on exist (lint and test: problems or failed cases)",
            ".It 2",
            "could not run: bad arguments, an unreadable or invalid rule pack, a missing or malformed data file;"
                + " the message names the file, line and column",
            ".El",
            ".Sh SEE ALSO",
            "docs/cli.md, docs/dataset.md and docs/rule-packs.md in the dudao repository.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `.Ss dudao audit`, its abstract, its arguments as a tag list, its discussion; then its
    /// own subcommands (`dudao users add`).
    private static func section(_ command: CommandTree.Command, path: [String]) -> [String] {
        let name = (path + [command.commandName]).joined(separator: " ")
        var lines = [".Ss \(name)"]
        if let abstract = command.abstract, !abstract.isEmpty { lines.append(escaped(abstract)) }
        let arguments = (command.arguments ?? []).filter { $0.shouldDisplay != false && !isBuiltIn($0) }
        if !arguments.isEmpty {
            lines += [".Bl -tag -width Ds"]
            for argument in arguments { lines += item(argument) }
            lines += [".El"]
        }
        lines += discussion(command.discussion)
        for sub in command.shownSubcommands {
            lines += section(sub, path: path + [command.commandName])
        }
        return lines
    }

    /// `-h`/`--help` is in every command and says nothing about it.
    private static func isBuiltIn(_ argument: CommandTree.Argument) -> Bool {
        (argument.names ?? []).contains { $0.name == "help" }
    }

    /// `.It Fl -format Ar format`, then the help text with the values and the default.
    private static func item(_ argument: CommandTree.Argument) -> [String] {
        let value = argument.valueName.map { " Ar " + macroWord($0) } ?? ""
        var head: String
        if argument.kind == "positional" {
            head = ".It Ar " + macroWord(argument.valueName ?? "value")
        } else {
            let names = (argument.names ?? []).map { ($0.kind == "short" ? "Fl " : "Fl -") + $0.name }
            head = ".It " + names.joined(separator: " , ") + (argument.kind == "option" ? value : "")
        }
        if argument.isRepeating == true { head += " No ..." }
        var text = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty { text += "（" + values.joined(separator: "|") + "）" }
        if let standard = argument.defaultValue, !standard.isEmpty { text += "（默认：\(standard)）" }
        return text.isEmpty ? [head] : [head, escaped(text)]
    }

    /// Prose as paragraphs; from `Examples:` on, the commands as a literal block to copy.
    private static func discussion(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        let parts = text.components(separatedBy: "Examples:")
        var lines: [String] = []
        for paragraph in parts[0].components(separatedBy: "\n\n") {
            let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            lines.append(".Pp")
            lines += trimmed.split(separator: "\n").map { escaped(String($0)) }
        }
        if parts.count > 1 {
            let examples = parts.dropFirst().joined(separator: "Examples:").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            lines += [".Pp", "Examples:", ".Bd -literal -offset indent"]
            lines += examples.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed().map { escaped($0) }
            lines += [".Ed"]
        }
        return lines
    }

    /// A text line as mdoc takes it: backslashes doubled, a leading dot or quote kept as text.
    static func escaped(_ line: String) -> String {
        let text = line.replacingOccurrences(of: "\\", with: "\\e")
        return text.hasPrefix(".") || text.hasPrefix("'") ? "\\&" + text : text
    }

    /// A word on a macro line: quoted when it holds a space.
    private static func macroWord(_ word: String) -> String {
        word.contains(" ") ? "\"" + word.replacingOccurrences(of: "\"", with: "") + "\"" : escaped(word)
    }
}
