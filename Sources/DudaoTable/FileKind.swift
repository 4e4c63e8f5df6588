#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path that should be a regular file is instead: the one reading of `st_mode` for
/// every file dudao is handed (tables, pack files, exemptions).
public enum FileKind: String, Sendable, Equatable {
    case directory, fifo, characterDevice, blockDevice, socket, other

    /// The kind of a non-regular file from `st_mode`; nil for a regular file.
    public init?(mode: mode_t) {
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
}
