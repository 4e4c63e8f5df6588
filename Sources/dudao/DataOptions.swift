import ArgumentParser
import DudaoCore
import Foundation

/// Options that choose a dataset and the day it is looked at.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("数据目录（CSV 台账和名册；默认：内置示例数据）", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("截止日期 YYYY-MM-DD，此后的记录不算（默认：今天；内置示例数据为 2023-04-30）", valueName: "date"))
    var asOf: String?

    /// `--as-of` must be a date.
    func check(english: Bool) throws(CommandFailure) {
        if let a = asOf, Day(iso: a) == nil {
            throw .usage(english ? "--as-of takes a date YYYY-MM-DD, got '\(a)'" : "--as-of 应为 YYYY-MM-DD 格式的日期，实际为“\(a)”")
        }
    }

    /// No `--data`: the run is on the built-in demo district.
    var isDemo: Bool { data == nil }

    var asOfDay: Day {
        if let a = asOf, let d = Day(iso: a) { return d }
        if isDemo, let d = Day(iso: Builtins.demoAsOf) { return d }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(rawValue: 0)
    }

    var dataset: Dataset { data.map { .directory($0) } ?? Builtins.demoDataset }
}
