#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a report's temporary file when SIGINT or SIGTERM ends the process while it is
/// written, so Ctrl-C leaves the earlier report and no half-written file behind.
///
/// A signal handler may only call async-signal-safe functions and read memory that is ready
/// before the signal can arrive: the path lives in one buffer allocated once and filled before
/// `armed` is set, and the handler only calls `unlink`, `signal` and `raise`. One report is
/// written at a time, so one buffer is enough.
enum TemporaryFileGuard {
    private nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    private nonisolated(unsafe) static var armed: sig_atomic_t = 0
    private nonisolated(unsafe) static var previous: [Int32: sighandler_t?] = [:]
    private static let signals = [SIGINT, SIGTERM]

    /// Until `disarm`, SIGINT and SIGTERM delete `file` before ending the process as they would have.
    static func arm(_ file: String) {
        let bytes = Array(file.utf8CString.prefix(Int(PATH_MAX)))
        for (i, c) in bytes.enumerated() { path[i] = c }
        path[bytes.count] = 0
        armed = 1
        for s in signals {
            previous[s] = signal(s) { sig in
                if TemporaryFileGuard.armed != 0 { unlink(TemporaryFileGuard.path) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// The file is gone or in place: signals act as before.
    static func disarm() {
        armed = 0
        for s in signals { signal(s, previous[s] ?? SIG_DFL) }
    }
}
