import DudaoCore

extension Wording {
    var runHeading: String { pick("运行信息", "Run") }

    /// The run record as labelled items, in a fixed order: program, pack, data, as-of date,
    /// parameters, office filter, exemptions, baseline. Parameters and exemptions are named
    /// even when there are none, so a default run reads as one.
    func runItems(_ result: AuditResult, _ run: RunRecord) -> [(label: String, value: String)] {
        let pack = pick("\(result.packID) 第 \(result.packVersion) 版", "\(result.packID) edition \(result.packVersion)")
            + (run.rules.map { pick("（\($0)）", " (\($0))") } ?? pick("（内置）", " (built-in)"))
        var items: [(label: String, value: String)] = [
            ("dudao", run.dudaoVersion),
            (pick("规则包", "pack"), pack),
            (pick("数据", "data"), run.data ?? pick("内置演示数据", "built-in demo")),
            (pick("截至", "as of"), result.asOf.iso),
            (pick("参数", "parameters"), run.parameters.isEmpty ? pick("均为默认值", "all defaults")
                : run.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")),
        ]
        if !result.officeFilter.isEmpty { items.append((pick("只看", "offices"), list(result.officeFilter))) }
        items.append((pick("豁免清单", "exemptions"), run.exemptions ?? pick("无", "none")))
        if let b = result.baseline {
            items.append((pick("基线", "baseline"), b.file + (b.asOf.map { pick("（截至 \($0.iso)）", " (as of \($0.iso))") } ?? "")))
        }
        return items
    }

    /// `运行信息：dudao 0.1.0 · 规则包 … · 数据 台账/ · 截至 2023-04-30 · 参数 均为默认值 · 豁免清单 无`.
    func runLine(_ result: AuditResult, _ run: RunRecord) -> String {
        runHeading + pick("：", ": ") + runItems(result, run).map { "\($0.label) \($0.value)" }.joined(separator: " · ")
    }
}
