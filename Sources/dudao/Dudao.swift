import ArgumentParser

@main
struct Dudao: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dudao", abstract: "督导：规则与合规检查")
}
