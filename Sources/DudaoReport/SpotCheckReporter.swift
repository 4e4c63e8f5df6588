import DudaoCore

/// Renders a `SpotCheck` (`dudao sample`): a list a 督导检查组 member can take to each office,
/// as text, Markdown, CSV (for Excel) or JSON.
public enum SpotCheckReporter {
    /// The formats a spot-check list comes in.
    public static let formats: [ReportFormat] = [.text, .json, .markdown, .csv]

    public static func render(_ check: SpotCheck, format: ReportFormat, language: ReportLanguage) -> String {
        switch format {
        case .json: json(check).serialized()
        case .markdown: markdown(check, language)
        case .csv: csv(check, language)
        default: text(check, language)
        }
    }

    private static func pick(_ zh: String, _ en: String, _ language: ReportLanguage) -> String { language == .zh ? zh : en }

    private static func heading(_ check: SpotCheck, _ language: ReportLanguage) -> [String] {
        let date = check.asOf.written(in: language)
        return [
            pick("不定期抽查清单：截至\(date)的台账记录，每所随机抽取 \(check.perOffice) 条",
                 "Spot-check list: ledger records up to \(date), \(check.perOffice) drawn at random per office", language),
            pick("随机种子 \(check.seed)（用 --seed \(check.seed) 可得到同一份清单）；台账：\(check.tables.joined(separator: "、"))",
                 "Seed \(check.seed) (--seed \(check.seed) gives the same list); ledgers: \(check.tables.joined(separator: ", "))", language),
        ]
    }

    private static func office(_ o: SpotCheck.Office, _ language: ReportLanguage) -> String {
        guard let id = o.id else { return pick("未能归属到法律服务所的记录", "Records of no known office", language) }
        guard let name = o.name, !name.isEmpty else { return id }
        return pick("\(name)（\(id)）", "\(name) (\(id))", language)
    }

    private static func drawn(_ o: SpotCheck.Office, _ language: ReportLanguage) -> String {
        pick("共 \(o.population) 条，抽 \(o.records.count) 条", "\(o.records.count) of \(o.population)", language)
    }

    private static func place(_ r: SpotCheck.Record, _ language: ReportLanguage) -> String {
        pick("\(r.file) 第\(r.line)行", "\(r.file) line \(r.line)", language)
    }

    /// The row's other cells, as `column value`, leaving out empty ones.
    private static func cells(_ r: SpotCheck.Record, _ language: ReportLanguage) -> String {
        zip(r.columns, r.values).filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }.joined(separator: pick("；", "; ", language))
    }

    private static func text(_ check: SpotCheck, _ language: ReportLanguage) -> String {
        var lines = heading(check, language)
        for o in check.offices {
            lines += ["", "■ " + office(o, language).singleLine + pick("：", ": ", language) + drawn(o, language)]
            for r in o.records {
                let id = r.id.map { " \($0)" } ?? ""
                lines.append("    - " + "\(place(r, language))\(id) · \(r.date.written(in: language)) · \(cells(r, language))".singleLine)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ check: SpotCheck, _ language: ReportLanguage) -> String {
        var lines = ["# " + pick("不定期抽查清单", "Spot-check list", language), ""] + heading(check, language).map { MarkdownReporter.escaped($0) + "  " }
        let columns = [pick("位置", "Place", language), pick("编号", "Id", language), pick("日期", "Date", language), pick("内容", "Cells", language)]
        for o in check.offices {
            lines += ["", "## " + MarkdownReporter.escaped(office(o, language)), "", drawn(o, language)]
            guard !o.records.isEmpty else { continue }
            lines += ["", "| " + columns.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: columns.count)]
            for r in o.records {
                let row = [place(r, language), r.id ?? "", r.date.written(in: language), cells(r, language)].map(MarkdownReporter.escaped)
                lines.append("| " + row.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per record; the cells of every sampled ledger's columns, in order of first appearance.
    private static func csv(_ check: SpotCheck, _ language: ReportLanguage) -> String {
        var names: [String] = []
        for o in check.offices { for r in o.records { for c in r.columns where !names.contains(c) { names.append(c) } } }
        let fixed = language == .zh ? ["所编号", "所名称", "文件", "行", "编号", "日期"] : ["office", "office name", "file", "line", "id", "date"]
        var lines = [(fixed + names.map { pick("台账：", "ledger: ", language) + $0 }).map(CSVReporter.quoted).joined(separator: ",")]
        for o in check.offices {
            for r in o.records {
                let values = names.map { name in r.columns.firstIndex(of: name).map { r.values[$0] } ?? "" }
                let row = [o.id ?? "", o.name ?? "", r.file, String(r.line), r.id ?? "", r.date.iso] + values
                lines.append(row.map { CSVReporter.quoted($0) }.joined(separator: ","))
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
