/// The entities of a requirement's subject tables, numbered densely, and the map from a
/// key's code to its slot, so a row finds its subject with one array lookup.
struct SubjectSlots: @unchecked Sendable {
    private(set) var entities: [(table: Int, row: Int)] = []
    private let slotOfCode: UnsafePointer<Int32>
    private let codes: Int

    init(tables: [Int], ctx: EvaluationContext, store: PredicateStore) {
        var slots = Array(repeating: Int32(-1), count: ctx.ids.interner.count)
        var found: [(table: Int, row: Int, code: Int)] = []
        for t in tables where t < ctx.ids.keyRows.count {
            for (code, row) in ctx.ids.keyRows[t].enumerated() where row >= 0 && slots[code] < 0 {
                slots[code] = 0
                found.append((t, Int(row), code))
            }
        }
        // Slots in table then row order, so iteration follows the rosters.
        found.sort { ($0.table, $0.row) < ($1.table, $1.row) }
        for (i, f) in found.enumerated() { slots[f.code] = Int32(i) }
        entities = found.map { ($0.table, $0.row) }
        codes = slots.count
        slotOfCode = store.copy(slots)
    }

    var count: Int { entities.count }

    @inline(__always)
    func slot(of cell: Cell) -> Int? { lookup.slot(of: cell) }

    /// The code-to-slot map alone, a plain value.
    var lookup: SlotLookup { SlotLookup(slotOfCode: slotOfCode, codes: codes) }

    /// For each slot, the subject's cells that a predicate compares with (`subject[j]`).
    func subjectCells(_ columns: ConditionCompiler.SubjectColumns, ctx: EvaluationContext, store: PredicateStore) -> UnsafePointer<Cell> {
        var out: [Cell] = []
        for e in entities {
            let row = ctx.tables[e.table]?.rows[e.row]
            for map in columns.columns {
                out.append(map[e.table].flatMap { row?.cells[$0] } ?? .invalid)
            }
        }
        return store.copy(out)
    }
}

/// Code → slot, as plain memory.
struct SlotLookup {
    let slotOfCode: UnsafePointer<Int32>
    let codes: Int

    @inline(__always)
    func slot(of cell: Cell) -> Int? {
        guard cell.hasValue, cell.value >= 0, cell.value < Int64(codes) else { return nil }
        let s = slotOfCode[Int(cell.value)]
        return s >= 0 ? Int(s) : nil
    }
}
