/// Why a run could not start or finish (exit code 2): bad arguments, a bad pack, bad data files.
public enum RunError: Error, Equatable, Sendable {
    case pack([Diagnostic])
    case unknownParameter(name: String, known: [String])
    case badParameter(name: String, value: String, expected: String)
    case missingFile(path: String, table: String, columns: [String])
    case missingColumns(file: String, missing: [String], expected: [String])
    case unreadableFile(file: String, detail: String)
    /// The report could not be written (`--output` in a missing folder, a full disk, a closed pipe).
    case unwritableFile(file: String)
    case undecodable(file: String)
    /// A table file that is not a regular file inside the data folder, is not text, or
    /// changed while it was read.
    case tableFile(TableFileError)
    case malformedCSV(file: String, line: Int, column: Int, detail: String)
    /// Every mistake in the exemptions file (or why it could not be read).
    case badExemptions([ExemptionProblem])
    case invalidPeriod(name: String, detail: String)
    /// A table of a data folder that could not be found or read (INTAKE).
    case intake(IntakeError)
    /// `--office` names no office of the roster (a typo would otherwise look like a clean office).
    case unknownOffice(id: String, hint: IDSuggestion)
    /// `--baseline` names a file that is not an earlier result of this pack.
    case badBaseline(file: String, problem: BaselineProblem)

    public func message(english: Bool) -> String {
        switch self {
        case .pack(let ds):
            return ds.map { $0.rendered(english: english) }.joined(separator: "\n")
        case .unknownParameter(let name, let known):
            let hint = suggestion(for: name, among: known).map { english ? "; did you mean '\($0)'?" : "；是否应为“\($0)”？" } ?? ""
            return english ? "unknown parameter '\(name)' (known: \(known.joined(separator: ", ")))\(hint)"
                : "未知参数“\(name)”（可用参数：\(known.joined(separator: "、"))）\(hint)"
        case .badParameter(let name, let value, let expected):
            return english ? "parameter \(name): '\(value)' is not valid, expected \(PackWording.english(expected))"
                : "参数 \(name) 的取值“\(value)”无效，应为 \(expected)"
        case .missingFile(let path, let table, let columns):
            return english ? "\(path): file not found (table '\(table)', columns: \(columns.map { "'\($0)'" }.joined(separator: ", ")))"
                : "\(path)：找不到文件（\(table)，应有列：\(columns.joined(separator: "、"))）"
        case .missingColumns(let file, let missing, let expected):
            return english ? "\(file):1:1: missing column(s) \(missing.map { "'\($0)'" }.joined(separator: ", ")); expected columns: \(expected.map { "'\($0)'" }.joined(separator: ", "))"
                : "\(file):1:1: 缺少列 \(missing.joined(separator: "、"))；应有列：\(expected.joined(separator: "、"))"
        case .unreadableFile(let file, let detail):
            return english ? "\(file): cannot read: \(detail)" : "\(file)：无法读取：\(detail)"
        case .unwritableFile(let file):
            return english ? "\(file): cannot write the report there" : "\(file)：无法写入报告"
        case .undecodable(let file):
            return english ? "\(file):1:1: neither UTF-8 nor GB18030 text; save the file as UTF-8 or GB18030 (GBK) CSV"
                : "\(file):1:1: 既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8 或 GB18030（GBK）编码的 CSV"
        case .tableFile(let e):
            return e.message(english: english)
        case .intake(let e):
            return e.message(english: english)
        case .malformedCSV(let file, let line, let column, let detail):
            return "\(file):\(line):\(column): \(detail)"
        case .badExemptions(let problems):
            return problems.map { $0.rendered(english: english) }.joined(separator: "\n")
        case .unknownOffice(let id, let hint):
            return (english ? "--office \(id) names no office in the roster" : "--office \(id) 不在法律服务所名册中")
                + hint.hint(english: english)
        case .badBaseline(let file, let problem):
            return problem.message(file: file, english: english)
        case .invalidPeriod(let name, let detail):
            return english ? "period \(name): \(PackWording.english(detail))" : "期间 \(name)：\(detail)"
        }
    }

    /// A CSV file that cannot be split into rows, at the place the scanner stopped.
    static func malformedCSV(_ e: CSVError, file: String, english: Bool) -> RunError {
        switch e {
        case .unterminatedQuote(let line, let column):
            .malformedCSV(file: file, line: line, column: column,
                          detail: english ? "quoted field is never closed (expected a closing \")" : "引号内的字段没有结束（缺少右引号 \"）")
        case .tooManyFields(let line, let limit):
            .malformedCSV(file: file, line: line, column: 1,
                          detail: english ? "row has more than \(limit) fields; is this the table's file?"
                              : "该行超过 \(limit) 个字段；请确认这是该表的文件")
        case .duplicateColumn(let name, let line, let first, let second):
            .malformedCSV(file: file, line: line, column: 1,
                          detail: english ? "columns \(first) and \(second) are both named '\(name)'; each column needs its own name"
                              : "第\(first)列和第\(second)列的列名都是“\(name)”；每列须有不同的列名")
        }
    }
}
