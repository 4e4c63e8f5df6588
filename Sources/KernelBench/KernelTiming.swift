/// The best of several alternating runs of a kernel and its reference: alternating puts both
/// under the same machine load, and the minimum is the run least disturbed by other work.
struct KernelTiming {
    /// Seconds of the kernel's fastest run.
    var kernel = Double.infinity
    /// Seconds of the reference's fastest run.
    var reference = Double.infinity
    /// Items per run (rows, cells or keys).
    var items = 0

    /// `kernel / reference`.
    var ratio: Double { kernel / reference }

    /// Measures `kernel` over `rounds` alternating rounds.
    init(_ kernel: Kernel, rounds: Int) {
        let clock = ContinuousClock()
        var sink: UInt64 = 0
        for _ in 0..<max(1, rounds) {
            var result = (items: 0, checksum: UInt64(0))
            let a = clock.measure { result = kernel.run() }
            sink ^= result.checksum
            items = result.items
            let b = clock.measure { sink ^= kernel.baseline().checksum }
            self.kernel = min(self.kernel, a.seconds)
            self.reference = min(self.reference, b.seconds)
        }
        // Keep the checksums observable without printing them.
        if sink == 0x5EED_0000_0000_0001 { print("") }
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
