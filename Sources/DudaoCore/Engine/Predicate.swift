/// A pack condition compiled for the hot path: plain nodes in memory owned by a
/// `PlanMemory`, evaluated over a row's cells with no reference counting. Column names
/// are indexes, literals are cells of the column's type, and what a condition asks of other
/// tables (is this a key of communities? what is the fee cap of this 事项?) is answered by
/// arrays indexed by the value's code, built once when the rosters are in.
struct Predicate: @unchecked Sendable {  // pointers into `PlanMemory`, read-only
    enum Kind: UInt8 {
        case all, any, not, constant, literal, subject, lookup, oneOf, empty, member
    }

    /// One node. `a`/`b` are, by kind: children (first, count); the subject column index;
    /// lookup cells (offset, count) with `value` the column giving the key and `first` the
    /// code of the first cell; values (offset, count) with `value` 1 when negated; membership
    /// bytes (offset, count).
    struct Node {
        var kind: Kind
        var op: Condition.Comparison
        var column: Int32
        var a: Int32
        var b: Int32
        var first: Int32 = 0
        var value: Int64
    }

    let nodes: UnsafePointer<Node>
    let kids: UnsafePointer<Int32>
    let values: UnsafePointer<Int64>
    let cells: UnsafePointer<Cell>
    let bytes: UnsafePointer<UInt8>
    /// A necessary condition, checked before the nodes: the cell in `gateColumn` must have a
    /// value below 64 whose bit is set in `gateMask` (-1: no gate). Most filters start with
    /// "活动类型 is one of …", so most rows are turned away with one load and a shift.
    let gateColumn: Int
    let gateMask: UInt64
    /// What the gate already decides, so the nodes need not: `wholeTree` when the root is the
    /// gate's node, the root's kid that is (an equality or one-of that holds exactly when the
    /// gate does), or `noKid`.
    let gateKid: Int32
    static let noKid: Int32 = -1
    static let wholeTree: Int32 = -2

    init(nodes: UnsafePointer<Node>, kids: UnsafePointer<Int32>, values: UnsafePointer<Int64>, cells: UnsafePointer<Cell>,
         bytes: UnsafePointer<UInt8>) {
        self.nodes = nodes
        self.kids = kids
        self.values = values
        self.cells = cells
        self.bytes = bytes
        (gateColumn, gateMask) = Predicate.gate(0, nodes, kids, values) ?? (-1, 0)
        gateKid = Predicate.gateKid(nodes, kids, values)
    }

    /// Whether the row satisfies the condition; `subject` holds the current subject's cells
    /// for the columns the condition compares with (in the order the compiler numbered them).
    @inline(__always)
    func evaluate(_ row: UnsafePointer<Cell>, subject: UnsafePointer<Cell>? = nil) -> Bool {
        guard mayHold(row) else { return false }
        switch gateKid {
        case Self.noKid: return eval(0, row, subject)
        case Self.wholeTree: return true
        default: return allHold(nodes[0], except: Int(gateKid), row, subject)
        }
    }

    /// The gate as a pair, or nil when there is none.
    var gate: (column: Int, mask: UInt64)? { gateColumn >= 0 ? (gateColumn, gateMask) : nil }

    /// False when the gate already rules the row out.
    @inline(__always)
    func mayHold(_ row: UnsafePointer<Cell>) -> Bool {
        guard gateColumn >= 0 else { return true }
        let cell = row[gateColumn]
        return cell.hasValue && UInt64(bitPattern: cell.value) < 64 && (gateMask >> UInt64(cell.value)) & 1 != 0
    }

    /// The gate of node `n`: an equality or a (not negated) one-of with small values, or the
    /// first such part of an `all`.
    private static func gate(_ n: Int, _ nodes: UnsafePointer<Node>, _ kids: UnsafePointer<Int32>,
                             _ values: UnsafePointer<Int64>) -> (Int, UInt64)? {
        let node = nodes[n]
        func bit(_ v: Int64) -> UInt64? { v >= 0 && v < 64 ? 1 << UInt64(v) : nil }
        switch node.kind {
        case .literal where node.op == .eq:
            return bit(node.value).map { (Int(node.column), $0) }
        case .oneOf where node.value == 0:
            var mask: UInt64 = 0
            for i in 0..<Int(node.b) {
                guard let b = bit(values[Int(node.a) + i]) else { return nil }
                mask |= b
            }
            return (Int(node.column), mask)
        case .all:
            for i in 0..<Int(node.b) {
                if let g = gate(Int(kids[Int(node.a) + i]), nodes, kids, values) { return g }
            }
            return nil
        default:
            return nil
        }
    }

    /// Which part of the tree the gate stands for (see `gateKid`): the node that gives the gate,
    /// when it is the root or one of the root `all`'s kids, and not an `all` itself.
    private static func gateKid(_ nodes: UnsafePointer<Node>, _ kids: UnsafePointer<Int32>,
                                _ values: UnsafePointer<Int64>) -> Int32 {
        let root = nodes[0]
        switch root.kind {
        case .literal, .oneOf:
            return gate(0, nodes, kids, values) == nil ? noKid : wholeTree
        case .all:
            for i in 0..<Int(root.b) {
                let kid = Int(kids[Int(root.a) + i])
                guard gate(kid, nodes, kids, values) != nil else { continue }
                return nodes[kid].kind == .all ? noKid : Int32(i)
            }
            return noKid
        default:
            return noKid
        }
    }

    private func eval(_ n: Int, _ row: UnsafePointer<Cell>, _ subject: UnsafePointer<Cell>?) -> Bool {
        let node = nodes[n]
        switch node.kind {
        case .all:
            return allHold(node, except: -1, row, subject)
        case .any:
            for i in 0..<Int(node.b) where eval(Int(kids[Int(node.a) + i]), row, subject) { return true }
            return false
        case .not:
            return !eval(Int(node.a), row, subject)
        case .constant:
            return node.value != 0
        case .literal:
            return Predicate.compare(row[Int(node.column)], node.op, .of(node.value))
        case .subject:
            guard let subject else { return false }
            return Predicate.compare(row[Int(node.column)], node.op, subject[Int(node.a)])
        case .lookup:
            // A value looked up in a missing or unusable row cannot be judged: the comparison holds.
            guard let other = lookedUp(node, row) else { return true }
            return Predicate.compare(row[Int(node.column)], node.op, other)
        case .oneOf:
            let cell = row[Int(node.column)]
            guard cell.hasValue else { return node.value != 0 && cell.state == .empty }
            var found = false
            for i in 0..<Int(node.b) where values[Int(node.a) + i] == cell.value {
                found = true
                break
            }
            return found != (node.value != 0)
        case .empty:
            return (row[Int(node.column)].state == .empty) == (node.value != 0)
        case .member:
            let cell = row[Int(node.column)]
            guard cell.hasValue, cell.value >= 0, cell.value < Int64(node.b) else { return false }
            return bytes[Int(node.a) + Int(cell.value)] != 0
        }
    }

    /// Whether every kid of the `all` node holds, but for kid `skip` (-1: none).
    @inline(__always)
    private func allHold(_ node: Node, except skip: Int, _ row: UnsafePointer<Cell>, _ subject: UnsafePointer<Cell>?) -> Bool {
        for i in 0..<Int(node.b) where i != skip && !eval(Int(kids[Int(node.a) + i]), row, subject) { return false }
        return true
    }

    static func compare(_ a: Cell, _ op: Condition.Comparison, _ b: Cell) -> Bool {
        guard a.hasValue, b.hasValue else {
            return op == .ne && a.state != .invalid && a.state != b.state
        }
        switch op {
        case .eq: return a.value == b.value
        case .ne: return a.value != b.value
        case .lt: return a.value < b.value
        case .le: return a.value <= b.value
        case .gt: return a.value > b.value
        case .ge: return a.value >= b.value
        }
    }

    /// The root node (for reading expected/actual off a record requirement).
    var root: Node { nodes[0] }

    /// The cell a lookup node finds for a row, if any.
    @inline(__always)
    func lookedUp(_ node: Node, _ row: UnsafePointer<Cell>) -> Cell? {
        let key = row[Int(node.value)]
        let i = key.value &- Int64(node.first)
        guard key.hasValue, i >= 0, i < Int64(node.b) else { return nil }
        let other = cells[Int(node.a) + Int(i)]
        return other.hasValue ? other : nil
    }
}
