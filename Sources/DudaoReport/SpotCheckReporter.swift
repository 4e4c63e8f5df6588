import DudaoCore

/// Renders a `SpotCheck` (`dudao sample`): a list a 督导检查组 member can take to each office,
/// as text, Markdown, CSV (for Excel) or JSON.
public enum SpotCheckReporter: Reporter {
    /// The formats a spot-check list comes in.
    public static let formats: [ReportFormat] = [.text, .json, .markdown, .csv]

    public static func render(_ check: SpotCheck, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        switch options.format {
        case .json: return json(check).serialized()
        case .markdown: return markdown(check, words)
        case .csv: return csv(check, words)
        default: return text(check, words)
        }
    }

    private static func heading(_ check: SpotCheck, _ words: Wording) -> [String] {
        let date = check.asOf.written(in: words.language)
        return [
            words.pick("不定期抽查清单：截至\(date)的台账记录，每所随机抽取 \(check.perOffice) 条",
                       "Spot-check list: ledger records up to \(date), \(check.perOffice) drawn at random per office"),
            words.pick("随机种子 \(check.seed)（用 --seed \(check.seed) 可得到同一份清单）；台账：\(words.list(check.tables))",
                       "Seed \(check.seed) (--seed \(check.seed) gives the same list); ledgers: \(words.list(check.tables))"),
        ]
    }

    private static func office(_ o: SpotCheck.Office, _ words: Wording) -> String {
        words.office(id: o.id, name: o.name.flatMap { $0.isEmpty ? nil : $0 })
    }

    private static func drawn(_ o: SpotCheck.Office, _ words: Wording) -> String {
        words.pick("共 \(o.population) 条，抽 \(o.records.count) 条", "\(o.records.count) of \(o.population)")
    }

    private static func place(_ r: SpotCheck.Record, _ words: Wording) -> String {
        words.pick("\(r.file) 第\(r.line)行", "\(r.file) line \(r.line)")
    }

    /// The row's other cells, as `column value`, leaving out empty ones.
    private static func cells(_ r: SpotCheck.Record, _ words: Wording) -> String {
        zip(r.columns, r.values).filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }.joined(separator: words.pick("；", "; "))
    }

    private static func text(_ check: SpotCheck, _ words: Wording) -> String {
        var lines = heading(check, words)
        for o in check.offices {
            lines += ["", "■ " + office(o, words).singleLine + words.pick("：", ": ") + drawn(o, words)]
            for r in o.records {
                let id = r.id.map { " \($0)" } ?? ""
                lines.append("    - " + "\(place(r, words))\(id) · \(r.date.written(in: words.language)) · \(cells(r, words))".singleLine)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ check: SpotCheck, _ words: Wording) -> String {
        var lines = ["# " + words.pick("不定期抽查清单", "Spot-check list"), ""] + heading(check, words).map { MarkdownReporter.escaped($0) + "  " }
        let columns = [words.pick("位置", "Place"), words.pick("编号", "Id"), words.pick("日期", "Date"), words.pick("内容", "Cells")]
        for o in check.offices {
            lines += ["", "## " + MarkdownReporter.escaped(office(o, words)), "", drawn(o, words)]
            guard !o.records.isEmpty else { continue }
            lines += ["", "| " + columns.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: columns.count)]
            for r in o.records {
                let row = [place(r, words), r.id ?? "", r.date.written(in: words.language), cells(r, words)].map(MarkdownReporter.escaped)
                lines.append("| " + row.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per record; the cells of every sampled ledger's columns, in order of first appearance.
    private static func csv(_ check: SpotCheck, _ words: Wording) -> String {
        var names: [String] = []
        for o in check.offices { for r in o.records { for c in r.columns where !names.contains(c) { names.append(c) } } }
        let fixed = words.language == .zh ? ["所编号", "所名称", "文件", "行", "编号", "日期"] : ["office", "office name", "file", "line", "id", "date"]
        var lines = [(fixed + names.map { words.pick("台账：", "ledger: ") + $0 }).map { SheetCell.text($0).csvField }.joined(separator: ",")]
        for o in check.offices {
            for r in o.records {
                let values = names.map { name in r.columns.firstIndex(of: name).map { r.values[$0] } ?? "" }
                let row: [SheetCell] = [.text(o.id), .text(o.name), .text(r.file), .integer(r.line), .text(r.id), .date(r.date)]
                    + values.map { .text($0) }
                lines.append(row.map(\.csvField).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func json(_ check: SpotCheck) -> JSONValue {
        .object([
            ("seed", .number(String(check.seed))),
            ("asOf", .string(check.asOf.iso)),
            ("perOffice", .int(check.perOffice)),
            ("tables", .array(check.tables.map { .string($0) })),
            ("offices", .array(check.offices.map { o in
                .object([
                    ("id", o.id.map { .string($0) } ?? .null),
                    ("name", o.name.map { .string($0) } ?? .null),
                    ("population", .int(o.population)),
                    ("records", .array(o.records.map { r in
                        .object([
                            ("table", .string(r.table)), ("file", .string(r.file)), ("line", .int(r.line)),
                            ("id", r.id.map { .string($0) } ?? .null), ("date", .string(r.date.iso)),
                            ("values", .object(zip(r.columns, r.values).map { ($0.0, .string($0.1)) })),
                        ])
                    })),
                ])
            })),
        ])
    }
}
