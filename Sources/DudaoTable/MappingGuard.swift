import CMapGuard

/// Keeps reads of a file mapping from crashing when the file is cut short meanwhile: a read
/// past the new end finds zeros instead of raising SIGBUS, and `faulted` tells afterwards that
/// it happened. Costs nothing per read; see `CMapGuard.h`.
struct MappingGuard {
    private let slot: Int

    /// Guards `mapping` until `end()`; nil when no guard could be set up.
    init?(_ mapping: UnsafeRawBufferPointer) {
        guard let base = mapping.baseAddress else { return nil }
        let slot = dudao_guard_register(base, mapping.count)
        guard slot >= 0 else { return nil }
        self.slot = slot
    }

    /// Whether a read in the mapping went past the end of the file.
    var faulted: Bool { dudao_guard_faulted(slot) != 0 }

    /// Stops guarding; call before the mapping is unmapped.
    func end() { dudao_guard_unregister(slot) }
}
