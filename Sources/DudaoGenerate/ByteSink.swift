#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through one large byte buffer: values are appended as bytes (no `String`
/// per field, no formatter per row) and the buffer goes to the file in multi-megabyte writes.
struct ByteSink: ~Copyable {
    private let fd: Int32
    private let path: String
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var failure: Int32 = 0

    init(path: String, capacity: Int = 1 << 22) throws(GeneratorError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(file: path, errno: errno) }
        self.fd = fd
        self.path = path
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Room for one more row: rows are far shorter than this margin.
    @inline(__always)
    mutating func reserveRow() {
        if count > capacity - 4096 { flush() }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            (buffer + count).update(from: base, count: source.count)
            count &+= source.count
        }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        (buffer + count).update(from: base, count: bytes.count)
        count &+= bytes.count
    }

    /// Appends text; for the small rosters and headers, not for the ledger's hot loop.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var offset = 0
            while offset < source.count {
                reserveRow()
                let n = min(source.count - offset, capacity - count)
                (buffer + count).update(from: source.baseAddress! + offset, count: n)  // unwrap: n > 0 bytes of source remain
                count += n
                offset += n
            }
        }
    }

    /// `value` in decimal, left-padded with zeros to at least `width` digits.
    @inline(__always)
    mutating func append(decimal value: Int, width: Int = 1) {
        var digits: (UInt64, UInt64) = (0, 0)  // scratch for up to 16 digits
        var v = UInt64(max(value, 0))
        var n = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[n] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
                v /= 10
                n &+= 1
            } while v > 0 && n < 16
            while n < width && n < 16 {
                scratch[n] = 48
                n &+= 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                buffer[count] = scratch[i]
                count &+= 1
            }
        }
    }

    mutating func flush() {
        var offset = 0
        while offset < count && failure == 0 {
            let n = write(fd, buffer + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                offset += n
            }
        }
        count = 0
    }

    /// Writes what is left and reports the first write error.
    consuming func finish() throws(GeneratorError) {
        flush()
        if failure != 0 { throw .cannotWrite(file: path, errno: failure) }
    }
}
