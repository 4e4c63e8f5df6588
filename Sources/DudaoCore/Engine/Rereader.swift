/// Reads rows of a streamed ledger again by line (duplicates found after the scan), reusing
/// one row, one set of cells, one copy of the code space and one buffer; one per thread.
///
/// The rows are read into the buffer from the file, not through its mapping: thousands of
/// rereads spread over a gigabyte would each map a neighbourhood of pages.
final class Rereader {
    private let file: TableFile
    private let decoder: RowDecoder
    private let scanned: ScannedRow
    private var values: RowValues
    private var ids: IdSpace
    private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 10, alignment: 8)

    init(file: TableFile, decoder: RowDecoder, ids: IdSpace) {
        self.file = file
        self.decoder = decoder
        scanned = ScannedRow(decoder: decoder)
        values = RowValues(columns: decoder.columns.count)
        self.ids = ids
    }

    deinit { buffer.deallocate() }

    /// Decodes the row that starts on `line`, reading forward from the row start `from`
    /// (a checkpoint) and, when known, no further than `end` (the next checkpoint), and
    /// hands it to `body`.
    func read(line: Int, from start: CSVRowStart, to end: Int?, _ body: (RowValues, RowSource) -> Void) {
        if let end, end - start.offset > buffer.count { grow(to: end - start.offset) }
        while true {
            let wanted = min(end ?? file.count, file.count, start.offset + buffer.count) - start.offset
            let count = file.read(start.offset..<start.offset + wanted, into: buffer)
            // A short read (the file cut short meanwhile) ends the text too.
            let atEnd = count < wanted || start.offset + count >= (end ?? file.count)
            var scanner = CSVScanner(bytes: UnsafeRawBufferPointer(rebasing: buffer[..<count]), from: CSVRowStart(offset: 0, line: start.line))
            var found = true
            repeat {
                guard (try? scanner.next(&scanned.row.pointee)) == true else { found = false; break }
            } while scanned.row.pointee.line < line
            // A row that runs to the buffer's end may go on in the file: read more.
            guard atEnd || (found && scanner.position.offset < count) else {
                grow(to: buffer.count * 4)
                continue
            }
            guard found, scanned.row.pointee.line == line else { return }
            // Decoded, not checked: a duplicate's finding needs only the row's cells and texts.
            decoder.decode(scanned.row.pointee, into: &values, ids: &ids)
            body(values, .scanned(scanned))
            return
        }
    }

    private func grow(to size: Int) {
        buffer.deallocate()
        buffer = .allocate(byteCount: size, alignment: 8)
    }
}
