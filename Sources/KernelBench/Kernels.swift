import DudaoTable
import Foundation

/// The kernels of the ledger path over one synthetic ledger, each beside its reference.
/// The bytes are held for the program's life, so the raw pointers taken here stay valid.
enum Kernels {
    static func all(_ ledger: SyntheticLedger, _ bytes: UnsafeRawBufferPointer) -> [Kernel] {
        [
            Kernel(
                name: "csv-scan", reference: "memchr counting line ends (the floor)",
                threshold: 12.0,
                run: { scan(bytes) }, baseline: { countSeparators(bytes) }),
            Kernel(
                name: "intern-ids", reference: "Dictionary<String, Int32> of the same cells",
                threshold: 0.8,
                run: { intern(ledger.ids, bytes) }, baseline: { dictionary(ledger.ids, bytes) }),
            Kernel(
                name: "parse-dates", reference: "a byte loop summing the same cells",
                threshold: 4.5,
                run: { days(ledger.dates, bytes) }, baseline: { touch(ledger.dates, bytes) }),
            Kernel(
                name: "parse-amounts", reference: "a byte loop summing the same cells",
                threshold: 5.5,
                run: { amounts(ledger.amounts, bytes) }, baseline: { touch(ledger.amounts, bytes) }),
            Kernel(
                name: "group-keys", reference: "Dictionary<SIMD4<Int64>, Int> of the same keys",
                threshold: 0.6,
                run: { groups(ledger.groupKeys) }, baseline: { dictionaryGroups(ledger.groupKeys) }),
        ]
    }

    private static func cell(_ span: SyntheticLedger.CellSpan, _ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[span.offset..<span.offset + span.count])
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var scanner = CSVScanner(bytes: bytes)
        var row = CSVRow()
        var rows = 0
        var sum: UInt64 = 0
        do {
            while try scanner.next(&row) {
                rows += 1
                sum &+= UInt64(row.count) &+ UInt64(row.field(0).count)
            }
        } catch {
            return (rows, 0)
        }
        return (rows, sum)
    }

    static func countSeparators(_ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        var lines = 0
        var at = base
        let end = base + bytes.count
        while at < end, let found = memchr(at, Int32(UInt8(ascii: "\n")), end - at) {
            lines += 1
            at = UnsafeRawPointer(found) + 1
        }
        return (lines, UInt64(lines))
    }

    static func intern(_ spans: [SyntheticLedger.CellSpan], _ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var interner = ByteInterner()
        var sum: UInt64 = 0
        for span in spans { sum &+= UInt64(interner.intern(cell(span, bytes))) }
        return (spans.count, sum)
    }

    static func dictionary(_ spans: [SyntheticLedger.CellSpan], _ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var codes: [String: Int32] = [:]
        var sum: UInt64 = 0
        for span in spans {
            let key = String(decoding: cell(span, bytes), as: UTF8.self)
            let code = codes[key] ?? {
                let next = Int32(codes.count)
                codes[key] = next
                return next
            }()
            sum &+= UInt64(code)
        }
        return (spans.count, sum)
    }

    static func days(_ spans: [SyntheticLedger.CellSpan], _ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var sum: UInt64 = 0
        for span in spans { sum &+= UInt64(truncatingIfNeeded: ValueParser.day(cell(span, bytes))?.rawValue ?? 1) }
        return (spans.count, sum)
    }

    static func amounts(_ spans: [SyntheticLedger.CellSpan], _ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var sum: UInt64 = 0
        for span in spans { sum &+= UInt64(truncatingIfNeeded: ValueParser.amount(cell(span, bytes))?.micros ?? 1) }
        return (spans.count, sum)
    }

    /// A statistic's grouping: each row's three-word key to a dense group, a count per group.
    static func groups(_ keys: [Int64]) -> (items: Int, checksum: UInt64) {
        var index = GroupIndex(width: 3)
        var counts: [Int] = []
        keys.withUnsafeBufferPointer { keys in
            guard let base = keys.baseAddress else { return }
            for row in 0..<keys.count / 3 {
                let (group, added) = index.group(of: base + row * 3)
                if added { counts.append(0) }
                counts[group] += 1
            }
        }
        return (keys.count / 3, checksum(counts))
    }

    static func dictionaryGroups(_ keys: [Int64]) -> (items: Int, checksum: UInt64) {
        var groups: [SIMD4<Int64>: Int] = [:]
        var counts: [Int] = []
        for row in 0..<keys.count / 3 {
            let key = SIMD4(keys[row * 3], keys[row * 3 + 1], keys[row * 3 + 2], 0)
            let group = groups[key] ?? {
                groups[key] = counts.count
                counts.append(0)
                return counts.count - 1
            }()
            counts[group] += 1
        }
        return (keys.count / 3, checksum(counts))
    }

    private static func checksum(_ counts: [Int]) -> UInt64 {
        counts.enumerated().reduce(0) { $0 &* 31 &+ UInt64($1.offset) &* UInt64($1.element) }
    }

    static func touch(_ spans: [SyntheticLedger.CellSpan], _ bytes: UnsafeRawBufferPointer) -> (items: Int, checksum: UInt64) {
        var sum: UInt64 = 0
        for span in spans {
            for b in cell(span, bytes) { sum = sum &* 31 &+ UInt64(b) }
        }
        return (spans.count, sum)
    }
}
