import Foundation

/// Why `dudao init` wrote no template (exit 2). Nothing that was there before is touched, and
/// what the failed run had already made is removed again.
public enum TemplateError: Error, Equatable {
    /// The target folder already holds something: `entries` are its first few names.
    case notEmpty(path: String, entries: [String], count: Int)
    /// The target is a file, not a folder.
    case notAFolder(path: String)
    /// The folder (or a file in it) could not be made; `errno` is the system's reason.
    case cannotWrite(path: String, errno: Int32)
    /// The workbook could not be built or written.
    case workbook(path: String, detail: String)

    public func message(english: Bool) -> String {
        switch self {
        case .notEmpty(let path, let entries, let count):
            let shown = entries.joined(separator: english ? ", " : "、") + (count > entries.count ? (english ? ", …" : " 等") : "")
            return english
                ? "\(path) is not empty (it holds \(shown)); dudao init never overwrites anything: name a new or empty folder, e.g. dudao init \(Self.sibling(path, english: true))"
                : "\(path) 不是空文件夹（已有 \(shown)，共 \(count) 项）；dudao init 不会覆盖任何文件：请指定一个新的或空的文件夹，如 dudao init \(Self.sibling(path, english: false))"
        case .notAFolder(let path):
            return english ? "\(path) is a file, not a folder; name a new or empty folder for the template"
                : "\(path) 是文件而不是文件夹；请为模板指定一个新的或空的文件夹"
        case .cannotWrite(let path, let code) where code == EEXIST:
            return english ? "\(path) appeared while the template was written; it was left as it is"
                : "\(path) 在生成模板时出现，未覆盖"
        case .cannotWrite(let path, let code):
            return english ? "\(path): cannot write the template: \(OutputError.reason(code, english: true))"
                : "\(path)：无法写入模板：\(OutputError.reason(code, english: false))"
        case .workbook(let path, let detail):
            return english ? "\(path): cannot write the workbook: \(detail)" : "\(path)：无法写入工作簿：\(detail)"
        }
    }

    /// A folder name beside `path` to suggest: `台账` → `台账-模板`.
    private static func sibling(_ path: String, english: Bool) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed + (english ? "-template" : "-模板")
    }
}
