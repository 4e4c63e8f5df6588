/// The rules a ledger row is fed to (count kernels, record checks), listed by the value of
/// the one column most of their gates test, so that a row visits only the rules whose gate
/// lets it through: a row of 法律咨询 visits the two rules about consultations, not all ten.
/// Rules without a gate on that column are in every list; the lists keep the rules' order.
final class RuleDispatch: @unchecked Sendable {  // immutable after init; owns its two lists
    /// The column the lists are by (-1: one list of every rule).
    let column: Int
    /// `items[starts[v]..<starts[v + 1]]` for values v in 0..<64; list 64 for a row whose
    /// cell has no value below 64.
    private let starts: UnsafeMutablePointer<Int32>
    private let items: UnsafeMutablePointer<Int32>

    /// `gates[k]` is rule k's gate (`Predicate.gateColumn`, `gateMask`), or nil for none.
    init(gates: [(column: Int, mask: UInt64)?]) {
        var votes: [Int: Int] = [:]
        for g in gates.compactMap({ $0 }) { votes[g.column, default: 0] += 1 }
        let column = votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? -1
        var lists = [[Int32]](repeating: [], count: 65)
        for (k, g) in gates.enumerated() {
            for v in 0..<65 {
                guard let g, g.column == column else { lists[v].append(Int32(k)); continue }
                if v < 64, (g.mask >> UInt64(v)) & 1 != 0 { lists[v].append(Int32(k)) }
            }
        }
        self.column = column
        starts = .allocate(capacity: 66)
        items = .allocate(capacity: max(1, lists.reduce(0) { $0 + $1.count }))
        var n: Int32 = 0
        for (v, list) in lists.enumerated() {
            starts[v] = n
            for k in list {
                items[Int(n)] = k
                n += 1
            }
        }
        starts[65] = n
    }

    deinit {
        starts.deallocate()
        items.deallocate()
    }

    /// The rules that `row` may satisfy, in order.
    @inline(__always)
    func rules(for row: UnsafePointer<Cell>) -> UnsafeBufferPointer<Int32> {
        var v = 64
        if column >= 0 {
            let cell = row[column]
            if cell.hasValue, UInt64(bitPattern: cell.value) < 64 { v = Int(cell.value) }
        }
        let from = Int(starts[v])
        return UnsafeBufferPointer(start: items + from, count: Int(starts[v + 1]) - from)
    }
}
