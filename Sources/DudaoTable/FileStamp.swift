#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file's `fstat` says about its contents: size and modification time. Two stamps of
/// an open file differ when it was written to or cut short in between.
struct FileStamp: Equatable {
    let size: Int64
    let seconds: Int64
    let nanoseconds: Int64

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = Int64(info.st_mtimespec.tv_sec)
        nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int64(info.st_mtim.tv_sec)
        nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// The stamp of the file open on `descriptor` now; nil when `fstat` fails.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }
}
