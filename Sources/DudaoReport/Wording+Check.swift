import DudaoCore

/// The words of `dudao check`'s self-check list, shared by its text, Markdown, HTML and CSV.
extension Wording {
    /// `服务民生年 自查清单`.
    func checkTitle(_ result: AuditResult) -> String {
        pick("\(result.packTitle) 自查清单", "Self-check list: \(result.packTitle)")
    }

    /// `SO01 城关法律服务所 自查清单`.
    func checkTitle(office: String) -> String {
        pick("\(office) 自查清单", "Self-check list: \(office)")
    }

    func standing(_ standing: Standing) -> String {
        switch standing {
        case .correctable: pick("可整改", "can be put right")
        case .recordOnly: pick("仅记录", "record only")
        }
    }

    /// The heading of a standing's findings, with what the office can do about them.
    func standingHeading(_ standing: Standing, count: Int) -> String {
        switch standing {
        case .correctable:
            pick("可整改 \(count) 条：数据错误和仍在进行的期间，检查前可以改正",
                 "Can still be put right: \(count) (data errors and periods still running; correct them before the inspection)")
        case .recordOnly:
            pick("仅记录 \(count) 条：期间已结束，无法补做，请如实说明或申请豁免",
                 "Record only: \(count) (the period has closed and cannot be made up; explain it or ask for an exemption)")
        }
    }

    /// `未整改问题 3 条（可整改 1，仅记录 2）· 待办 2 项`.
    func checkCounts(_ section: CheckOutline.Section) -> String {
        let open = section.openCount, due = section.dueCount
        let correctable = section.correctable.reduce(0) { $0 + $1.findings.count }
        return pick("未整改问题 \(open) 条（可整改 \(correctable)，仅记录 \(open - correctable)）· 待办 \(due) 项",
                    "\(open) open finding\(open == 1 ? "" : "s") (\(correctable) can be put right, \(open - correctable) record only) · \(due) still due")
    }

    /// The status column of a due item in a table of findings and due items.
    var dueStatus: String { pick("待办", "due") }

    func remedyLine(_ remedy: String) -> String { pick("整改办法：", "Remedy: ") + remedy }

    var dueByDateHeading: String { pick("待办（按截止日期）", "Still due (soonest first)") }

    func waivedNote(_ n: Int) -> String { pick("另有 \(n) 条已豁免", "\(n) more waived") }

    /// `还剩 16 天`, `今天截止`.
    func daysLeft(_ days: Int) -> String {
        days <= 0 ? pick("今天截止", "due today") : pick("还剩 \(days) 天", "\(days) day\(days == 1 ? "" : "s") left")
    }

    /// A rule's due items as a heading after its severity tag: `lecture-quarterly 每季度开展法制课（2 项）`.
    func dueGroupTitle(_ group: CheckOutline.DueGroup) -> String {
        "\(group.rule) \(group.title)" + pick("（\(group.items.count) 项）", " (\(group.items.count))")
    }

    /// One due item under its rule: `村居 C002 彭庄村 · 2022年9月–11月 · 还差 1 项 · 截止 2022年11月30日（还剩 46 天）`.
    func dueEntry(_ item: DueItem, asOf: Day) -> String {
        let missing = Swift.max(item.expected - item.actual, 0)
        return [subject(item.subject), period(item.period), pick("还差 \(missing) 项", "\(missing) more needed"),
                pick("截止 \(day(item.dueDate))（\(daysLeft(item.daysLeft(asOf: asOf)))）",
                     "due \(day(item.dueDate)) (\(daysLeft(item.daysLeft(asOf: asOf))))")].joined(separator: " · ")
    }
}

extension Wording {
    /// Column headings of a due-items table (Markdown, HTML).
    var dueColumns: [String] {
        [pick("对象", "Subject"), pick("期间", "Period"), pick("还差", "Still needed"), pick("截止", "Due"),
         pick("还剩天数", "Days left")]
    }

    /// One due item as the cells of a due-items table, in `dueColumns` order.
    func dueCells(_ item: DueItem, asOf: Day) -> [String] {
        [subject(item.subject), period(item.period), "\(Swift.max(item.expected - item.actual, 0))", day(item.dueDate),
         "\(Swift.max(item.daysLeft(asOf: asOf), 0))"]
    }
}
