import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats of `sample`.
enum SampleFormat: String, CommandFormat {
    case text, json, markdown, csv
    static let standard = SampleFormat.text
}

/// `dudao sample`: a reproducible random spot-check list (不定期抽查), stratified by office.
struct SampleCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "不定期抽查：从每个法律服务所的台账中随机抽取若干条记录，列成可重现的抽查清单。",
        discussion: """
        From every office, --per-office ledger records dated on or before --as-of, for the 督导检查组 to verify in person. A record is picked by a hash of the seed and its 记录编号: the same seed and data always give the same list. Without --seed a random seed is drawn and printed, so offices cannot know the list in advance and anyone with the seed can draw it again.

        Examples:

        # the demo district, 5 per office
        dudao sample

        dudao sample --data 台账/ --as-of 2023-04-30 --per-office 10

        dudao sample --data 台账/ --seed 20230430 --office SO01

        dudao sample --data 台账/ --seed 7 --format csv --output 抽查.csv
        """)

    @OptionGroup var pack: PackOptions

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("per-office"), help: ArgumentHelp("每个法律服务所抽几条（默认 5）", valueName: "n"))
    var perOffice: Int = 5

    @Option(name: .customLong("seed"), help: ArgumentHelp("随机种子（默认：随机取一个并打印出来）", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("office"), help: ArgumentHelp("只抽这些法律服务所，可重复", valueName: "id"))
    var offices: [String] = []

    @Option(name: .customLong("table"), help: ArgumentHelp("只抽这些台账（表名，可重复；默认：规则包的全部台账）", valueName: "name"))
    var tables: [String] = []

    @OptionGroup var output: OutputOptions<SampleFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        try pack.check(english: english)
        try data.check(english: english)
        if perOffice < 1 { throw .usage(english ? "--per-office must be at least 1" : "--per-office 至少为 1") }
        let target = try output.target(inputs: [pack.rules, data.data])
        let loaded = try pack.loadPack()
        let ledgers = loaded.tables.filter(\.isStreamed).map(\.name)
        for t in tables where !ledgers.contains(t) {
            // The message lists every ledger already; only a close one is worth adding.
            let hint = IDSuggestion(for: t, among: ledgers)
            let guess = hint.close.isEmpty ? "" : hint.hint(english: english)
            throw .usage((english ? "'\(t)' is not a ledger of the pack (ledgers: \(ledgers.joined(separator: ", ")))"
                                  : "“\(t)”不是规则包中的台账（台账：\(ledgers.joined(separator: "、"))）") + guess)
        }
        let request = SpotCheckSampler.Request(asOf: data.asOfDay, seed: seed ?? UInt64.random(in: 1...99_999_999),
                                               perOffice: perOffice, offices: offices, tables: tables, english: english)
        let check: SpotCheck
        do { check = try SpotCheckSampler.draw(pack: loaded, dataset: data.dataset, request) } catch { throw .run(error) }
        let known = Set(check.offices.compactMap(\.id))
        for id in offices where !known.contains(id) {
            throw .run(.unknownOffice(id: id, hint: IDSuggestion(for: id, among: Array(known))))
        }
        try output.write(check, with: SpotCheckReporter.self, to: target)
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0", written: target)
    }
}
