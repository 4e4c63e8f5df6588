/// Values grouped by a 64-bit code (an id's code, a street's), kept flat: one array of all
/// values, grouped by code in the order they were added, and for each code where its group
/// ends. It stands where a dictionary of arrays would hold a heap object per code: a roster
/// of 200,000 enterprises' assignments then costs two allocations, not 200,000.
///
/// Built once (`Builder`), then only read; a value, so it can be shared across threads.
struct CodeMultimap<Value: Sendable>: Sendable {
    /// Group + 1 by code (0: none), when the codes are few and small enough that an array
    /// indexed by code is smaller than a dictionary (ids' codes are dense from 0); else empty.
    private let direct: [Int32]
    /// Group by code, when `direct` is empty.
    private let groups: [Int64: Int32]
    /// Group `g` is `values[(g == 0 ? 0 : ends[g - 1])..<ends[g]]`.
    private let ends: [Int32]
    private let values: [Value]

    /// Collects (code, value) pairs in any order; `build()` groups them.
    struct Builder {
        private var codes: [Int64] = []
        private var values: [Value] = []

        init() {}

        mutating func append(_ value: Value, for code: Int64) {
            codes.append(code)
            values.append(value)
        }

        /// The map: a counting sort by group, so each group keeps its values' order.
        func build() -> CodeMultimap {
            var groups: [Int64: Int32] = [:]
            var sizes: [Int32] = []
            let groupOf = codes.map { code -> Int32 in
                if let g = groups[code] {
                    sizes[Int(g)] += 1
                    return g
                }
                let g = Int32(sizes.count)
                groups[code] = g
                sizes.append(1)
                return g
            }
            var ends = [Int32](repeating: 0, count: sizes.count)
            var next = [Int32](repeating: 0, count: sizes.count)
            var total: Int32 = 0
            for g in sizes.indices {
                next[g] = total
                total += sizes[g]
                ends[g] = total
            }
            // Where each value goes, then the values in that order.
            var source = [Int](repeating: 0, count: values.count)
            for (i, g) in groupOf.enumerated() {
                source[Int(next[Int(g)])] = i
                next[Int(g)] += 1
            }
            // A dictionary takes about 24 bytes a code; an array 4 bytes a possible code.
            let smallest = groups.keys.min() ?? 0, largest = groups.keys.max() ?? -1
            var direct: [Int32] = []
            if smallest >= 0, largest < Int64(6 * groups.count) {
                direct = [Int32](repeating: 0, count: Int(largest) + 1)
                for (code, g) in groups { direct[Int(code)] = g + 1 }
                groups = [:]
            }
            return CodeMultimap(direct: direct, groups: groups, ends: ends, values: source.map { values[$0] })
        }
    }

    private init(direct: [Int32], groups: [Int64: Int32], ends: [Int32], values: [Value]) {
        self.direct = direct
        self.groups = groups
        self.ends = ends
        self.values = values
    }

    private func group(of code: Int64) -> Int? {
        if direct.isEmpty { return groups[code].map(Int.init) }
        guard code >= 0, code < direct.count, direct[Int(code)] > 0 else { return nil }
        return Int(direct[Int(code)]) - 1
    }

    /// The values added for `code`, in the order they were added; nil when there are none.
    subscript(code: Int64) -> ArraySlice<Value>? {
        guard let g = group(of: code) else { return nil }
        return values[(g == 0 ? 0 : Int(ends[g - 1]))..<Int(ends[g])]
    }

    /// Every code that has values, in ascending order when they are kept by index, else in
    /// no particular order.
    var codes: [Int64] {
        if direct.isEmpty { return Array(groups.keys) }
        return direct.indices.filter { direct[$0] > 0 }.map(Int64.init)
    }
}
