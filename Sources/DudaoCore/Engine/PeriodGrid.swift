/// One number and one line per subject slot × period: what `count` requirements count (rows,
/// and the first row's line as evidence) and what `deadline` requirements keep (the earliest
/// day, and its row's line).
///
/// The numbers are plain memory this object owns, written by the per-row kernels through
/// `GridCells` (pointers only: no reference counting, no exclusivity checks on the hot
/// path). Each scan worker fills grids of its own; they are merged in file order afterwards,
/// and only read from then on.
final class PeriodGrid {
    let slots: Int
    let periods: Int
    private let values: UnsafeMutablePointer<Int32>
    private let lines: UnsafeMutablePointer<Int32>
    /// (cell, value) pairs already counted, for counts of distinct values.
    private let seen: UnsafeMutablePointer<Set<Int64>>

    /// A grid with every number `initial` and no lines.
    init(slots: Int, periods: Int, initial: Int32) {
        self.slots = slots
        self.periods = periods
        let n = max(slots * periods, 1)
        values = .allocate(capacity: n)
        values.initialize(repeating: initial, count: n)
        lines = .allocate(capacity: n)
        lines.initialize(repeating: 0, count: n)
        seen = .allocate(capacity: 1)
        seen.initialize(to: [])
    }

    deinit {
        values.deallocate()
        lines.deallocate()
        seen.deinitialize(count: 1)
        seen.deallocate()
    }

    /// The number and line of a slot in a period.
    subscript(slot: Int, period: Int) -> (value: Int32, line: Int32) {
        let i = slot * periods + period
        return (values[i], lines[i])
    }

    /// The pointers the kernels write through; valid while this grid lives.
    var cells: GridCells { GridCells(values: values, lines: lines, seen: seen, periods: periods) }

    /// Adds the counts of a later chunk of the same file (evidence stays the earliest line).
    /// For distinct counts, only pairs this grid has not seen count.
    func addCounts(of later: PeriodGrid, distinct: Bool) {
        if distinct {
            for key in later.seen.pointee where seen.pointee.insert(key).inserted {
                let i = Int(key >> 32)
                if values[i] == 0 { lines[i] = later.lines[i] }
                values[i] += 1
            }
            return
        }
        for i in 0..<slots * periods where later.values[i] > 0 {
            if values[i] == 0 { lines[i] = later.lines[i] }
            values[i] += later.values[i]
        }
    }

    /// Takes the earlier days of a later chunk of the same file (ties keep the earlier line).
    func takeEarlier(of later: PeriodGrid) {
        for i in 0..<slots * periods where later.values[i] < values[i] {
            values[i] = later.values[i]
            lines[i] = later.lines[i]
        }
    }
}

/// A grid's memory as plain pointers, for the per-row kernels.
struct GridCells {
    let values: UnsafeMutablePointer<Int32>
    let lines: UnsafeMutablePointer<Int32>
    let seen: UnsafeMutablePointer<Set<Int64>>
    let periods: Int

    /// Counts a row for cell `i`, keeping the first line.
    @inline(__always)
    func count(_ i: Int, line: Int) {
        if values[i] == 0 { lines[i] = Int32(line) }
        values[i] &+= 1
    }

    /// Counts a (cell, value) pair once; true when it is new.
    @inline(__always)
    func firstSight(_ i: Int, value: Int64) -> Bool {
        seen.pointee.insert(Int64(i) << 32 | (value & 0xffff_ffff)).inserted
    }

    /// Keeps `day` for cell `i` when it is earlier than what is there.
    @inline(__always)
    func keepEarlier(_ i: Int, day: Int32, line: Int) {
        if day < values[i] {
            values[i] = day
            lines[i] = Int32(line)
        }
    }
}
