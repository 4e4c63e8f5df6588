import Testing
@testable import DudaoTable

/// `CSVScanner` against `ReferenceCSVReader` on seeded random CSV with every awkward ingredient.
@Suite struct CSVScannerPropertyTests {
    static let pieces: [String] = [
        "a", "P0001", "2022/7/5", "法律体检", "赶大集", "备注", "𠀀", ",", ",", "\"", "\"\"", "\n", "\r", "\r\n",
        " ", "  ", "\t", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "x y", "，", "é",
    ]
    static let breaks = ["\n", "\r\n", "\r"]

    static func randomField(_ rng: inout SplitMix64) -> String {
        let raw = (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4:
            return raw
        case 4..<8:
            // Properly quoted, sometimes with spaces outside the quotes or text after them.
            let quoted = "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let before = Int.random(in: 0..<6, using: &rng) == 0 ? " " : ""
            let after = ["", "", "", " ", "\u{3000}", "z", "\""].randomElement(using: &rng)!
            return before + quoted + after
        default:
            // Safe text only.
            return ["", "A-2022-00001", " 张三 ", "200.00", "是"].randomElement(using: &rng)!
        }
    }

    static func randomCSV(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var text = Int.random(in: 0..<4, using: &rng) == 0 ? "" : "h1,h2,h3"
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            text += breaks.randomElement(using: &rng)!
            let fields = (0..<Int.random(in: 1...5, using: &rng)).map { _ in randomField(&rng) }
            text += fields.joined(separator: ",")
        }
        if Bool.random(using: &rng) { text += breaks.randomElement(using: &rng)! }
        return text
    }

    @Test(arguments: 0..<8)
    func agreesWithTheReference(batch: Int) throws {
        var failures = 0
        var errors = 0
        for seed in UInt64(batch * 500)..<UInt64(batch * 500 + 500) {
            let text = Self.randomCSV(seed: seed)
            let expected = ReferenceCSVReader.read(text)
            let actual = ScannedRow.scan(text)
            if case .failure = expected { errors += 1 }
            if actual != expected, failures < 3 {
                failures += 1
                Issue.record("seed \(seed): \(text.debugDescription)\nexpected \(expected)\nactual   \(actual)")
            }
        }
        // The generator must exercise the error path without drowning the row comparisons.
        #expect(errors > 5 && errors < 400)
    }

    /// A scanner started at a row start another scanner reported (`position`) reads the
    /// rest exactly as the whole scan does: what the parallel ledger scan relies on.
    @Test(arguments: 0..<4)
    func piecesFromRowStartsScanLikeTheWhole(batch: Int) throws {
        for seed in UInt64(10_000 + batch * 250)..<UInt64(10_000 + batch * 250 + 250) {
            let bytes = Array(Self.randomCSV(seed: seed).utf8)
            guard case .success(let whole) = ScannedRow.scan(bytes) else { continue }
            let every = Int(seed % 4) + 1
            let starts = try bytes.withUnsafeBytes { buffer -> [CSVRowStart] in
                var scanner = CSVScanner(bytes: buffer)
                var row = CSVRow()
                var out = [scanner.position]
                var n = 0
                while try scanner.next(&row) {
                    n += 1
                    if n % every == 0 { out.append(scanner.position) }
                }
                return out
            }
            var pieced: [ScannedRow] = []
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1].offset : bytes.count
                pieced += try ScannedRow.scan(bytes, from: start, end: end).get()
            }
            #expect(pieced == whole, "seed \(seed)")
        }
    }
}
