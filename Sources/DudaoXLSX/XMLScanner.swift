#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level XML tokenizer fed chunk by chunk, as a part inflates: it hands complete tags
/// and text to a sink and carries an incomplete token over to the next chunk, so memory is one
/// chunk plus the longest token, never the part.
///
/// It reads what spreadsheet writers emit: elements, attributes in either quote, character
/// and entity references, comments, processing instructions and CDATA. A DOCTYPE is refused
/// (no workbook has one, and its entity declarations are how XML bombs work). It checks no
/// well-formedness beyond what it needs to find tokens: the sinks look only for the elements
/// they know.
struct XMLScanner {
    /// The longest token carried between chunks. The longest text a cell holds is 32,767
    /// characters, some 400 KB written out with entities; 4 MiB leaves room and stops a part
    /// that is one endless token.
    static let maxToken = 4 << 20

    private var carry: [UInt8] = []

    init() {}

    /// The token carried over is completed with as little of the next chunk as it takes
    /// (growing by at least `carryStep`), and the chunk is scanned in place from there, so a
    /// chunk is not copied whole because a tag straddles its start.
    mutating func feed<S: XMLSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout S) throws {
        var start = 0
        while !carry.isEmpty {
            let take = min(chunk.count - start, max(Self.carryStep, carry.count))
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<(start + take)]))
            start += take
            let used = try carry.withUnsafeBytes { try Self.scan($0, &sink) }
            let left = carry.count - used
            if left <= take && start < chunk.count {
                // What is left began in the chunk: go on there.
                carry.removeAll(keepingCapacity: true)
                start -= left
            } else {
                carry.removeFirst(used)
                if start == chunk.count { break }
            }
            if carry.count > Self.maxToken { throw XMLProblem(detail: "a tag or text longer than \(Self.maxToken) bytes") }
        }
        if start < chunk.count {
            let rest = UnsafeRawBufferPointer(rebasing: chunk[start...])
            let used = try Self.scan(rest, &sink)
            if used < rest.count { carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[used...])) }
        }
        if carry.count > Self.maxToken { throw XMLProblem(detail: "a tag or text longer than \(Self.maxToken) bytes") }
    }

    /// The least of the next chunk taken to complete a carried token.
    static let carryStep = 4096

    /// Ends the part: what is left must be blank (text after the root element).
    func finish() throws {
        if carry.contains(where: { $0 > 0x20 }) { throw XMLProblem(detail: "the XML ends inside a tag") }
    }

    /// Scans the complete tokens of `buffer`; returns where the first incomplete one starts.
    private static func scan<S: XMLSink>(_ buffer: UnsafeRawBufferPointer, _ sink: inout S) throws -> Int {
        guard let raw = buffer.baseAddress else { return 0 }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = buffer.count
        var i = 0
        while i < n {
            if p[i] != UInt8(ascii: "<") {
                guard let lt = find(UInt8(ascii: "<"), p, i, n) else { return i }
                try sink.text(UnsafeRawBufferPointer(start: p + i, count: lt - i), cdata: false)
                i = lt
                continue
            }
            guard i + 1 < n else { return i }
            switch p[i + 1] {
            case UInt8(ascii: "/"):
                guard let gt = find(UInt8(ascii: ">"), p, i + 2, n) else { return i }
                try sink.end(XMLTag(base: p, start: i + 2, end: gt))
                i = gt + 1
            case UInt8(ascii: "?"):
                guard let end = find("?>", p, i + 2, n) else { return i }
                i = end + 2
            case UInt8(ascii: "!"):
                if starts("<!--", p, i, n) {
                    guard let end = find("-->", p, i + 4, n) else { return i }
                    i = end + 3
                } else if starts("<![CDATA[", p, i, n) {
                    guard let end = find("]]>", p, i + 9, n) else { return i }
                    try sink.text(UnsafeRawBufferPointer(start: p + i + 9, count: end - i - 9), cdata: true)
                    i = end + 3
                } else if n - i < 9 {
                    return i
                } else {
                    throw XMLProblem(detail: "a DOCTYPE or other declaration, which workbooks do not have")
                }
            default:
                if let next = try sink.element(p, i, n) {
                    i = next
                    continue
                }
                var j = i + 1
                while j < n {
                    let b = p[j]
                    if b == UInt8(ascii: ">") { break }
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        guard let close = find(b, p, j + 1, n) else { return i }
                        j = close
                    }
                    j += 1
                }
                guard j < n else { return i }
                try sink.start(XMLTag(base: p, start: i + 1, end: j))
                i = j + 1
            }
        }
        return n
    }

    @inline(__always)
    private static func find(_ byte: UInt8, _ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int) -> Int? {
        guard from < n, let hit = memchr(p + from, Int32(byte), n - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
    }

    private static func find(_ pattern: StaticString, _ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int) -> Int? {
        ByteSearch.find(pattern, p, from, n)
    }

    private static func starts(_ pattern: StaticString, _ p: UnsafePointer<UInt8>, _ at: Int, _ n: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        return n - at >= count && memcmp(p + at, pattern.utf8Start, count) == 0
    }
}
