#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip archive open for reading: its entries, and each entry's bytes inflated from exactly
/// its own compressed data (`ZipDirectory`, `ZipInflater`), so a damaged archive is an error
/// and never a read past an entry or a loop at the end of the file. The workbook reader and
/// the server's zip uploads both read through it. The file stays open while this lives.
/// Threads may share one: what it holds is fixed when it opens, and entries are read with
/// `pread` at their own offsets.
public final class ZipFile: @unchecked Sendable {
    /// Why a file could not be opened as a zip.
    public enum OpenError: Error, Equatable {
        /// `open` failed with this `errno`.
        case unreadable(errno: Int32)
        /// Not a regular file, or not a zip; `compoundFile` when it is an OLE compound file
        /// (a legacy Office document or an encrypted workbook).
        case notZip(compoundFile: Bool, detail: String)
    }

    public let entries: [ZipDirectory.Entry]
    private let descriptor: Int32
    private let directory: ZipDirectory

    public init(path: String) throws(OpenError) {
        // Non-blocking, so that a FIFO in a file's place cannot stall the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(errno: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notZip(compoundFile: false, detail: "not a regular file")
        }
        let magic = (try? ZipDirectory.read(fd, at: 0, count: 4)) ?? []
        do throws(ZipDirectory.Problem) {
            guard magic.count == 4, magic[0] == UInt8(ascii: "P"), magic[1] == UInt8(ascii: "K") else {
                throw ZipDirectory.Problem(detail: "no zip signature")
            }
            directory = try ZipDirectory(descriptor: fd)
        } catch {
            close(fd)
            throw .notZip(compoundFile: magic == [0xD0, 0xCF, 0x11, 0xE0], detail: error.detail)
        }
        descriptor = fd
        entries = directory.entries
    }

    deinit {
        close(descriptor)
    }

    /// Hands `body` the bytes of `entry` a chunk of at most `chunkSize` at a time. A damaged
    /// entry throws `ZipDirectory.Problem`; what `body` throws comes out as it is.
    public func stream(_ entry: ZipDirectory.Entry, chunkSize: Int = 256 << 10,
                       _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let offset = try directory.dataOffset(of: entry, descriptor: descriptor)
        try ZipInflater(descriptor: descriptor, chunkSize: chunkSize).stream(entry, at: offset, body)
    }
}
