/// The order stage: fingerprints made unique, the office filter, exemptions, then findings
/// and due items sorted as CLI.md says.
enum FindingOrder {
    /// Puts the findings and due items in the report's order (changed in place: they are
    /// large), and returns what became of each exemption; `ruleIDs` are the ids an exemption
    /// may name (the pack's rules and the data.* checks).
    static func finish(_ findings: inout [Finding], _ due: inout [DueItem], options: AuditOptions,
                       ruleIDs: [String]) -> [ExemptionOutcome] {
        let threads = max(1, options.threads)
        disambiguateFingerprints(&findings, threads: threads)
        if !options.offices.isEmpty {
            let wanted = Set(options.offices)
            findings = findings.filter { !wanted.isDisjoint(with: $0.offices) }
            due = due.filter { !wanted.isDisjoint(with: $0.offices) }
        }
        let outcomes = ExemptionMatcher.apply(options.exemptions, to: &findings, asOf: options.asOf, rules: ruleIDs)
        sort(&findings, threads: threads)
        due.sort(by: dueOrder)
        return outcomes
    }

    /// Record findings are fingerprinted by record id; rows that share an id (a copied
    /// 记录编号) would share a fingerprint, so every one after the first gets its line added.
    /// Fingerprints are compared as the 64-bit numbers they spell (texts only for any other).
    static func disambiguateFingerprints(_ findings: inout [Finding], threads: Int) {
        // Reading 200,000 fingerprints is memory-bound: on all cores, then one pass to match.
        let values = findings.withUnsafeBufferPointer { buffer in
            let all = UnsafeSendable(buffer)
            return Concurrent.map(count: buffer.count, threads: threads) { Fingerprint.value(all.value[$0].fingerprint) }
        }
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(findings.count)
        var firstText: [String: Int] = [:]
        var shared: [Int: [Int]] = [:]
        for i in findings.indices {
            let j: Int?
            if let v = values[i] {
                j = first[v]
                if j == nil { first[v] = i }
            } else {
                let fp = findings[i].fingerprint
                j = firstText[fp]
                if j == nil { firstText[fp] = i }
            }
            if let j { shared[j, default: [j]].append(i) }
        }
        for (_, group) in shared.sorted(by: { $0.key < $1.key }) {
            let ordered = group.sorted {
                let a = findings[$0].subject, b = findings[$1].subject
                return (a.file ?? "", a.sheet ?? "", a.line ?? 0) < (b.file ?? "", b.sheet ?? "", b.line ?? 0)
            }
            for i in ordered.dropFirst() {
                findings[i].fingerprint = Fingerprint.of([findings[i].fingerprint, "line \(findings[i].subject.line ?? 0)"])
            }
        }
    }

    /// Sorts findings in the order of CLI.md (rule, subject id, period start, file, line; ties
    /// by fingerprint). Texts compare as UTF-8 bytes; sorting goes through small integer keys,
    /// made and sorted on all cores, and the large finding values are then moved into place
    /// (no copies).
    static func sort(_ findings: inout [Finding], threads: Int) {
        // Findings of a rule (and of a file) come in runs: the distinct texts, asking a set
        // only when the text changes.
        var ruleTexts = Set<String>(), fileTexts = Set<String>()
        var lastRule: String?, lastFile: String?
        for i in findings.indices {
            if findings[i].rule != lastRule { lastRule = findings[i].rule; ruleTexts.insert(findings[i].rule) }
            let file = findings[i].subject.file ?? ""
            if file != lastFile { lastFile = file; fileTexts.insert(file) }
        }
        func rank(_ texts: Set<String>) -> [String: Int32] {
            var out: [String: Int32] = [:]
            for (i, t) in texts.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() { out[t] = Int32(i) }
            return out
        }
        let rules = rank(ruleTexts), files = rank(fileTexts)
        struct Key {
            var rule: Int32, id0: UInt64, id1: UInt64, period: Int32, file: Int32, line: Int32, long: Bool
        }
        func prefix(_ id: String) -> (UInt64, UInt64, Bool) {
            var a: UInt64 = 0, b: UInt64 = 0, n = 0
            for byte in id.utf8 {
                if n < 8 { a |= UInt64(byte) << (56 - 8 * n) } else if n < 16 { b |= UInt64(byte) << (56 - 8 * (n - 8)) }
                n += 1
            }
            return (a, b, n > 16)
        }
        let keys = findings.withUnsafeBufferPointer { buffer in
            let all = UnsafeSendable(buffer)
            return Concurrent.map(count: buffer.count, threads: threads) { i -> Key in
                let f = all.value
                let (a, b, long) = prefix(f[i].subject.id ?? "")
                return Key(rule: rules[f[i].rule]!, id0: a, id1: b, period: f[i].period?.start.rawValue ?? Int32.min,  // unwrap: ranks are made from these same findings
                           file: files[f[i].subject.file ?? ""]!, line: Int32(f[i].subject.line ?? 0), long: long)  // unwrap: ranks are made from these same findings
            }
        }
        let order = findings.withUnsafeBufferPointer { all in
            Concurrent.sortedIndices(count: keys.count, threads: threads) { x, y in
                let a = keys[x], b = keys[y]
                if a.rule != b.rule { return a.rule < b.rule }
                if a.id0 != b.id0 { return a.id0 < b.id0 }
                if a.id1 != b.id1 { return a.id1 < b.id1 }
                if a.long || b.long {
                    let ia = all[x].subject.id ?? "", ib = all[y].subject.id ?? ""
                    if ia != ib { return ia.utf8.lexicographicallyPrecedes(ib.utf8) }
                }
                if a.period != b.period { return a.period < b.period }
                if a.file != b.file { return a.file < b.file }
                if a.line != b.line { return a.line < b.line }
                if all[x].fingerprint != all[y].fingerprint { return all[x].fingerprint < all[y].fingerprint }
                // Fingerprints are unique by now, so this never decides; it only makes the
                // order total, which the two-halves sort needs.
                return x < y
            }
        }
        permute(&findings, by: order)
    }

    /// Puts `items[order[k]]` at position k, following the permutation's cycles, so each
    /// value is moved once and none is copied.
    static func permute<T>(_ items: inout [T], by order: [Int]) {
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in 0..<buffer.count where !placed[start] {
                let first = (base + start).move()
                var k = start
                while true {
                    placed[k] = true
                    let from = order[k]
                    if from == start {
                        (base + k).initialize(to: first)
                        break
                    }
                    (base + k).moveInitialize(from: base + from, count: 1)
                    k = from
                }
            }
        }
    }

    static func dueOrder(_ a: DueItem, _ b: DueItem) -> Bool {
        (a.rule, a.subject.id ?? "", a.period.start.rawValue) < (b.rule, b.subject.id ?? "", b.period.start.rawValue)
    }
}
