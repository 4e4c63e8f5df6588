import DudaoCore

/// The words around findings in one report language: labels, human dates, and the phrases
/// that every human-readable format shares, so text, Markdown, HTML and CSV say the same thing.
struct Wording {
    var language: ReportLanguage

    func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A list as written in running text: `涉及民生、收费`, `a, b`.
    func list(_ items: [String]) -> String { items.joined(separator: pick("、", ", ")) }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("错误", "error")
        case .warning: pick("警告", "warning")
        case .info: pick("提示", "info")
        }
    }

    func status(_ status: FindingStatus) -> String {
        switch status {
        case .open: pick("未整改", "open")
        case .waived: pick("已豁免", "waived")
        }
    }

    var waivedTag: String { pick("[已豁免]", "[waived]") }
    var unattributed: String { pick("未归属", "Unattributed") }

    func kind(_ kind: String) -> String {
        switch kind {
        case "office": pick("所", "office")
        case "practitioner": pick("工作者", "practitioner")
        case "enterprise": pick("企业", "enterprise")
        case "community": pick("村居", "community")
        case "street": pick("街道", "street")
        case "record": pick("记录", "record")
        default: kind
        }
    }

    func day(_ day: Day) -> String { day.written(in: language) }
    func period(_ period: DayRange) -> String { period.written(in: language) }

    /// An office as a heading: `SO01 城关法律服务所`; findings without an office go under 未归属.
    func office(id: String?, name: String?) -> String {
        guard let id else { return unattributed }
        return name.map { "\(id) \($0)" } ?? id
    }

    /// Who a finding is about: `工作者 P0012 王芳`, or `记录 A-2022-0381（activities.csv:382）`.
    func subject(_ subject: Subject) -> String {
        let label = kind(subject.kind)
        guard subject.isRecord, let place = subject.place else {
            return ([label] + [subject.id, subject.name].compactMap { $0 }).joined(separator: " ")
        }
        let named = subject.id.map { "\(label) \($0)" } ?? label
        return pick("\(named)（\(place)）", "\(named) (\(place))")
    }

    /// A compared value as a person reads it (amounts in yuan, dates written out).
    func value(_ value: FindingValue) -> String {
        switch value {
        case .count(let n): "\(n)"
        case .amount(let a): pick("\(a)元", "\(a) yuan")
        case .day(let d): day(d)
        case .text(let t): t
        }
    }

    /// `要求 1，实际 0`; nil when the finding compares nothing.
    func comparison(expected: FindingValue?, actual: FindingValue?) -> String? {
        let parts = [expected.map { pick("要求 ", "expected ") + value($0) },
                     actual.map { pick("实际 ", "found ") + value($0) }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: pick("，", ", "))
    }

    /// The rule-kind specific facts of a finding, labelled where the key is known.
    func details(_ details: [(key: String, value: DetailValue)]) -> String? {
        guard !details.isEmpty else { return nil }
        return details.map { detail in
            let text: String
            switch detail.value {
            case .int(let n): text = "\(n)"
            case .bool(let b): text = b ? pick("是", "yes") : pick("否", "no")
            case .text(let t): text = Day(iso: t).map(day) ?? t
            case .texts(let ts): text = list(ts)
            }
            return detailPhrase(detail.key, text)
        }.joined(separator: pick("；", "; "))
    }

    /// A detail in words, for the keys the pack's rule kinds are known to attach; others as `key: value`.
    private func detailPhrase(_ key: String, _ text: String) -> String {
        switch key {
        case "fields": pick("问题字段：\(text)", "fields: \(text)")
        case "daysLate": pick("逾期 \(text) 天", "\(text) days late")
        case "duplicateOf": pick("重复于第 \(text) 行", "duplicate of line \(text)")
        case "date": pick("日期：\(text)", "date: \(text)")
        case "outsideActiveInterval": pick("超出执业期间：\(text)", "outside active interval: \(text)")
        default: key + pick("：", ": ") + text
        }
    }

    /// The evidence of a finding other than the record it is about: `证据 activities.csv:382`.
    func evidence(_ finding: Finding) -> String? {
        let places = finding.evidence
            .filter { !(finding.subject.file == $0.file && finding.subject.sheet == $0.sheet && finding.subject.line == $0.line) }
            .map(\.place)
        return places.isEmpty ? nil : pick("证据 ", "evidence ") + list(places)
    }

    func waiver(_ waiver: Waiver) -> String {
        var parts = [pick("豁免理由：", "reason: ") + waiver.reason, pick("批准人：", "approved by: ") + waiver.approver]
        if let expires = waiver.expires { parts.append(pick("有效期至 ", "until ") + day(expires)) }
        return parts.joined(separator: pick("，", ", "))
    }

    /// The parts of one finding's line, in reading order: who, when, expected vs found,
    /// the message, extra facts, evidence, and the waiver.
    func findingParts(_ finding: Finding) -> [String] {
        [subject(finding.subject), finding.period.map(period),
         comparison(expected: finding.expected, actual: finding.actual), finding.message,
         details(finding.details), evidence(finding), finding.waiver.map(waiver)].compactMap { $0 }
    }

    /// `还差 1 项：每季度为联系点或顾问单位讲法制课（村居 C002 彭庄村，2022年9月–11月），截止 2022年11月30日`.
    ///
    /// The due item's message names what is still due; the line adds how many, for whom and by when.
    func dueLine(_ item: DueItem) -> String {
        let missing = Swift.max(item.expected - item.actual, 0)
        let who = subject(item.subject), when = period(item.period), by = day(item.dueDate)
        return pick("还差 \(missing) 项：\(item.title)（\(who)，\(when)），截止 \(by)",
                    "\(missing) more needed: \(item.title) (\(who), \(when)), due \(by)")
    }

    func exemptionState(_ state: ExemptionOutcome.State) -> String {
        switch state {
        case .applied: pick("已适用", "applied")
        case .expired: pick("已过期", "expired")
        case .unused: pick("未使用", "unused")
        }
    }

    /// A note on an exemption that did not apply: what it was for, and why it waived nothing.
    func exemptionNote(_ outcome: ExemptionOutcome) -> String {
        var parts = [outcome.rule, outcome.subjectID]
        if let p = outcome.period { parts.append(period(p)) }
        parts.append(waiver(Waiver(reason: outcome.reason, approver: outcome.approver, expires: outcome.expires)))
        let why = switch outcome.state {
        case .expired: pick("已过期，未豁免任何问题", "expired, waived nothing")
        case .unused: pick("未匹配任何问题", "matched no finding")
        case .applied: pick("豁免 \(outcome.matched) 条", "waived \(outcome.matched)")
        }
        parts.append(why + pick("（\(outcome.file):\(outcome.line)）", " (\(outcome.file):\(outcome.line))"))
        switch outcome.issue {
        case .unknownRule(let s)?:
            parts.append(pick("规则包中没有规则“\(outcome.rule)”", "the pack has no rule '\(outcome.rule)'")
                         + (s.map { pick("；是否应为“\($0)”？", "; did you mean '\($0)'?") } ?? ""))
        case .duplicate(let line)?:
            parts.append(pick("与第 \(line) 行的豁免重复（以该条为准）", "repeats the exemption on line \(line) (that one applies)"))
        case nil:
            break
        }
        return parts.joined(separator: " · ")
    }

    /// The first line of a report on the built-in demo: what it is, and how to check real data.
    /// Where the as-of date falls in the demo's campaign: after it, before it, or in it (with
    /// its end), never "after" for a day the campaign is still running.
    func demoNote(_ result: AuditResult, campaign: DayRange) -> String {
        let when: String
        if result.asOf > campaign.end {
            when = pick("活动结束后", "after its campaign")
        } else if result.asOf < campaign.start {
            when = pick("活动开始前", "before its campaign")
        } else {
            when = pick("活动进行中，\(day(campaign.end))结束", "during its campaign, which ends on \(day(campaign.end))")
        }
        return pick("【内置演示数据】虚构的清源区，截至 \(day(result.asOf))（\(when)）。检查真实台账：dudao audit --data 台账目录 --as-of YYYY-MM-DD",
                    "[Built-in demo] the fictional Qingyuan district, as of \(day(result.asOf)) (\(when)). "
                        + "To check real ledgers: dudao audit --data FOLDER --as-of YYYY-MM-DD")
    }

    func reportTitle(_ result: AuditResult) -> String {
        pick("\(result.packTitle) 督导检查报告", "Supervision report: \(result.packTitle)")
    }

    /// `截至 2023年4月30日 · 检查日 2023年2月28日`.
    func dates(_ result: AuditResult) -> String {
        var parts = [pick("截至 ", "as of ") + day(result.asOf)]
        if let d = result.checkDate { parts.append(pick("检查日 ", "check date ") + day(d)) }
        return parts.joined(separator: " · ")
    }

    /// `规则包第 2 版 · 方案要求 32 句：12 句由规则检查，20 句无法由台账检查（dudao explain --plan）`.
    func edition(_ result: AuditResult) -> String {
        var parts = [pick("规则包第 \(result.packVersion) 版", "pack edition \(result.packVersion)")]
        if let c = result.planCoverage {
            parts.append(pick("方案要求 \(c.duties) 句：\(c.checked) 句由规则检查，\(c.explained) 句无法由台账检查（dudao explain --plan）",
                              "plan duties: \(c.checked) of \(c.duties) checked by rules, \(c.explained) not checkable from a ledger (dudao explain --plan)"))
        }
        return parts.joined(separator: " · ")
    }

    /// `问题 5 条（未整改 4，已豁免 1）· 待办 2 项`.
    func counts(_ result: AuditResult) -> String {
        let waived = result.findings.filter { $0.status == .waived }.count
        let open = result.findings.count - waived
        return pick("问题 \(result.findings.count) 条（未整改 \(open)，已豁免 \(waived)）· 待办 \(result.due.count) 项",
                    "\(result.findings.count) findings (\(open) open, \(waived) waived) · \(result.due.count) due")
    }

    var dueHeading: String { pick("待办", "Still due") }
    var exemptionsHeading: String { pick("豁免说明", "Exemptions") }
    var summaryHeading: String { pick("汇总", "Summary") }

    /// Column headings of the per-office summary table.
    var tallyColumns: [String] {
        [pick("所", "Office"), pick("错误", "Errors"), pick("警告", "Warnings"), pick("提示", "Info"),
         pick("已豁免", "Waived"), pick("待办", "Due")]
    }
}

extension Wording {
    /// Column headings of a findings table (Markdown, HTML).
    var findingColumns: [String] {
        [pick("规则", "Rule"), pick("级别", "Severity"), pick("状态", "Status"), pick("对象", "Subject"),
         pick("期间", "Period"), pick("要求与实际", "Expected / found"), pick("说明", "Message"), pick("证据", "Evidence")]
    }

    /// One finding as the cells of a findings table, in `findingColumns` order.
    func findingCells(_ finding: Finding) -> [String] {
        [finding.rule + " " + finding.title, severity(finding.severity),
         status(finding.status) + (finding.change.map { pick("（\(change($0))）", " (\(change($0)))") } ?? ""),
         subject(finding.subject), finding.period.map(period) ?? "",
         comparison(expected: finding.expected, actual: finding.actual) ?? "",
         [finding.message, details(finding.details), finding.waiver.map(waiver)].compactMap { $0 }.joined(separator: " · "),
         evidence(finding) ?? ""]
    }
}
