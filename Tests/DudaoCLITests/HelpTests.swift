import ArgumentParser
import DudaoReport
import Foundation
import Testing
@testable import dudao

/// Help that can be copied: every example in every command's help is a whole command on one
/// line of the printed help (80 columns, as in a pipe), and parses as that command.
struct HelpTests {
    static let commands: [ParsableCommand.Type] = [Dudao.self] + Dudao.configuration.subcommands

    /// The lines after `Examples:` in the help as printed.
    private func exampleLines(_ command: ParsableCommand.Type) -> [String] {
        let help = Dudao.helpMessage(for: command, columns: 80)
        guard let start = help.range(of: "Examples:") else { return [] }
        var lines: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("USAGE:") { break }
            if !text.isEmpty { lines.append(text) }
        }
        return lines
    }

    @Test(arguments: commands.map { $0.configuration.commandName ?? "" })
    func everyExampleIsOneWholeLineThatParses(name: String) throws {
        let command = try #require(Self.commands.first { $0.configuration.commandName == name })
        let lines = exampleLines(command)
        #expect(!lines.isEmpty)
        for line in lines {
            // A line cut by wrapping would start with neither a command nor a comment.
            #expect(line.hasPrefix("dudao ") || line == "dudao" || line.hasPrefix("# "), "wrapped example line: \(line)")
            guard !line.hasPrefix("#") else { continue }
            for part in line.components(separatedBy: "&&") {
                let words = part.split(separator: " ").map(String.init).dropFirst()
                let parsed = try Dudao.parseAsRoot(Array(words))
                #expect(!(parsed is Dudao), "'\(part)' does not reach a subcommand")
            }
        }
    }

    @Test func eachCommandOffersExactlyTheFormatsItsReporterWrites() {
        #expect(AuditFormat.allCases.map(\.report) == Reporters.formats)
        #expect(LintFormat.allCases.map(\.report) == LintReporter.formats)
        #expect(TestFormat.allCases.map(\.report) == PackTestReporter.formats)
        #expect(SampleFormat.allCases.map(\.report) == SpotCheckReporter.formats)
        #expect(SchemaFormat.allCases.map(\.report) == [.json])
    }
}
