import ArgumentParser
import DudaoReport

/// `dudao schema`: the JSON Schema of rule-pack files, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "输出规则文件的 JSON Schema，供编辑器（yaml-language-server）补全和检查。",
        discussion: """
        Examples:
          dudao schema > dudao-pack.schema.json
          # then, first line of a rule file:
          # yaml-language-server: $schema=./dudao-pack.schema.json
        """)

    @Option(name: .customLong("output"), help: ArgumentHelp("写入文件而不是标准输出", valueName: "file"))
    var output: String?

    func run() throws {
        write(PackJSONSchema.render(), to: output, english: false)
    }
}
