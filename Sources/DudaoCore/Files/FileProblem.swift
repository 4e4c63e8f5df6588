#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    public enum Kind: String, Equatable, Sendable {
        case directory, fifo, characterDevice, blockDevice, socket, other

        /// The kind of a non-regular file from `st_mode`; nil for a regular file.
        init?(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: return nil
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            default: self = .other
            }
        }

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
