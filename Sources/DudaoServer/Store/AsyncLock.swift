/// A first-come, first-served lock for async code with a number of permits: one SQLite
/// connection runs one transaction at a time (one permit; an actor alone would let another
/// caller in at every `await`), and the engine runs at most as many district runs as there
/// are cores, so memory stays bounded however many requests wait.
actor AsyncLock {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int = 1) {
        free = max(permits, 1)
    }

    func lock() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func unlock() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` holding a permit.
    nonisolated func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let value = try await body()
            await unlock()
            return value
        } catch {
            await unlock()
            throw error
        }
    }
}
