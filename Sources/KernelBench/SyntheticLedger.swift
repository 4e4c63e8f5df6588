import DudaoTable

/// A ledger-shaped CSV text made for the kernels, deliberately unlike `dudao generate`'s:
/// ids of every length from a large pool (so lookups miss caches), the four date shapes, CRLF
/// and LF mixed, amounts with and without decimals, quoted remarks with commas and doubled
/// quotes. Deterministic for a given row count.
struct SyntheticLedger {
    /// The CSV bytes, header included.
    let bytes: [UInt8]
    /// Where each column's cells of interest lie in `bytes` (offset, length), row by row.
    let ids: [CellSpan]
    let dates: [CellSpan]
    let amounts: [CellSpan]
    /// Each row's group key as a statistic over it would have it: practitioner, month, activity type.
    let groupKeys: [Int64]
    /// Data rows.
    let rows: Int

    /// One cell as a byte range of `bytes`.
    struct CellSpan {
        let offset: Int
        let count: Int
    }

    init(rows: Int, seed: UInt64 = 20_221_015) {
        var random = SplitMix64(seed: seed)
        var text: [UInt8] = []
        text.reserveCapacity(rows * 96)
        text.append(contentsOf: Array("记录编号,人员编号,活动日期,活动类型,对象编号,收费,备注\r\n".utf8))
        let kinds = ["法律体检", "赶大集", "法制课", "法律建议", "民生咨询"]
        let practitioners = max(1, rows / 40)
        let objects = max(1, rows / 4)
        var ids: [CellSpan] = []
        var dates: [CellSpan] = []
        var amounts: [CellSpan] = []
        ids.reserveCapacity(rows * 2)
        dates.reserveCapacity(rows)
        amounts.reserveCapacity(rows)
        var groupKeys: [Int64] = []
        groupKeys.reserveCapacity(rows * 3)

        func append(_ s: String) { text.append(contentsOf: Array(s.utf8)) }
        func cell(_ s: String, into spans: inout [CellSpan]) {
            spans.append(CellSpan(offset: text.count, count: s.utf8.count))
            append(s)
        }
        func id(_ prefix: String, _ n: Int, pad: Int) -> String {
            let digits = String(n)
            return prefix + String(repeating: "0", count: max(0, pad - digits.count)) + digits
        }

        for r in 0..<rows {
            append("R\(r + 1),")
            let p = random.below(practitioners)
            cell(id("P", p, pad: 2 + p % 9), into: &ids)
            append(",")
            let (y, m, d) = (2022 + random.below(2), 1 + random.below(12), 1 + random.below(28))
            let date: String
            switch random.below(4) {
            case 0: date = "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            case 1: date = "\(y)/\(m)/\(d)"
            case 2: date = "\(y).\(m).\(d)"
            default: date = "\(y)年\(m)月\(d)日"
            }
            cell(date, into: &dates)
            let kind = random.below(kinds.count)
            append(",\(kinds[kind]),")
            groupKeys += [Int64(p), Int64(y * 12 + m - 1), Int64(kind)]
            let o = random.below(objects)
            cell(id(o % 3 == 0 ? "QY" : "SQ-", o, pad: 4 + o % 15), into: &ids)
            append(",")
            let yuan = random.below(500)
            cell(random.below(3) == 0 ? "\(yuan).\(random.below(100))" : "\(yuan)", into: &amounts)
            append(",")
            switch random.below(8) {
            case 0: append("\"走访，\"\"重点\"\"企业, 第\(r % 7)批\"")
            case 1: append("补录")
            default: break
            }
            append(r % 5 == 0 ? "\n" : "\r\n")
        }
        bytes = text
        self.ids = ids
        self.dates = dates
        self.amounts = amounts
        self.groupKeys = groupKeys
        self.rows = rows
    }
}
