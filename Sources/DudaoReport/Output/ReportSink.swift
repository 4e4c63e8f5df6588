#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of a report on their way to a file descriptor. Reporters write into it without
/// checking; the first failure is kept and every later write is skipped, so a full disk stops
/// the report at once and the writer that owns the sink reports why.
public final class ReportSink {
    private let fd: Int32
    /// `errno` of the first failed write, if any.
    public private(set) var failure: Int32?
    public private(set) var bytesWritten = 0

    init(fd: Int32) { self.fd = fd }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            done += n
        }
        bytesWritten += done
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// The C `write`, out of reach of the method of the same name.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
