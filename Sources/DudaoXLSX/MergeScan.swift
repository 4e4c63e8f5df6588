/// The first, cheap pass over a sheet: it finds the `<mergeCell>` elements, which come after
/// `<sheetData>`, so that the row pass can give a merged range's value to every cell of it as
/// the rows go by.
///
/// Until the bytes `mergeCell` turn up the chunks are only searched (`ByteSearch`), not tokenized;
/// from the `<` before the first hit on, the XML scanner reads the rest. Starting at any `<`
/// is sound, as `<` is always markup in XML text; if the hit was inside a cell's text, the
/// scanner merely reads more than it had to.
struct MergeScan {
    private(set) var ranges: [XLSXMergedRange] = []
    private var scanner: XMLScanner?
    /// The end of the previous chunk, for a hit split across chunks and the `<` before a hit.
    private var tail: [UInt8] = []
    private static let keep = 256

    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if scanner != nil {
            try scan(chunk)
            return
        }
        let boundary = tail + UnsafeRawBufferPointer(rebasing: chunk.prefix(8))
        guard Self.contains(chunk) || boundary.withUnsafeBytes(Self.contains) else {
            tail = chunk.count >= Self.keep ? Array(UnsafeRawBufferPointer(rebasing: chunk.suffix(Self.keep)))
                : Array((tail + chunk).suffix(Self.keep))
            return
        }
        let window = tail + chunk
        if let start = window.withUnsafeBytes(Self.markupStart) {
            scanner = XMLScanner()
            try window.withUnsafeBytes { try scan(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        } else {
            tail = Array(window.suffix(Self.keep))
        }
    }

    mutating func finish() throws -> [XLSXMergedRange] {
        try scanner?.finish()
        return ranges
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer) throws {
        var sink = Sink()
        try scanner?.feed(bytes, into: &sink)
        ranges += sink.ranges
    }

    private static func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        ByteSearch.find("mergeCell", in: bytes) != nil
    }

    /// The last `<` before the first `mergeCell` in `bytes` that has one before it.
    private static func markupStart(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var from = 0
        while let at = ByteSearch.find("mergeCell", in: bytes, from: from) {
            if let lt = bytes[..<at].lastIndex(of: UInt8(ascii: "<")) { return lt }
            from = at + 1
        }
        return nil
    }

    private struct Sink: XMLSink {
        var ranges: [XLSXMergedRange] = []

        mutating func start(_ tag: XMLTag) throws {
            guard tag.isNamed("mergeCell") else { return }
            guard let ref = tag.attribute("ref"), let range = XLSXMergedRange(ref: ref) else {
                throw XMLProblem(detail: "a merged range without an A1-style ref")
            }
            ranges.append(range)
        }

        func end(_ tag: XMLTag) throws {}
        func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {}
    }
}
