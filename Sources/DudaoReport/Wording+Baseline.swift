import DudaoCore

/// The words of a comparison with an earlier run (`--baseline`): 新增, 仍存在, 已整改.
extension Wording {
    func change(_ change: FindingChange) -> String {
        switch change {
        case .new: pick("新增", "new")
        case .persisting: pick("仍存在", "persisting")
        case .resolved: pick("已整改", "resolved")
        }
    }

    /// `[新增] ` before a finding of a run with a baseline; nothing without one.
    func changeTag(_ finding: Finding) -> String {
        finding.change.map { "[\(change($0))] " } ?? ""
    }

    /// The counts against the baseline, for the whole run or one office.
    func progress(_ c: (new: Int, persisting: Int, resolved: Int)) -> String {
        pick("新增 \(c.new)，仍存在 \(c.persisting)，已整改 \(c.resolved)",
             "\(c.new) new, \(c.persisting) persisting, \(c.resolved) resolved")
    }

    /// `与上次检查（截至 2022年10月15日，上次.json）相比：新增 44，仍存在 45，已整改 1`.
    func progressLine(_ result: AuditResult) -> String? {
        guard let b = result.baseline else { return nil }
        let when = b.asOf.map { pick("截至 \(day($0))，", "as of \(day($0)), ") } ?? ""
        return pick("与上次检查（\(when)\(b.file)）相比：", "Against the earlier inspection (\(when)\(b.file)): ")
            + progress(b.tally(result).total)
    }

    /// The summary figures of a run with a baseline, beside open and waived.
    func changeFigures(_ c: ChangeTally.Counts) -> [(cssClass: String, label: String, value: Int)] {
        [("new", change(.new), c.new), ("persisting", change(.persisting), c.persisting), ("resolved", change(.resolved), c.resolved)]
    }

    /// Column headings of an office's resolved findings (HTML).
    var resolvedTableColumns: [String] {
        [pick("规则", "Rule"), pick("对象", "Subject"), pick("期间", "Period"), pick("上次的说明", "Message last time")]
    }

    var resolvedHeading: String { pick("已整改（上次检查有、本次没有的问题）", "Resolved (found last time, gone now)") }

    /// One resolved finding: its offices, rule and message as the earlier run wrote them.
    func resolvedLine(_ finding: Finding) -> String {
        let offices = finding.offices.isEmpty ? unattributed : list(finding.offices)
        return "\(offices) · \(finding.rule) \(finding.title) · \(finding.message)"
    }
}
