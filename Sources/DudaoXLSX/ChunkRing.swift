import Foundation

/// Inflated chunks handed from the thread that inflates an entry (`put`) to the thread that
/// reads them (`drain`): a ring of `slots` buffers of `chunkSize` bytes, so the inflater runs
/// at most that far ahead and memory stays bounded whatever the entry holds.
///
/// The inflater writes a slot only while it is free and the reader reads it only while it is
/// filled; the lock guards the counts, never the bytes.
final class ChunkRing: @unchecked Sendable {
    /// Thrown to the inflater by `put` once the reader has stopped.
    struct Cancelled: Error {}

    let chunkSize: Int
    let slots: Int
    private let storage: UnsafeMutableRawPointer
    private var counts: [Int]
    private var head = 0
    private var filled = 0
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private let condition = NSCondition()

    init(chunkSize: Int, slots: Int) {
        self.chunkSize = chunkSize
        self.slots = slots
        storage = UnsafeMutableRawPointer.allocate(byteCount: chunkSize * slots, alignment: 16)
        counts = Array(repeating: 0, count: slots)
    }

    deinit {
        storage.deallocate()
    }

    /// The inflater: copies `chunk` into free slots, waiting while all are filled. Throws
    /// `Cancelled` when the reader has stopped.
    func put(_ chunk: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < chunk.count {
            condition.lock()
            while filled == slots && !cancelled { condition.wait() }
            let index = (head + filled) % slots
            let stop = cancelled
            condition.unlock()
            if stop { throw Cancelled() }
            let n = min(chunkSize, chunk.count - done)
            // The slot is not filled, so the reader does not look at it.
            (storage + index * chunkSize).copyMemory(from: chunk.baseAddress! + done, byteCount: n)  // unwrap: done < count, so the chunk is not empty
            condition.lock()
            counts[index] = n
            filled += 1
            condition.broadcast()
            condition.unlock()
            done += n
        }
    }

    /// The inflater: no more chunks; `failure` is why, when the entry could not be read whole.
    func close(failure: (any Error)?) {
        condition.lock()
        ended = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The reader: calls `body` with each chunk in order, then throws the inflater's failure if
    /// it had one. If `body` throws, the inflater is stopped and waited for before the error
    /// comes out, so nothing of the entry is read after this returns.
    func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            condition.lock()
            while filled == 0 && !ended { condition.wait() }
            guard filled > 0 else {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return
            }
            let index = head
            let count = counts[index]
            condition.unlock()
            do {
                try body(UnsafeRawBufferPointer(start: storage + index * chunkSize, count: count))
            } catch {
                cancel()
                throw error
            }
            condition.lock()
            head = (head + 1) % slots
            filled -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Stops the inflater and waits until it has closed the ring.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
    }
}
