import DudaoCore
import DudaoGenerate
import DudaoReport

/// Why a command could not run: always exit 2, with a message whole in the command's language.
enum CommandFailure: Error {
    /// An argument is wrong (a value, an unknown rule, table or office); the message is already
    /// in the command's language, and the command's usage line follows it.
    case usage(String)
    /// The pack, the data or a parameter stopped the run.
    case run(RunError)
    /// A pack folder or file could not be read.
    case pack(Diagnostic)
    /// The output was refused or could not be written.
    case output(OutputError)
    /// `generate --out` names a folder that already holds files, and `--force` was not given.
    case folderNotEmpty(path: String)
    /// The generator could not write the dataset.
    case generate(GeneratorError)
    /// `init` could not write the template.
    case template(TemplateError)
    /// `serve` or `users` could not open the store or do what was asked; the message is
    /// already in the command's language.
    case server(String)
    /// dudao itself failed at something that does not depend on the input (a bug); the message
    /// is already in the command's language.
    case `internal`(String)

    func message(english: Bool) -> String {
        switch self {
        case .usage(let text): text
        case .run(let error): error.message(english: english)
        case .pack(let diagnostic): diagnostic.rendered(english: english)
        case .output(let error): error.message(english: english)
        case .folderNotEmpty(let path):
            english ? "\(path) is not empty; give --force to write the dataset into it anyway"
                : "\(path) 不是空文件夹；确要写入请加 --force"
        case .generate(let error): Self.message(error, english: english)
        case .template(let error): error.message(english: english)
        case .server(let text), .internal(let text): text
        }
    }

    /// Whether the command's usage line helps: the user typed something the command does not take.
    var showsUsage: Bool {
        switch self {
        case .usage, .run(.unknownParameter), .run(.badParameter), .run(.unknownOffice): true
        default: false
        }
    }

    private static func message(_ error: GeneratorError, english: Bool) -> String {
        switch error {
        case .invalidOptions(let reason): english ? "invalid options: \(reason)" : "选项无效：\(reason)"
        case .cannotCreateDirectory(let path): english ? "cannot create the folder \(path)" : "无法创建文件夹 \(path)"
        case .cannotWrite(let file, let code): OutputError.failed(path: file, errno: code).message(english: english)
        case .cannotConvert(let file, let detail): english ? "cannot write \(file) as a workbook: \(detail)" : "无法把 \(file) 写成工作簿：\(detail)"
        }
    }
}
