import Testing
import DudaoTable

/// The grid in front of a `GroupIndex`: the same key always reaches the same cell and
/// different keys different cells, parts outside an axis (negative, past its limit, or new
/// once the axis is full) have no cell, and a cell gives back the group remembered in it.
struct GroupGridTests {
    private func cell(_ grid: borrowing GroupGrid, _ key: [Int64]) -> Int {
        key.withUnsafeBufferPointer { grid.cell(of: $0.baseAddress!) }
    }

    @Test func differentKeysGetDifferentCellsAndCellsRememberGroups() {
        let grid = GroupGrid(axes: [.init(limit: 1000, capacity: 50), .init(limit: 10, capacity: 10)])
        var seen: [Int: [Int64]] = [:]
        for a in stride(from: Int64(0), to: 1000, by: 20) {
            for b in Int64(0)..<10 {
                let c = cell(grid, [a, b])
                #expect(c >= 0)
                #expect(seen[c] == nil, "cell \(c) given to \(seen[c] ?? []) and \([a, b])")
                seen[c] = [a, b]
                #expect(grid.group(at: c) == -1)
                grid.remember(seen.count - 1, at: c)
            }
        }
        #expect(seen.count == 500)
        // Asked again, in another order: the same cells, the groups remembered there.
        for (c, key) in seen.sorted(by: { $0.key > $1.key }) {
            #expect(cell(grid, key) == c)
            #expect(grid.group(at: c) >= 0)
        }
    }

    @Test func partsOutsideTheirAxisHaveNoCell() {
        let grid = GroupGrid(axes: [.init(limit: 100, capacity: 2), .init(limit: 4, capacity: 4)])
        #expect(cell(grid, [-1, 0]) == -1)  // empty and unknown parts are negative
        #expect(cell(grid, [Int64.min, 0]) == -1)
        #expect(cell(grid, [100, 0]) == -1)  // past the limit
        #expect(cell(grid, [5, 4]) == -1)
        #expect(cell(grid, [5, 0]) >= 0)
        #expect(cell(grid, [7, 0]) >= 0)
        #expect(cell(grid, [9, 0]) == -1)  // a third value on an axis with room for two
        #expect(cell(grid, [7, 3]) >= 0)
    }

    @Test func tooManyCellsOrAnAxisWithoutValuesMeansNoGrid() {
        let huge = GroupGrid(axes: [.init(limit: 1 << 20, capacity: 1 << 12), .init(limit: 1 << 20, capacity: 1 << 12)])
        #expect(cell(huge, [1, 1]) == -1)
        let amounts = GroupGrid(axes: [.init(limit: 10, capacity: 10), .init(limit: 0, capacity: 0)])
        #expect(cell(amounts, [1, 0]) == -1)
        let none = GroupGrid(axes: [])
        #expect(cell(none, [0]) == -1)
    }

    /// Totals kept by cell are handed back with each cell's key: every cell made of places
    /// given so far, once, with the values that were given those places.
    @Test func everyCellIsListedOnceWithItsKey() {
        let grid = GroupGrid(axes: [.init(limit: 100, capacity: 5), .init(limit: 10, capacity: 3)])
        var cells: [[Int64]: Int] = [:]
        for key: [Int64] in [[42, 7], [3, 7], [42, 1]] { cells[key] = cell(grid, key) }
        var listed: [[Int64]: Int] = [:]
        grid.forEachCell { c, key in
            let k = [key[0], key[1]]
            #expect(listed[k] == nil)
            listed[k] = c
        }
        // Two places on each axis: four cells, three of them seen, each where `cell(of:)` put it.
        #expect(listed.count == 4)
        for (key, c) in cells { #expect(listed[key] == c) }
        #expect(listed[[3, 1]] != nil)
        #expect(Set(listed.values).count == 4)
        #expect(grid.cellCount == 15)
        var none = 0
        GroupGrid(axes: [.init(limit: 10, capacity: 2)]).forEachCell { _, _ in none += 1 }
        #expect(none == 0)
    }
}
