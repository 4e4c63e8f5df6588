/// What is known about a streamed table before its scan: the file, its header, where the
/// chunks begin, and each chunk's encoding and line count. It needs no roster, so it is
/// worked out on other threads while the rosters load.
///
/// A split is a guess that a line end is a row end; it is wrong only inside a quoted field
/// that spans lines. The scan confirms each split (see `LedgerScan`).
struct LedgerLayout: @unchecked Sendable {  // the file mapping is read-only; everything else is a value
    let file: TableFile
    let header: HeaderIndex
    let dataStart: CSVRowStart
    let bounds: [Int]
    let inspected: [TextInspector.Result]

    var isUTF8: Bool { inspected.allSatisfy(\.validUTF8) }

    /// Starts working out the layout of every streamed table in the background.
    static func inspectAll(_ reader: TableReader) -> [Int: BackgroundValue<Result<LedgerLayout, RunError>>] {
        var out: [Int: BackgroundValue<Result<LedgerLayout, RunError>>] = [:]
        for (i, t) in reader.pack.tables.enumerated() where t.isStreamed {
            out[i] = BackgroundValue {
                Result { () throws(RunError) -> LedgerLayout in try inspect(i, file: reader.dataset.open(t, assumeUTF8: true), reader: reader) }
            }
        }
        return out
    }

    /// The layout of a table from its background inspection; a file that is not UTF-8 is
    /// opened again, decoding GB18030 (or failing with the reason).
    static func resolve(_ ti: Int, _ first: Result<LedgerLayout, RunError>, reader: TableReader) throws(RunError) -> LedgerLayout {
        let layout = try first.get()
        if layout.isUTF8 { return layout }
        let decoded = try inspect(ti, file: reader.dataset.open(reader.pack.tables[ti]), reader: reader)
        guard decoded.isUTF8 else { throw .undecodable(file: reader.shown(ti)) }
        return decoded
    }

    /// Reads the header, splits the rest at line ends and inspects the chunks on all cores.
    private static func inspect(_ ti: Int, file: TableFile, reader: TableReader) throws(RunError) -> LedgerLayout {
        let shown = reader.shown(ti)
        let threads = reader.setting.threads
        let minimum = max(reader.setting.options.minimumChunkBytes, 1)
        return try file.withBytes { (bytes) throws(RunError) -> LedgerLayout in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            let header = try reader.readHeader(&scanner, &row, file: shown)
            let dataStart = scanner.position
            let bounds = chunkBounds(bytes, from: dataStart.offset, parts: min(threads, max(1, (bytes.count - dataStart.offset) / minimum)))
            let parts = bounds.count - 1
            let inspected = Concurrent.map(count: parts, threads: parts, block: 1) { i in
                TextInspector.inspect(bytes, (i == 0 ? 0 : bounds[i])..<bounds[i + 1]) { file.releasePages($0) }
            }
            return LedgerLayout(file: file, header: header, dataStart: dataStart, bounds: bounds, inspected: inspected)
        }
    }

    /// Offsets that split `bytes[from...]` into about `parts` chunks, each after a line end.
    static func chunkBounds(_ bytes: UnsafeRawBufferPointer, from: Int, parts: Int) -> [Int] {
        var bounds = [from]
        let n = bytes.count
        for i in 1..<max(parts, 1) {
            var j = max(from + (n - from) / parts * i, bounds.last!)  // unwrap: bounds starts with `from`
            while j < n, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
            if j < n, bytes[j] == 0x0D, j + 1 < n, bytes[j + 1] == 0x0A { j += 1 }
            j = min(j + 1, n)
            if j < n, j > bounds.last! { bounds.append(j) }  // unwrap: bounds starts with `from`
        }
        bounds.append(n)
        return bounds
    }

    /// Where each chunk's first row starts (the line of each is known from the inspection).
    var starts: [CSVRowStart] {
        var starts = [dataStart]
        var line = 1 + inspected[0].lineEnds
        for i in 1..<max(bounds.count - 1, 1) {
            starts.append(CSVRowStart(offset: bounds[i], line: line))
            line += inspected[i].lineEnds
        }
        return starts
    }
}
