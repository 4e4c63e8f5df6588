import DudaoCore
import Foundation

extension Builtins {
    static func bytes(_ base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64) ?? Data()) }

    /// The built-in 服务民生年 pack, as it is in the repository's `rules/` folder.
    static var packSource: PackSource {
        var files: [(path: String, bytes: [UInt8])] = []
        var attachments: [String: [UInt8]] = [:]
        for (name, b64) in pack {
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(("rules/" + name, bytes(b64)))
            } else {
                attachments[name] = bytes(b64)
            }
        }
        return PackSource(files: files, attachments: attachments, location: "rules")
    }

    /// The day the built-in demo is looked at when no `--as-of` is given: a month after its
    /// campaign ends (检查验收 ends 2023-03-31, the last reports are due ten days later), so
    /// every planted problem is due and the demo shows what it was made to show.
    static let demoAsOf = "2023-04-30"

    /// The demo district's campaign, from 动员学习's first day to 检查验收's last: the demo note
    /// says whether the as-of date is before, in or after it.
    static let demoCampaign = DayRange(start: Day(year: 2022, month: 5, day: 1) ?? Day(rawValue: 0),
                                       end: Day(year: 2023, month: 3, day: 31) ?? Day(rawValue: 0))

    /// The built-in demo district of `fixtures/demo/`.
    static var demoDataset: Dataset {
        var files: [String: [UInt8]] = [:]
        for (name, b64) in demo { files[name] = bytes(b64) }
        return .memory(name: "fixtures/demo", files: files)
    }
}
