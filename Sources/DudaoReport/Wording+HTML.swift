import DudaoCore

/// The words of the HTML report that no other format uses.
extension Wording {
    var contentsHeading: String { pick("目录", "Contents") }
    var chartsHeading: String { pick("图表", "Charts") }
    var allOfficesHeading: String { pick("各所汇总", "All offices") }
    var backToContents: String { pick("返回目录", "back to contents") }
    var openByOfficeTitle: String { pick("各所未整改问题（按严重程度）", "Open findings per office, by severity") }
    var totalRow: String { pick("合计", "Total") }

    func findingsCount(_ n: Int) -> String { pick("\(n.grouped) 条", english(n, "finding")) }

    /// The figures at the top of the report: label and number, with the CSS class of each.
    func figures(_ total: ReportOutline.Tally, offices: Int, withOpen: Int) -> [(cssClass: String, label: String, value: Int)] {
        [("error", pick("未整改错误", "Open errors"), total.errors),
         ("warning", pick("未整改警告", "Open warnings"), total.warnings),
         ("info", pick("未整改提示", "Open infos"), total.infos),
         ("waived", pick("已豁免", "Waived"), total.waived),
         ("due", pick("待办", "Still due"), total.due),
         ("offices", pick("有未整改问题的所", "Offices with open findings"), withOpen),
         ("offices", pick("所", "Offices"), offices)]
    }

    /// Under the chart when offices are left out of it: `其余 1,985 个所：错误 120，警告 300，提示 12`.
    func restOfOffices(_ count: Int, _ tally: ReportOutline.Tally) -> String {
        pick("其余 \(count.grouped) 个所：错误 \(tally.errors.grouped)，警告 \(tally.warnings.grouped)，提示 \(tally.infos.grouped)，待办 \(tally.due.grouped)",
             "\(count.grouped) more offices: \(tally.errors.grouped) errors, \(tally.warnings.grouped) warnings, \(tally.infos.grouped) infos, \(tally.due.grouped) due")
    }

    /// Above the contents when it lists only the offices with the most to put right.
    func contentsNote(shown: Int, of offices: Int) -> String {
        pick("按未整改问题多少列出前 \(shown) 个所；全部 \(offices.grouped) 个所见文末“各所汇总”。",
             "The \(shown) offices with the most open findings; all \(offices.grouped) offices are listed under “All offices” at the end.")
    }

    /// Column headings of an office's findings table.
    var findingTableColumns: [String] {
        [pick("对象", "Subject"), pick("期间", "Period"), pick("要求", "Expected"), pick("实际", "Found"),
         pick("说明", "Message"), pick("证据", "Evidence")]
    }

    /// Column headings of an office's due items.
    var dueTableColumns: [String] {
        [pick("截止日期", "Due by"), pick("事项", "Duty"), pick("对象", "Subject"), pick("期间", "Period"),
         pick("已有 / 要求", "Done / needed")]
    }

    /// Who a finding is about, without the record's place (the evidence column gives it).
    func subjectName(_ subject: Subject) -> String {
        let parts = [kind(subject.kind)] + [subject.id, subject.name].compactMap { $0 }
        return parts.joined(separator: " ")
    }

    /// `错误 3 · 警告 1 · 提示 0 · 已豁免 0 · 待办 2`, for the line under an office's heading.
    func officeTally(_ tally: ReportOutline.Tally) -> [(cssClass: String, text: String)] {
        [("error", pick("错误 \(tally.errors)", english(tally.errors, "error"))),
         ("warning", pick("警告 \(tally.warnings)", english(tally.warnings, "warning"))),
         ("info", pick("提示 \(tally.infos)", english(tally.infos, "info"))),
         ("", pick("已豁免 \(tally.waived)", "\(tally.waived) waived")),
         ("", pick("待办 \(tally.due)", "\(tally.due) due"))]
    }

    /// `1 error`, `2 errors`.
    private func english(_ n: Int, _ noun: String) -> String {
        "\(n.grouped) \(noun)\(n == 1 ? "" : "s")"
    }

    var nothingToReport: String { pick("没有问题，也没有待办。", "No findings and nothing due.") }
}
