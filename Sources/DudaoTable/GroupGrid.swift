#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directly indexed grid in front of a `GroupIndex`, for keys made of small codes (an
/// office, an enumeration value, a month): each key part is given a place on its axis the
/// first time it is seen (an array indexed by the part's value), and the key's cell is the
/// places times the axes' strides. A cell remembers the group its key was given, so a row
/// whose key was seen before finds its group with one load per part and one for the cell,
/// with no hashing and no comparing of keys.
///
/// The grid is a cache: a part outside its axis (negative, past its `limit`, or new when the
/// axis is full) has no cell, and the caller asks the `GroupIndex`, which stays the one
/// numbering of the groups. A caller may instead keep totals by cell in memory of its own
/// (`cellCount` of them) and hand them to its `GroupIndex` after the scan, cell by cell, with
/// the key `forEachCell` gives back. Memory comes zeroed from `calloc`, so pages nothing touches
/// cost nothing. Owned by one thread. Not copyable: its memory is freed when it goes.
public struct GroupGrid: ~Copyable {
    /// One key part's axis: values `0..<limit` have a slot, and at most `capacity` of them a place.
    public struct Axis {
        public var limit: Int
        public var capacity: Int

        public init(limit: Int, capacity: Int) {
            self.limit = max(limit, 0)
            self.capacity = max(capacity, 0)
        }
    }

    /// At most this many cells (4 bytes each) per grid; a bigger product of capacities has no grid.
    public static let maxCells = 1 << 22

    /// One axis's state, kept together so a part's lookup reads one record.
    @usableFromInline
    struct Lane {
        /// Values below this have a slot in `places`.
        @usableFromInline var limit: UInt64
        /// What a place on this axis adds to a cell: the product of the capacities before it.
        @usableFromInline var stride: Int
        @usableFromInline var capacity: Int
        /// Places given so far.
        @usableFromInline var given: Int
        /// Place + 1 by value (0: none yet); nil without a grid.
        @usableFromInline var places: UnsafeMutablePointer<Int32>?
        /// The value by place, for the places given so far.
        @usableFromInline var values: UnsafeMutablePointer<Int64>?
    }

    @usableFromInline let width: Int
    @usableFromInline let lanes: UnsafeMutablePointer<Lane>
    /// The number of cells (0 when the grid would be too big).
    public let cellCount: Int
    /// Group + 1 by cell (0: not seen); nil when the grid would be too big.
    @usableFromInline let cells: UnsafeMutablePointer<Int32>?

    public init(axes: [Axis]) {
        width = axes.count
        lanes = .allocate(capacity: max(width, 1))
        var size = 1
        for (k, axis) in axes.enumerated() {
            (lanes + k).initialize(to: Lane(limit: UInt64(axis.limit), stride: size, capacity: axis.capacity,
                                            given: 0, places: nil, values: nil))
            let (product, overflow) = size.multipliedReportingOverflow(by: max(axis.capacity, 1))
            size = overflow ? Int.max : product
        }
        let usable = width > 0 && size <= Self.maxCells && axes.allSatisfy { $0.limit > 0 && $0.capacity > 0 }
        cells = usable ? calloc(size, MemoryLayout<Int32>.stride)?.bindMemory(to: Int32.self, capacity: size) : nil
        cellCount = cells == nil ? 0 : size
        guard cells != nil else { return }
        for k in 0..<width {
            let limit = Int(lanes[k].limit), capacity = lanes[k].capacity
            lanes[k].places = calloc(limit, MemoryLayout<Int32>.stride)?.bindMemory(to: Int32.self, capacity: limit)
            lanes[k].values = calloc(capacity, MemoryLayout<Int64>.stride)?.bindMemory(to: Int64.self, capacity: capacity)
        }
    }

    deinit {
        for k in 0..<width {
            free(lanes[k].places)
            free(lanes[k].values)
        }
        free(cells)
        lanes.deinitialize(count: width)
        lanes.deallocate()
    }

    /// The cell of `key` (`width` words), placing parts not seen before; -1 when it has none.
    public func cell(of key: UnsafePointer<Int64>) -> Int {
        guard cells != nil else { return -1 }
        var cell = 0
        for k in 0..<width {
            let offset = offset(of: key[k], axis: k)
            guard offset >= 0 else { return -1 }
            cell += offset
        }
        return cell
    }

    /// What key part `v` on axis `k` adds to its key's cell (its place times the axis's
    /// stride), placing it if it is new; -1 when it has no place. A caller may sum these part
    /// by part as it makes the key, stopping at the first -1, instead of calling `cell(of:)`;
    /// without a grid (`cellCount == 0`) every part has none.
    @inlinable @inline(__always)
    public func offset(of v: Int64, axis k: Int) -> Int {
        let lane = lanes + k
        guard UInt64(bitPattern: v) < lane.pointee.limit, let places = lane.pointee.places else { return -1 }
        let known = places[Int(v)]
        if known > 0 { return Int(known &- 1) &* lane.pointee.stride }
        return place(v, lane: lane, places: places)
    }

    /// Gives `v` the next place on its axis, if it has room; -1 when it has none.
    @usableFromInline
    func place(_ v: Int64, lane: UnsafeMutablePointer<Lane>, places: UnsafeMutablePointer<Int32>) -> Int {
        let place = lane.pointee.given
        guard place < lane.pointee.capacity, let values = lane.pointee.values else { return -1 }
        lane.pointee.given += 1
        places[Int(v)] = Int32(truncatingIfNeeded: place + 1)
        values[place] = v
        return place * lane.pointee.stride
    }

    /// The group remembered in `cell` (from `cell(of:)`, not -1), or -1.
    @inlinable @inline(__always)
    public func group(at cell: Int) -> Int {
        guard let cells else { return -1 }
        return Int(cells[cell]) - 1
    }

    /// Remembers `group` as the group of `cell` (from `cell(of:)`, not -1).
    @inlinable @inline(__always)
    public func remember(_ group: Int, at cell: Int) {
        cells?[cell] = Int32(truncatingIfNeeded: group + 1)
    }

    /// Calls `body` with every cell whose parts have all been given a place, and its key
    /// (`width` words, valid during the call), in cell order.
    public func forEachCell(_ body: (_ cell: Int, _ key: UnsafePointer<Int64>) -> Void) {
        guard cells != nil, width > 0, (0..<width).allSatisfy({ lanes[$0].given > 0 }) else { return }
        let key = UnsafeMutablePointer<Int64>.allocate(capacity: width)
        defer { key.deallocate() }
        let place = UnsafeMutablePointer<Int>.allocate(capacity: width)
        defer { place.deallocate() }
        place.initialize(repeating: 0, count: width)
        while true {
            var cell = 0
            for k in 0..<width {
                key[k] = lanes[k].values?[place[k]] ?? 0
                cell += place[k] * lanes[k].stride
            }
            body(cell, key)
            // The next combination of places, the first axis fastest.
            var k = 0
            while k < width {
                place[k] += 1
                if place[k] < lanes[k].given { break }
                place[k] = 0
                k += 1
            }
            if k == width { return }
        }
    }
}
