import ArgumentParser
import Foundation
import Testing
@testable import dudao

/// Installing: completion scripts and the manual page generated from the commands, and
/// `scripts/install.sh` putting them under a prefix without overwriting what is not dudao's.
struct InstallTests {
    /// Every command the help lists, as typed: `audit`, …, `users add`.
    static let shownCommands: [[String]] = walk(Dudao.self, [])

    private static func walk(_ command: ParsableCommand.Type, _ path: [String]) -> [[String]] {
        var found: [[String]] = []
        for sub in command.configuration.subcommands {
            let configuration = sub.configuration
            guard configuration.shouldDisplay else { continue }
            let name = path + [configuration.commandName ?? ""]
            found.append(name)
            found += walk(sub, name)
        }
        return found
    }

    @Test func theCommandListIsTheOneUsersSee() {
        #expect(Self.shownCommands.contains(["audit"]))
        #expect(Self.shownCommands.contains(["users", "add"]))
        #expect(!Self.shownCommands.contains(["manual"]))
    }

    @Test(arguments: [CompletionShell.bash, .zsh, .fish])
    func everyCompletionScriptOffersEveryCommand(shell: CompletionShell) throws {
        let script = Dudao.completionScript(for: shell)
        for command in Self.shownCommands {
            let word = try #require(command.last)
            #expect(script.range(of: "\\b\(word)\\b", options: .regularExpression) != nil, "\(shell) lacks \(command)")
        }
        // fish names an option without its dashes (-l 'format').
        #expect(script.contains("--format") || script.contains("-l 'format'"))
        #expect(script.contains("--as-of") || script.contains("-l 'as-of'"))
    }

    @Test func theBinaryWritesTheCompletionScripts() throws {
        let r = try DudaoBinary.run(["--generate-completion-script", "zsh"])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("#compdef dudao"))
    }

    @Test func theManualHasASectionForEveryCommandWithItsOptions() throws {
        let page = ManualPage.render(try #require(CommandTree.load()), version: "dudao " + DudaoVersion.number)
        #expect(page.hasPrefix(".Dd dudao \(DudaoVersion.number)\n.Dt DUDAO 1\n"))
        for command in Self.shownCommands {
            #expect(page.contains("\n.Ss dudao \(command.joined(separator: " "))\n"), "no section for \(command)")
        }
        #expect(!page.contains(".Ss dudao manual"))
        #expect(!page.contains("Fl -help"))
        let audit = try #require(page.components(separatedBy: "\n.Ss dudao audit\n").last?.components(separatedBy: "\n.Ss ").first)
        #expect(audit.contains(".It Fl -as-of Ar date"))
        #expect(audit.contains(".It Fl -office Ar id No ..."))
        #expect(audit.contains("text|json|markdown|html|csv|sarif|junit|xlsx"))
        #expect(audit.contains(".Bd -literal -offset indent\n# "))
        let sample = try #require(page.components(separatedBy: "\n.Ss dudao sample\n").last?.components(separatedBy: "\n.Ss ").first)
        #expect(sample.contains("（text|json|markdown|csv）"))
        // No text line may start with a dot or quote, or man would read it as a request.
        let bodyLines = page.split(separator: "\n").filter { !$0.hasPrefix(".") }
        #expect(bodyLines.allSatisfy { !$0.hasPrefix("'") })
    }

    @Test func theManualRendersWithoutWarnings() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let written = try DudaoBinary.run(["manual", "--output", scratch.path("dudao.1")])
        #expect(written.code == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-k", "-mdoc", "-Tutf8", "-ww", "-z", scratch.path("dudao.1")]
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        // groff breaks lines only at spaces, so a long Chinese sentence overflows; man shows it whole.
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").filter { !$0.contains("can't break line") }
        #expect(process.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// Runs `scripts/install.sh` with the built binary (no release build in the tests).
    private func install(prefix: String) throws -> DudaoBinary.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [DudaoBinary.repository.appendingPathComponent("scripts/install.sh").path,
                             "--prefix", prefix, "--binary", DudaoBinary.binary.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DudaoBinary.Run(code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData, as: UTF8.self))
    }

    static let installed = ["bin/dudao", "share/man/man1/dudao.1", "share/bash-completion/completions/dudao",
                            "share/zsh/site-functions/_dudao", "share/fish/vendor_completions.d/dudao.fish"]

    @Test func installPutsTheProgramCompletionAndManualUnderThePrefix() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let prefix = scratch.path("prefix")
        let first = try install(prefix: prefix)
        #expect(first.code == 0, "\(first.stderr)")
        for file in Self.installed {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/dudao"))
        let man = try String(contentsOfFile: prefix + "/share/man/man1/dudao.1", encoding: .utf8)
        #expect(man.contains("\n.Ss dudao check\n"))
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/dudao.fish", encoding: .utf8)
        #expect(fish.contains("sample"))
        // Again over its own files: replaced, not refused.
        let again = try install(prefix: prefix)
        #expect(again.code == 0, "\(again.stderr)")
    }

    @Test func installRefusesToReplaceAFileDudaoDidNotMake() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let prefix = scratch.path("prefix")
        let foreign = prefix + "/share/zsh/site-functions/_dudao"
        try FileManager.default.createDirectory(atPath: prefix + "/share/zsh/site-functions", withIntermediateDirectories: true)
        try Data("#compdef other\n".utf8).write(to: URL(fileURLWithPath: foreign))
        let r = try install(prefix: prefix)
        #expect(r.code == 2)
        #expect(r.stderr.contains(foreign))
        #expect(r.stderr.contains("nothing installed"))
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "#compdef other\n")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/dudao"))
    }
}
