/// Why a table file could not be loaded or read. Callers stop the run on any of these (exit 2).
public enum TableFileError: Error, Equatable, Sendable {
    /// No file at the path.
    case notFound(file: String)
    /// The file exists but could not be opened, mapped or read; `errno` is the system's reason.
    case unreadable(file: String, errno: Int32)
    /// The path names something other than a regular file (a FIFO, a directory, a device),
    /// which is never read: a FIFO could block forever, a device never end.
    case notRegularFile(file: String, kind: FileKind)
    /// The path resolves (after symlinks) to `resolved`, which is not inside `folder`.
    case outsideFolder(file: String, resolved: String, folder: String)
    /// The bytes are neither strict UTF-8 nor GB18030; `line` and `column` (1-based, the column
    /// in characters) are where the first byte that is not UTF-8 stands.
    case undecodable(file: String, line: Int, column: Int)
    /// The file was cut short or written to while it was being read.
    case changedWhileRead(file: String)

    /// What a path names, when it is not a regular file.
    public typealias FileKind = DudaoTable.FileKind

    public func message(english: Bool) -> String {
        switch self {
        case .notFound(let file):
            return english ? "\(file): file not found" : "\(file)：找不到文件"
        case .unreadable(let file, let errno):
            return english ? "\(file): cannot read file (errno \(errno))" : "\(file)：无法读取文件（errno \(errno)）"
        case .notRegularFile(let file, let kind):
            return english ? "\(file): is \(kind.english), not a regular file; only regular files are read"
                : "\(file)：是\(kind.chinese)，不是普通文件；只读取普通文件"
        case .outsideFolder(let file, let resolved, let folder):
            return english ? "\(file): resolves to \(resolved), outside the data folder \(folder); tables are read only from inside it"
                : "\(file)：实际指向 \(resolved)，在数据文件夹 \(folder) 之外；只读取数据文件夹内的表格"
        case .undecodable(let file, let line, let column):
            return english ? "\(file):\(line):\(column): neither UTF-8 nor GB18030 text; save the file as UTF-8 or GB18030 (GBK) CSV"
                : "\(file):\(line):\(column): 既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8 或 GB18030（GBK）编码的 CSV"
        case .changedWhileRead(let file):
            return english ? "\(file): the file changed while being read; run again once nothing writes to it"
                : "\(file)：文件在读取期间被修改或截短；请在没有程序写入它时重新运行"
        }
    }
}

extension TableFileError.FileKind {
    var english: String {
        switch self {
        case .directory: "a directory"
        case .fifo: "a FIFO (named pipe)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "a special file"
        }
    }

    var chinese: String {
        switch self {
        case .directory: "文件夹"
        case .fifo: "命名管道（FIFO）"
        case .characterDevice: "字符设备"
        case .blockDevice: "块设备"
        case .socket: "套接字"
        case .other: "特殊文件"
        }
    }
}
