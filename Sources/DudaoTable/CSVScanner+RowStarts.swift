extension CSVScanner {
    /// Row starts that split `bytes` into pieces of at least `spacing` bytes (the last may be
    /// shorter), beginning with `start`. Each piece can be scanned on its own, with true line
    /// numbers: `CSVScanner(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<end]), from: piece)`
    /// where `end` is the next start's offset (or `bytes.count`).
    ///
    /// A line break inside quotes is not a row boundary, and whether a quote opens a field
    /// depends on everything before it, so an offset in the middle of a file cannot be
    /// classified by looking around it. This therefore scans the text once, sequentially, with
    /// the scanner itself: correct by construction, at scanning speed. Any unterminated quote is
    /// reported here.
    public static func rowStarts(
        in bytes: UnsafeRawBufferPointer,
        from start: CSVRowStart = CSVRowStart(offset: 0, line: 1),
        spacing: Int
    ) throws(CSVError) -> [CSVRowStart] {
        var starts = [start]
        var scanner = CSVScanner(bytes: bytes, from: start)
        var row = CSVRow()
        var pieceStart = start.offset
        while try scanner.next(&row) {
            let next = scanner.position
            if next.offset - pieceStart >= spacing && next.offset < bytes.count {
                starts.append(next)
                pieceStart = next.offset
            }
        }
        return starts
    }
}
