/// The entities of a requirement's subject tables, numbered densely, and the map from a
/// key's code to its slot, so a row finds its subject with one array lookup. Requirements
/// over the same subject tables share one.
struct SubjectSlots: @unchecked Sendable {  // `slotOfCode` points into `PlanMemory`, read-only
    /// The entities' rows, slot after slot: table then row order, so iteration follows the rosters.
    private let rows: [Int32]
    /// The subject tables in slot order, each with the slot after its last entity.
    private let segments: [(table: Int, end: Int)]
    private let slotOfCode: UnsafePointer<Int32>
    private let codes: Int

    init(tables: [Int], rosters: Rosters, memory: PlanMemory) {
        let keyRows = rosters.ids.keyRows
        let known = tables.filter { $0 < keyRows.count }
        // A code past every table's keys has no slot, so the map ends with the last key.
        var slots = Array(repeating: Int32(-1), count: known.map { keyRows[$0].count }.max() ?? 0)
        // A key of several tables is the entity of the first of them in `tables`.
        var found: [(table: Int32, row: Int32, code: Int32)] = []
        for t in known {
            for (code, row) in keyRows[t].enumerated() where row >= 0 && slots[code] < 0 {
                slots[code] = 0
                found.append((Int32(t), row, Int32(code)))
            }
        }
        found.sort { ($0.table, $0.row) < ($1.table, $1.row) }
        var segments: [(table: Int, end: Int)] = []
        for (i, f) in found.enumerated() {
            slots[Int(f.code)] = Int32(i)
            if segments.last?.table != Int(f.table) { segments.append((Int(f.table), 0)) }
            segments[segments.count - 1].end = i + 1
        }
        rows = found.map(\.row)
        self.segments = segments
        codes = slots.count
        slotOfCode = memory.copy(slots)
    }

    var count: Int { rows.count }

    /// The entity in `slot`.
    func entity(_ slot: Int) -> (table: Int, row: Int) {
        let table = segments.first { slot < $0.end }!.table
        return (table, Int(rows[slot]))
    }

    @inline(__always)
    func slot(of cell: Cell) -> Int? { lookup.slot(of: cell) }

    /// The code-to-slot map alone, a plain value.
    var lookup: SlotLookup { SlotLookup(slotOfCode: slotOfCode, codes: codes) }

    /// For each slot, the subject's cells that a predicate compares with (`subject[j]`).
    func subjectCells(_ columns: ConditionCompiler.SubjectColumns, rosters: Rosters, memory: PlanMemory) -> UnsafePointer<Cell> {
        var out: [Cell] = []
        guard !columns.columns.isEmpty else { return memory.copy(out) }
        out.reserveCapacity(count * columns.columns.count)
        for slot in 0..<count {
            let e = entity(slot)
            let row = rosters.tables[e.table]?.rows[e.row]
            for map in columns.columns {
                out.append(map[e.table].flatMap { row?.cells[$0] } ?? .invalid)
            }
        }
        return memory.copy(out)
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
