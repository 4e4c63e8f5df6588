/// Inflated chunks handed from the thread that inflates an entry (`put`) to the thread that
/// reads them (`drain`): a ring of `slots` buffers of `chunkSize` bytes, so the inflater runs
/// at most that far ahead and memory stays bounded whatever the entry holds. The hand-over
/// itself, and stopping the inflater when the reader stops, is `SlotHandoff`'s.
final class ChunkRing: @unchecked Sendable {
    let chunkSize: Int
    let slots: Int
    private let storage: UnsafeMutableRawPointer
    /// The bytes in each slot, written only while the inflater holds the slot. Plain memory: the
    /// two threads touch different slots at once, which an array property would trap as
    /// overlapping accesses.
    private let counts: UnsafeMutablePointer<Int>
    private let handoff: SlotHandoff

    init(chunkSize: Int, slots: Int) {
        self.chunkSize = chunkSize
        self.slots = slots
        storage = UnsafeMutableRawPointer.allocate(byteCount: chunkSize * slots, alignment: 16)
        counts = .allocate(capacity: max(slots, 1))
        counts.initialize(repeating: 0, count: max(slots, 1))
        handoff = SlotHandoff(slots: slots)
    }

    deinit {
        storage.deallocate()
        counts.deallocate()
    }

    /// The inflater: copies `chunk` into free slots, waiting while all are filled. Throws
    /// `SlotHandoff.Cancelled` when the reader has stopped.
    func put(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress else { return }
        var done = 0
        while done < chunk.count {
            let index = try handoff.acquire()
            let n = min(chunkSize, chunk.count - done)
            (storage + index * chunkSize).copyMemory(from: base + done, byteCount: n)
            counts[index] = n
            handoff.publish()
            done += n
        }
    }

    /// The inflater: no more chunks; `failure` is why, when the entry could not be read whole.
    func close(failure: (any Error)?) {
        handoff.close(failure: failure)
    }

    /// The reader: calls `body` with each chunk in order, then throws the inflater's failure if
    /// it had one. If `body` throws, the inflater is stopped and waited for before the error
    /// comes out, so nothing of the entry is read after this returns.
    func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try handoff.drain { index in
            try body(UnsafeRawBufferPointer(start: storage + index * chunkSize, count: counts[index]))
        }
    }
}
