import Foundation
import PackagePlugin

/// Embeds the built-in rule pack (`rules/`) and the demo dataset (`fixtures/demo/`) into the
/// `dudao` executable, so a binary copied anywhere still runs `dudao audit` on the demo.
@main
struct EmbedBuiltins: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        for (group, folder, suffixes) in [("pack", "rules", [".yaml", ".yml", ".txt"]), ("demo", "fixtures/demo", [".csv"])] {
            let dir = root.appending(path: folder)
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where suffixes.contains(where: { name.hasSuffix($0) }) {
                let url = dir.appending(path: name)
                inputs.append(url)
                arguments += [group, name, url.path]
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "Builtins.swift")
        return [.buildCommand(displayName: "Embedding the built-in pack and demo dataset",
                              executable: try context.tool(named: "EmbedTool").url,
                              arguments: [output.path] + arguments,
                              inputFiles: inputs, outputFiles: [output])]
    }
}
