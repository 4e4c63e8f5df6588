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
/// numbering of the groups. Memory comes zeroed from `calloc`, so pages nothing touches
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

    private let width: Int
    private let limits: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>
    private let strides: UnsafeMutablePointer<Int>
    private let given: UnsafeMutablePointer<Int>
    /// Per axis: place + 1 by value (0: none yet).
    private let places: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>
    /// Group + 1 by cell (0: not seen); nil when the grid would be too big.
    private let cells: UnsafeMutablePointer<Int32>?

    public init(axes: [Axis]) {
        width = axes.count
        limits = .allocate(capacity: max(width, 1))
        capacities = .allocate(capacity: max(width, 1))
        strides = .allocate(capacity: max(width, 1))
        given = .allocate(capacity: max(width, 1))
        places = .allocate(capacity: max(width, 1))
        var size = 1
        for (k, axis) in axes.enumerated() {
            limits[k] = axis.limit
            capacities[k] = axis.capacity
            strides[k] = size
            given[k] = 0
            places[k] = nil
            let (product, overflow) = size.multipliedReportingOverflow(by: max(axis.capacity, 1))
            size = overflow ? Int.max : product
        }
        let usable = width > 0 && size <= Self.maxCells && axes.allSatisfy { $0.limit > 0 && $0.capacity > 0 }
        cells = usable ? calloc(size, MemoryLayout<Int32>.stride)?.bindMemory(to: Int32.self, capacity: size) : nil
        guard cells != nil else { return }
        for k in 0..<width {
            places[k] = calloc(limits[k], MemoryLayout<Int32>.stride)?.bindMemory(to: Int32.self, capacity: limits[k])
        }
    }

    deinit {
        for k in 0..<width { free(places[k]) }
        free(cells)
        limits.deallocate()
        capacities.deallocate()
        strides.deallocate()
        given.deallocate()
        places.deallocate()
    }

    /// The cell of `key` (`width` words), placing parts not seen before; -1 when it has none.
    @inline(__always)
    public func cell(of key: UnsafePointer<Int64>) -> Int {
        guard cells != nil else { return -1 }
        var cell = 0
        for k in 0..<width {
            let v = key[k]
            guard v >= 0, v < Int64(limits[k]), let axis = places[k] else { return -1 }
            var place = Int(axis[Int(v)]) - 1
            if place < 0 {
                guard given[k] < capacities[k] else { return -1 }
                place = given[k]
                given[k] += 1
                axis[Int(v)] = Int32(truncatingIfNeeded: place + 1)
            }
            cell += place * strides[k]
        }
        return cell
    }

    /// The group remembered in `cell` (from `cell(of:)`, not -1), or -1.
    @inline(__always)
    public func group(at cell: Int) -> Int {
        guard let cells else { return -1 }
        return Int(cells[cell]) - 1
    }

    /// Remembers `group` as the group of `cell` (from `cell(of:)`, not -1).
    @inline(__always)
    public func remember(_ group: Int, at cell: Int) {
        cells?[cell] = Int32(truncatingIfNeeded: group + 1)
    }
}
