import DudaoCore
import Foundation

/// The commented `dataset.yaml` that `dudao init` writes: what the file is for, an example
/// built from the pack's own tables and columns, and every table with its columns. All of it is
/// comments, except the `sheet:` of a table whose workbook sheet could not be named by the
/// table (a title Excel refuses as a sheet name), so the template reads back as it was written.
struct ManifestTemplate {
    let pack: Pack
    let words: Wording
    /// Sheets named otherwise than the table's name or title, by table name.
    let renamedSheets: [(table: String, sheet: String)]

    var text: String {
        var lines = [
            words.pick("# dataset.yaml：本文件夹的台账对规则包的表、列和取值的本地叫法（可选）。",
                       "# dataset.yaml: what this folder's ledgers call the pack's tables, columns and values (optional)."),
            words.pick("# 台账的表头或取值与规则包不同时，去掉相应行首的“# ”并改成实际的写法；",
                       "# Where a ledger's headers or values differ from the pack's, remove the leading \"# \" of the"),
            words.pick("# 全为注释时不起作用。dudao lint 可检查本文件；详见 dudao 文档 docs/intake.md。",
                       "# lines you need and write the local words. As comments it changes nothing. `dudao lint` checks it; see docs/intake.md."),
            "#",
            words.pick("# 例：", "# For example:"),
        ]
        lines += example.map { "# " + $0 }
        lines += ["#", words.pick("# 各表的名称和列：", "# The tables and their columns:")]
        for t in pack.tables {
            lines.append("# \(t.name)（\(t.title)）：" + t.columns.map(\.name).joined(separator: words.pick("、", ", ")))
        }
        if !renamedSheets.isEmpty {
            lines += ["", words.pick("# 以下各表的工作表不能以表名命名（dudao init 写入，请保留）：",
                                     "# These tables' sheets could not be named after the table (written by dudao init; keep them):")]
            lines.append("tables:")
            for r in renamedSheets { lines += ["  \(r.table):", "    sheet: \(Self.scalar(r.sheet))"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An example entry for the first table with a drop-down column (else the first table).
    private var example: [String] {
        guard let t = pack.tables.first(where: { $0.columns.contains { !TemplateGuide.choices($0).isEmpty } }) ?? pack.tables.first else {
            return []
        }
        let stem = t.file.split(separator: ".").first.map(String.init) ?? t.name
        var lines = [
            "tables:",
            "  \(t.name):                      # \(t.title)",
            "    files: [\(Self.scalar(stem + "/*.xlsx"))]" + words.pick("      # 这个表的文件（相对本文件夹，可用通配符）", "      # the table's files (relative to this folder, globs allowed)"),
            "    sheet: \(Self.scalar(t.title))" + words.pick("          # 工作簿中要读的工作表", "          # the sheet to read in a workbook"),
        ]
        if let c = t.columns.first {
            lines += ["    columns:" + words.pick("                 # 本地表头: 规则包的列", "                 # local header: the pack's column"),
                      "      " + Self.scalar(words.pick("本地表头", "local header")) + ": " + Self.scalar(c.name)]
        }
        if let c = t.columns.first(where: { !TemplateGuide.choices($0).isEmpty }), let value = TemplateGuide.choices(c).first {
            lines += ["    values:" + words.pick("                  # 规则包的列: {本地取值: 规则包的取值}", "                  # the pack's column: {local value: the pack's value}"),
                      "      \(Self.scalar(c.name)): {\(Self.scalar(words.pick("本地取值", "local value"))): \(Self.scalar(value))}"]
        }
        return lines
    }

    /// `text` as a YAML scalar: plain when that reads back the same, else double-quoted.
    static func scalar(_ text: String) -> String {
        let special = Set(":#{}[],&*!|>'\"%@`?-\\")
        let plain = !text.isEmpty && text.trimmingCharacters(in: .whitespaces) == text
            && !text.contains { special.contains($0) || $0.isNewline }
            && !["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased())
        guard !plain else { return text }
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}
