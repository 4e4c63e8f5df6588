#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file the user named only when it is a regular file of bounded size. A FIFO, a
/// device or a directory where a file belongs is refused at once: the file is opened
/// non-blocking and checked with `fstat` before a byte is read, so a FIFO with no writer
/// cannot hang the run and `/dev/zero` cannot fill memory.
enum RegularFile {
    static func contents(of path: String, limit: Int) throws(FileProblem) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .missing
            // A socket cannot be opened at all.
            case ENXIO: throw .notAFile(kind: .socket)
            default: throw .unreadable(code: code)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(code: errno) }
        if let kind = FileKind(mode: info.st_mode) { throw .notAFile(kind: kind) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        // Read to the end rather than `size` bytes: the file may change while it is read,
        // and it must still stay within the bound.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
        }
    }
}
