import ArgumentParser
import DudaoReport

/// The format of `schema`: JSON Schema.
enum SchemaFormat: String, CommandFormat {
    case json
    static let standard = SchemaFormat.json
    static let hasLanguage = false
}

/// `dudao schema`: the JSON Schema of rule-pack files, for editors.
struct SchemaCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "输出规则文件的 JSON Schema，供编辑器（yaml-language-server）补全和检查。",
        discussion: """
        Examples:

        dudao schema --output dudao-pack.schema.json

        # then, as the first line of a rule file:
        # yaml-language-server: $schema=./dudao-pack.schema.json
        """)

    @OptionGroup var output: OutputOptions<SchemaFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let target = try output.target(inputs: [])
        try output.write(PackJSONSchema.render(), to: target)
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0", written: target)
    }
}
