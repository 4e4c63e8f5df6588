import DudaoTable
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An assembled table written as canonical CSV (UTF-8, RFC 4180 quoting, LF line ends) into
/// a temporary file, which is then mapped as a `TableFile` and unlinked: memory stays small
/// however large the table, and the ledger scan reads it like any CSV file.
///
/// Line ends inside a cell are written as LF, so the CSV line a row starts on is known while
/// writing (`line`).
final class CSVSpool {
    private var path: [CChar]
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// The line the next row starts on.
    private(set) var line = 1

    init() throws(RunError) {
        path = Array((NSTemporaryDirectory() + "/dudao-intake-XXXXXX").utf8CString)
        fd = mkstemp(&path)
        guard fd >= 0 else { throw .unreadableFile(file: NSTemporaryDirectory(), detail: String(cString: strerror(errno))) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(path)
        }
    }

    /// Writes one row of fields.
    func writeRow(_ fields: [String]) throws(RunError) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field)
        }
        buffer.append(UInt8(ascii: "\n"))
        line += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Maps what was written as a `TableFile` named `name` (in messages) and unlinks the file.
    func finish(name: String) throws(RunError) -> TableFile {
        try flush()
        let temporary = String(cString: path)
        defer { unlink(path) }
        do {
            return try TableFile(path: temporary, assumeUTF8: true)
        } catch {
            throw .unreadableFile(file: name, detail: error.message(english: true))
        }
    }

    private func append(_ field: String) {
        var bytes = Array(field.utf8)
        if bytes.contains(UInt8(ascii: "\r")) {
            bytes = Array(field.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").utf8)
        }
        let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }
        guard quoted else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { buffer.append(b) }
            if b == UInt8(ascii: "\n") { line += 1 }
            buffer.append(b)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private func flush() throws(RunError) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }  // unwrap: done < count, so the buffer is not empty
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw .unreadableFile(file: NSTemporaryDirectory(), detail: String(cString: strerror(errno))) }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
