#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DudaoTable

/// Why a path given as a file (a pack file, an exemptions file) could not be read.
public enum FileProblem: Error, Equatable, Sendable {
    case missing
    /// The path names something that is not a regular file.
    case notAFile(kind: Kind)
    /// Larger than the bound for this kind of file (both in bytes).
    case tooLarge(bytes: Int, limit: Int)
    /// The system refused to open or read it (`errno`).
    case unreadable(code: Int32)

    /// What a path that is not a regular file is instead.
    public typealias Kind = FileKind

    public func message(english: Bool) -> String {
        switch self {
        case .missing:
            english ? "file not found" : "找不到文件"
        case .notAFile(let kind):
            english ? "is \(kind.name(english: true)), not a regular file" : "是\(kind.name(english: false))，不是普通文件"
        case .tooLarge(let bytes, let limit):
            english ? "file of \(bytes) bytes is larger than the \(limit) bytes allowed"
                : "文件大小 \(bytes) 字节，超过上限 \(limit) 字节"
        case .unreadable(let code):
            english ? "cannot read: \(String(cString: strerror(code)))" : "无法读取：\(String(cString: strerror(code)))"
        }
    }
}

private extension FileKind {
    func name(english: Bool) -> String {
        switch self {
        case .directory: english ? "a directory" : "目录"
        case .fifo: english ? "a named pipe (FIFO)" : "命名管道（FIFO）"
        case .characterDevice, .blockDevice: english ? "a device" : "设备文件"
        case .socket: english ? "a socket" : "套接字"
        case .other: english ? "not a regular file" : "非普通文件"
        }
    }
}
