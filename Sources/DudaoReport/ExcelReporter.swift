import DudaoCore
import DudaoXLSX
import Foundation

/// `--format xlsx` (REPORTS section 4): a workbook a supervision team sorts, filters and hands
/// to each office — 汇总 (one row per office), 问题清单 (one row per finding, and with a
/// baseline the resolved ones), 待办 (due items with days left and remedy) and 统计 (the
/// pack's statistics, one block each). The same for `audit` and `check`.
///
/// Counts, amounts and line numbers are number cells and dates are date cells; texts are kept
/// from running as formulas (`FormulaGuard`); list sheets have a frozen header, an auto-filter
/// and columns sized to their content. English sheet and column names with `--lang en`.
public enum ExcelReporter: Reporter {
    /// The workbook's bytes go to the sink; a workbook has no text form.
    public static func write(_ result: AuditResult, options: ReportOptions, to sink: ReportSink) {
        write(workbook(result, options: options), to: sink)
    }

    /// The sheets as tab-separated text, one block per sheet: what the workbook holds, for a
    /// caller that can only take text.
    public static func render(_ result: AuditResult, options: ReportOptions) -> String {
        text(workbook(result, options: options))
    }

    /// The workbook of an audit or check result.
    public static func workbook(_ result: AuditResult, options: ReportOptions) -> XLSXWriter {
        let words = Wording(language: options.language)
        let sheets = [summary(result, options, words), findings(result, words), due(result, words),
                      statisticsSheet(result.statistics, words)]
        return XLSXWriter(sheets: sheets)
    }

    /// The workbook of `dudao stats`: the 统计 sheet alone.
    public static func statisticsWorkbook(_ result: AuditResult, options: ReportOptions) -> XLSXWriter {
        XLSXWriter(sheets: [statisticsSheet(result.statistics, Wording(language: options.language))])
    }

    /// Writes `workbook`'s bytes; sheet names here are fixed and valid, so building cannot fail.
    static func write(_ workbook: XLSXWriter, to sink: ReportSink) {
        guard let data = try? workbook.data() else { return }
        data.withUnsafeBytes { sink.write($0) }
    }

    static func text(_ workbook: XLSXWriter) -> String {
        workbook.sheets.map { sheet in
            "# \(sheet.name)\n" + sheet.rows.map { row in
                row.map { cell -> String in
                    switch cell {
                    case .empty: ""
                    case .text(let t): t.singleLine
                    case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
                    case .date(let d): d.iso
                    }
                }.joined(separator: "\t")
            }.map { $0 + "\n" }.joined()
        }.joined(separator: "\n")
    }

    // MARK: sheets

    /// One row per office (and 未归属 when findings have no office), a total, then what the
    /// report is of: title, dates, and the run record when there is one.
    private static func summary(_ result: AuditResult, _ options: ReportOptions, _ words: Wording) -> XLSXWriter.Sheet {
        let baseline = result.baseline
        var header = [words.pick("所编号", "Office"), words.pick("所名称", "Name"), words.pick("错误", "Errors"),
                      words.pick("警告", "Warnings"), words.pick("提示", "Info"), words.pick("已豁免", "Waived"),
                      words.pick("待办", "Due")]
        if baseline != nil { header += [words.change(.new), words.change(.persisting), words.change(.resolved)] }
        var rows: [[XLSXWriter.Cell]] = [header.map { .text($0) }]
        let outline = ReportOutline(result)
        let changes = baseline?.tally(result)
        func counts(_ tally: ReportOutline.Tally, office: String?, total: Bool) -> [XLSXWriter.Cell] {
            var cells = tally.columns.map { XLSXWriter.Cell.number(Double($0)) }
            if let changes {
                let c = total ? changes.total : changes.office(office)
                cells += [c.new, c.persisting, c.resolved].map { .number(Double($0)) }
            }
            return cells
        }
        for section in outline.sections {
            let id: XLSXWriter.Cell = .text(section.officeID ?? words.unattributed)
            rows.append([id, section.officeName.map { .text($0) } ?? .empty] + counts(section.tally, office: section.officeID, total: false))
        }
        rows.append([.text(words.pick("合计", "Total")), .empty] + counts(outline.total, office: nil, total: true))
        rows.append([])
        rows.append([.text(words.pick("报告", "Report")), .text(words.reportTitle(result))])
        rows.append([.text(words.pick("截至", "As of")), .date(result.asOf)])
        if let check = result.checkDate, check != result.asOf { rows.append([.text(words.pick("检查日", "Check date")), .date(check)]) }
        if let run = options.run {
            for item in words.runItems(result, run) where item.label != words.pick("截至", "as of") {
                rows.append([.text(item.label), .text(item.value)])
            }
        }
        var sheet = XLSXWriter.Sheet(name: words.pick("汇总", "Summary"), rows: rows)
        sheet.frozenRows = 1
        return sheet
    }

    private static func findings(_ result: AuditResult, _ words: Wording) -> XLSXWriter.Sheet {
        let hasBaseline = result.baseline != nil
        var header = [
            words.pick("规则", "Rule"), words.pick("规则名称", "Title"), words.pick("严重程度", "Severity"),
            words.pick("状态", "Status"), words.pick("所", "Office"), words.pick("对象类型", "Subject kind"),
            words.pick("对象编号", "Subject id"), words.pick("对象名称", "Subject name"), words.pick("期间起", "Period start"),
            words.pick("期间止", "Period end"), words.pick("要求", "Expected"), words.pick("实际", "Actual"),
            words.pick("说明", "Message"), words.pick("文件", "File"), words.pick("工作表", "Sheet"), words.pick("行", "Line"),
        ]
        if hasBaseline { header.append(words.pick("变化", "Change")) }
        header += [words.pick("整改办法", "Remedy"), words.pick("豁免理由", "Waiver reason")]
        let remedies = result.remedies
        func row(_ f: Finding) -> [XLSXWriter.Cell] {
            var cells: [XLSXWriter.Cell] = [
                .text(f.rule), .text(f.title), .text(words.severity(f.severity)), .text(words.status(f.status)),
                text(words.list(f.offices)), .text(words.kind(f.subject.kind)), text(f.subject.id), text(f.subject.name),
                f.period.map { .date($0.start) } ?? .empty, f.period.map { .date($0.end) } ?? .empty,
                SheetCell.value(f.expected).xlsxCell, SheetCell.value(f.actual).xlsxCell,
                .text([f.message, words.details(f.details)].compactMap { $0 }.joined(separator: " · ")),
                text(f.subject.file), text(f.subject.sheet), f.subject.line.map { .number(Double($0)) } ?? .empty,
            ]
            if hasBaseline { cells.append(text(f.change.map(words.change))) }
            return cells + [text(remedies[f.rule]), text(f.waiver?.reason)]
        }
        let rows = result.findings.map(row) + (result.baseline?.resolved ?? []).map(row)
        return listSheet(words.pick("问题清单", "Findings"), header: header, rows: rows)
    }

    private static func due(_ result: AuditResult, _ words: Wording) -> XLSXWriter.Sheet {
        let header = [
            words.pick("规则", "Rule"), words.pick("规则名称", "Title"), words.pick("严重程度", "Severity"),
            words.pick("所", "Office"), words.pick("对象类型", "Subject kind"), words.pick("对象编号", "Subject id"),
            words.pick("对象名称", "Subject name"), words.pick("期间起", "Period start"), words.pick("期间止", "Period end"),
            words.pick("要求", "Expected"), words.pick("已有", "Done"), words.pick("还差", "Still needed"),
            words.pick("截止日期", "Due date"), words.pick("还剩天数", "Days left"), words.pick("说明", "Message"),
            words.pick("整改办法", "Remedy"),
        ]
        let remedies = result.remedies, asOf = result.asOf
        let rows = result.due.map { d -> [XLSXWriter.Cell] in
            [
                .text(d.rule), .text(d.title), .text(words.severity(d.severity)), text(words.list(d.offices)),
                .text(words.kind(d.subject.kind)), text(d.subject.id), text(d.subject.name),
                .date(d.period.start), .date(d.period.end), .number(Double(d.expected)), .number(Double(d.actual)),
                .number(Double(max(d.expected - d.actual, 0))), .date(d.dueDate), .number(Double(d.daysLeft(asOf: asOf))),
                .text(d.message), text(remedies[d.rule]),
            ]
        }
        return listSheet(words.pick("待办", "Due"), header: header, rows: rows)
    }

    /// Each statistic as a block: its title and id, its column headings, its rows, a blank row.
    static func statisticsSheet(_ statistics: [StatisticTable], _ words: Wording) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Cell]] = []
        if statistics.isEmpty { rows.append([.text(words.pick("规则包没有声明统计。", "The pack declares no statistics."))]) }
        for (i, s) in statistics.enumerated() {
            if i > 0 { rows.append([]) }
            rows.append([.text(s.title), .text(s.id)])
            rows.append(s.columns.map { .text($0) })
            if s.rows.isEmpty { rows.append([.text(words.pick("（无记录）", "(no records)"))]) }
            for row in s.rows {
                rows.append(row.map { v in
                    switch v {
                    case .text(let t): .text(t)
                    case .count(let n): .number(Double(n))
                    case .amount(let a): SheetCell.amount(a).xlsxCell
                    }
                })
            }
        }
        return XLSXWriter.Sheet(name: words.pick("统计", "Statistics"), rows: rows)
    }

    /// A list with a bold frozen header and an auto-filter.
    private static func listSheet(_ name: String, header: [String], rows: [[XLSXWriter.Cell]]) -> XLSXWriter.Sheet {
        var sheet = XLSXWriter.Sheet(name: name, rows: [header.map { .text($0) }] + rows)
        sheet.frozenRows = 1
        sheet.autoFilter = true
        return sheet
    }

    private static func text(_ text: String?) -> XLSXWriter.Cell {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }
}
