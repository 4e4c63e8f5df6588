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

    /// Bytes handed to the file so far (the buffer not counted).
    private var flushed: Int64 = 0

    /// A point to go back to: what was written and the line count then.
    struct Mark {
        fileprivate var offset: Int64
        fileprivate var line: Int
    }

    var mark: Mark { Mark(offset: flushed + Int64(buffer.count), line: line) }

    /// Forgets every row written after `mark` (a sheet read again with its merged ranges).
    func rewind(to mark: Mark) throws(RunError) {
        if mark.offset >= flushed {
            buffer.removeSubrange(Int(mark.offset - flushed)...)
        } else {
            buffer.removeAll(keepingCapacity: true)
            guard ftruncate(fd, off_t(mark.offset)) == 0, lseek(fd, off_t(mark.offset), SEEK_SET) >= 0 else {
                throw .unreadableFile(file: NSTemporaryDirectory(), detail: String(cString: strerror(errno)))
            }
            flushed = mark.offset
        }
        line = mark.line
    }

    /// Writes one row of fields.
    func writeRow(_ fields: [String]) throws(RunError) {
        var out: [UInt8] = []
        swap(&out, &buffer)
        var lines = 0
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            var field = field
            field.withUTF8 { Self.append(UnsafeRawBufferPointer($0), to: &out, lines: &lines) }
        }
        swap(&out, &buffer)
        line += lines
        try endRow()
    }

    /// Writes one row whose fields are `bytes`, field `i` ending at `ends[i]`.
    /// The row is built in a local buffer taken from the spool's, so that its appends are not
    /// each an access to the object's property (checked at run time, a tenth of the intake).
    func writeRow(bytes: [UInt8], ends: [Int]) throws(RunError) {
        var out: [UInt8] = []
        swap(&out, &buffer)
        var lines = 0
        bytes.withUnsafeBytes { all in
            var start = 0
            for (i, end) in ends.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.append(UnsafeRawBufferPointer(rebasing: all[start..<end]), to: &out, lines: &lines)
                start = end
            }
        }
        swap(&out, &buffer)
        line += lines
        try endRow()
    }

    private func endRow() throws(RunError) {
        buffer.append(UInt8(ascii: "\n"))
        line += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Maps what was written as a `TableFile` named `name` (in messages) and unlinks the file.
    func finish(name: String) throws(RunError) -> TableFile {
        try flush()
        let temporary = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        do {
            return try TableFile(path: temporary, assumeUTF8: true)
        } catch {
            throw .unreadableFile(file: name, detail: error.message(english: true))
        }
    }

    /// Appends one field to `buffer`, quoted when it must be, its line ends written as LF and
    /// counted in `lines`.
    private static func append(_ field: UnsafeRawBufferPointer, to buffer: inout [UInt8], lines line: inout Int) {
        var quoted = false
        for b in field where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
            quoted = true
            break
        }
        guard quoted else {
            buffer.append(contentsOf: field)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        var i = 0
        while i < field.count {
            let b = field[i]
            i += 1
            if b == UInt8(ascii: "\r") {
                if i < field.count && field[i] == UInt8(ascii: "\n") { i += 1 }
                buffer.append(UInt8(ascii: "\n"))
                line += 1
                continue
            }
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
        flushed += Int64(done)
        buffer.removeAll(keepingCapacity: true)
    }
}
