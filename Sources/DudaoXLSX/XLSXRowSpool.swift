import DudaoTable
import Foundation

/// The rows of one long sheet, encoded as they come into an unnamed temporary file, so a
/// workbook of millions of rows is written without holding them (`dudao generate --format xlsx`).
///
/// The file is created in `folder` (never over anything there) and unlinked at once: only
/// the descriptor keeps it, so nothing is left behind whatever ends the process. Texts are
/// written inline (a shared-strings table would hold every distinct text in memory).
public final class XLSXRowSpool {
    /// Rows at the top that are the header: bold, and frozen in the sheet.
    public let headerRows: Int
    public let date1904: Bool
    /// Where the file was made, for messages.
    let path: String
    private let guardsFormulas: Bool
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private(set) var rowCount = 0
    /// Bytes written to the file so far.
    private(set) var byteCount: Int64 = 0
    /// Each column's widest content.
    private(set) var widths: [Int] = []

    public init(folder: String, headerRows: Int = 1, date1904: Bool = false, guardsFormulas: Bool = true) throws(XLSXWriter.Failure) {
        let path = (folder as NSString).appendingPathComponent(".dudao-rows-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, detail: String(cString: strerror(errno))) }
        unlink(path)
        self.path = path
        self.fd = fd
        self.headerRows = headerRows
        self.date1904 = date1904
        self.guardsFormulas = guardsFormulas
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    /// Adds the next row (row 1 first); an empty row still takes its number.
    public func append(_ cells: [XLSXWriter.Cell]) {
        rowCount += 1
        let xml = WorksheetEncoder.row(number: rowCount, cells: cells, header: rowCount <= headerRows,
                                       date1904: date1904, guardsFormulas: guardsFormulas, strings: nil, widths: &widths)
        buffer.append(contentsOf: xml.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes what is buffered; throws the first write error.
    func finish() throws(XLSXWriter.Failure) {
        flush()
        if failure != 0 { throw .unwritable(path: path, detail: String(cString: strerror(failure))) }
    }

    /// Up to `count` bytes of the rows from `offset`.
    func read(at offset: Int64, count: Int) throws(XLSXWriter.Failure) -> Data {
        var data = Data(count: count)
        let n = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard n >= 0 else { throw .unwritable(path: path, detail: String(cString: strerror(errno))) }
        return data.prefix(n)
    }

    private func flush() {
        var done = 0
        while done < buffer.count, failure == 0 {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, buffer.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { failure = n < 0 ? errno : EIO } else { done += n }
        }
        byteCount += Int64(done)
        buffer.removeAll(keepingCapacity: true)
    }
}
