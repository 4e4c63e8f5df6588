#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a report was not written (exit 2). In every case an earlier report at the same path is
/// left as it was.
public enum OutputError: Error, Equatable, Sendable {
    /// The output names a folder.
    case isDirectory(path: String)
    /// The output is an existing file nobody may write.
    case readOnly(path: String)
    /// The output is the same file (device and inode) as `input`, which the run reads.
    case isInput(path: String, input: String)
    /// The folder the output would go in does not exist.
    case missingFolder(path: String, folder: String)
    /// The disk (or quota) filled up while writing.
    case noSpace(path: String)
    /// Any other failure of the system, by `errno`.
    case failed(path: String, errno: Int32)

    /// The message, whole in one language.
    public func message(english: Bool) -> String {
        switch self {
        case .isDirectory(let path):
            english ? "\(path) is a folder; --output needs a file name"
                : "\(path) 是文件夹；--output 应为文件名"
        case .readOnly(let path):
            english ? "\(path) is a read-only file; it was left as it is"
                : "\(path) 是只读文件，未覆盖"
        case .isInput(let path, let input):
            english ? "\(path) is an input of this run (\(input)); writing the report there would destroy it"
                : "\(path) 是本次运行读取的输入文件（\(input)），把报告写在这里会毁掉它"
        case .missingFolder(let path, let folder):
            english ? "\(path): the folder \(folder) does not exist" : "\(path)：文件夹 \(folder) 不存在"
        case .noSpace(let path):
            english ? "\(path): no space left on the device; the report was not written"
                : "\(path)：磁盘空间不足（no space left），报告没有写入"
        case .failed(let path, let code):
            english ? "\(path): cannot write the report: \(Self.reason(code, english: true))"
                : "\(path)：无法写入报告：\(Self.reason(code, english: false))"
        }
    }

    /// The errors a person can act on in their words; others in the system's.
    static func reason(_ code: Int32, english: Bool) -> String {
        switch code {
        case EACCES, EPERM: english ? "permission denied" : "没有写入权限"
        case EROFS: english ? "read-only file system" : "只读文件系统"
        case EPIPE: english ? "the reader closed the pipe" : "读取端已关闭管道"
        case ELOOP: english ? "too many symbolic links" : "符号链接层数过多"
        case ENOTDIR: english ? "a part of the path is not a folder" : "路径中有一部分不是文件夹"
        case ENXIO: english ? "no reader on the other end" : "另一端没有读取者"
        case EIO: english ? "input/output error" : "输入输出错误"
        default: (english ? "system error " : "系统错误 ") + "\(code) (\(String(cString: strerror(code))))"
        }
    }

    /// The error for a failed system call on `path`.
    static func from(errno code: Int32, path: String) -> OutputError {
        code == ENOSPC || code == EDQUOT ? .noSpace(path: path) : .failed(path: path, errno: code)
    }
}
