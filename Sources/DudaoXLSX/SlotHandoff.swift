import Foundation

/// The hand-over between one thread that fills slots (the producer) and one that reads them
/// (the consumer), for a ring of `slots` slots the caller keeps: the producer takes the next
/// free slot (`acquire`), fills it and hands it over (`publish`), and ends with `close`; the
/// consumer reads filled slots in order (`drain`). The producer runs at most `slots` ahead,
/// so memory stays bounded; a consumer that stops early stops the producer and waits for it.
///
/// A slot is written only while it is the producer's and read only while it is filled; the
/// lock guards the counts, never the slots' contents (taking it orders them).
final class SlotHandoff: @unchecked Sendable {
    /// Thrown to the producer by `acquire` once the consumer has stopped.
    struct Cancelled: Error {}

    let slots: Int
    private var head = 0
    private var filled = 0
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private let condition = NSCondition()

    init(slots: Int) {
        self.slots = max(slots, 1)
    }

    /// The producer: the index of the next free slot, waiting while all are filled. Throws
    /// `Cancelled` when the consumer has stopped.
    func acquire() throws -> Int {
        condition.lock()
        defer { condition.unlock() }
        while filled == slots && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        return (head + filled) % slots
    }

    /// The producer: the slot from `acquire` is filled.
    func publish() {
        condition.lock()
        filled += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The producer: nothing more comes; `failure` is why, when it stopped early.
    func close(failure: (any Error)?) {
        condition.lock()
        ended = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer: calls `body` with each filled slot in order, then throws the producer's
    /// failure if it had one. If `body` throws, the producer is stopped and waited for before
    /// the error comes out, so no slot is written after this returns.
    func drain(_ body: (_ slot: Int) throws -> Void) throws {
        while true {
            condition.lock()
            while filled == 0 && !ended { condition.wait() }
            guard filled > 0 else {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return
            }
            let slot = head
            condition.unlock()
            do {
                try body(slot)
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

    /// Stops the producer and waits until it has closed.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
    }
}
