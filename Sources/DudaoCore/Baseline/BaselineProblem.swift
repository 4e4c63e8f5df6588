/// Why `--baseline FILE` cannot be compared with (exit 2).
public enum BaselineProblem: Error, Equatable, Sendable {
    /// The file could not be read.
    case file(FileProblem)
    /// Not JSON at all.
    case notJSON
    /// JSON, but not a dudao result: what is missing or wrong.
    case notAResult(detail: String)
    /// A result of another pack.
    case otherPack(found: String, expected: String)
    /// A result whose fingerprints mean something else (another `schemaVersion`).
    case otherVersion(found: Int, expected: Int)

    public func message(file: String, english: Bool) -> String {
        let need = english ? "--baseline takes the output of an earlier dudao audit or check --format json"
            : "--baseline 需要先前 dudao audit 或 check --format json 的输出"
        switch self {
        case .file(let p):
            return english ? "\(file): cannot read the baseline: \(p.message(english: true))"
                : "\(file)：无法读取基线：\(p.message(english: false))"
        case .notJSON:
            return english ? "\(file): the baseline is not JSON; \(need)" : "\(file)：基线不是 JSON 文件；\(need)"
        case .notAResult(let detail):
            return english ? "\(file): the baseline is not a dudao result (\(detail)); \(need)"
                : "\(file)：基线不是 dudao 的检查结果（\(detail)）；\(need)"
        case .otherPack(let found, let expected):
            return english ? "\(file): the baseline was made with the pack '\(found)', this run uses '\(expected)'; a baseline must come from the same pack"
                : "\(file)：基线由规则包“\(found)”生成，本次运行的是“\(expected)”；只能与同一规则包的结果比较"
        case .otherVersion(let found, let expected):
            return english ? "\(file): the baseline has schemaVersion \(found), whose fingerprints differ from this version's (\(expected)); run this dudao on the earlier data and as-of date to make the baseline again"
                : "\(file)：基线的 schemaVersion 为 \(found)，其指纹与本版（\(expected)）不同；请用本版 dudao 以上次的数据和截止日期重新生成基线"
        }
    }
}
