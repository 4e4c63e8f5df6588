/// The one owner of the plain memory a compiled run reads on its hot paths: predicate nodes,
/// lookup arrays, code → slot maps, subject cells, per-table facts by code.
///
/// Invariants:
/// - Blocks are only added while the plan is compiled, on one thread (`copy` is called by
///   the compile stage alone); after that nothing writes to them.
/// - Every pointer handed out stays valid while this object lives; the compiled plan, the
///   scan and the judge keep the `CompiledPlan` (which holds this object) alive for as long
///   as they use a `Predicate`, `SlotLookup` or `TablePlan` made from it.
/// - Only trivial values (numbers, cells, nodes; no references) are copied in, so the blocks
///   are freed without deinitializing them, once, when the last reference goes.
///
/// Read-only sharing across the scan's threads is therefore safe, which is why this class
/// (and the pointer-holding values made from it) are `@unchecked Sendable`.
final class PlanMemory: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    /// A copy of `values` in memory this object owns (at least one element's room).
    func copy<T>(_ values: [T]) -> UnsafePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { p.initialize(from: base, count: b.count) }
        }
        blocks.append(UnsafeMutableRawPointer(p))
        return UnsafePointer(p)
    }

    deinit {
        for b in blocks { b.deallocate() }
    }
}
