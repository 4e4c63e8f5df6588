import DudaoTable
import Foundation

// Kernel benchmarks: each kernel of the ledger path beside a plain reference on the same
// synthetic ledger, in the same run. Fails (exit 1) when a kernel's ratio to its reference
// passes its threshold, so a regression shows where it was made. Build in release:
//   swift run -c release KernelBench            # 1,000,000 rows, 5 rounds
//   swift run -c release KernelBench --rows 200000 --rounds 3
//   swift run -c release KernelBench --smoke    # CI: 100,000 rows, 3 rounds

var rows = 1_000_000
var rounds = 5
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--smoke": (rows, rounds) = (100_000, 3)
    case "--rows": rows = arguments.next().flatMap { Int($0) }.map { max(1, $0) } ?? rows
    case "--rounds": rounds = arguments.next().flatMap { Int($0) }.map { max(1, $0) } ?? rounds
    default:
        print("usage: KernelBench [--smoke] [--rows N] [--rounds N]")
        exit(2)
    }
}

let ledger = SyntheticLedger(rows: rows)
let report = ledger.bytes.withUnsafeBytes { bytes in
    Kernels.all(ledger, bytes).map { kernel in (kernel, KernelTiming(kernel, rounds: rounds)) }
}
print("kernel          ns/item   reference ns/item   ratio   threshold   reference")
var failed = false
for (kernel, timing) in report {
    let perItem = { (seconds: Double) in seconds * 1e9 / Double(max(1, timing.items)) }
    let over = timing.ratio > kernel.threshold
    failed = failed || over
    print(kernel.name.padding(toLength: 14, withPad: " ", startingAt: 0)
          + format(perItem(timing.kernel), width: 10) + format(perItem(timing.reference), width: 20)
          + format(timing.ratio, width: 8) + format(kernel.threshold, width: 12)
          + "   " + kernel.reference + (over ? "   ← over the threshold" : ""))
}
print("\(rows) rows, \(ledger.bytes.count) bytes, best of \(rounds) rounds")
exit(failed ? 1 : 0)

func format(_ value: Double, width: Int) -> String {
    String(format: "%*.2f", width, value)
}
