import DudaoCore
import DudaoReport
import Foundation

/// The input as an earlier run's JSON result (`--baseline OLD.json`, REPORTS section 2): read
/// from disk as the command line reads it, then compared with a whole audit of the demo district.
enum BaselineInputs {
    /// A baseline must be refused with a message naming the file, in both languages, or mark
    /// every finding of the audit new or persisting and list the gone ones as resolved, alike
    /// on one thread and three, and be written in every format.
    static func baseline(_ bytes: [UInt8]) {
        let path = FuzzFixture.scratch + "/baseline.json"
        FuzzFixture.put(bytes, at: path)
        let earlier: Baseline
        do { earlier = try Baseline.load(contentsOf: path, packID: FuzzFixture.pack.id) } catch {
            guard case .badBaseline(let file, _) = error, file == path else {
                return Fuzz.check(false, "a baseline refused for another reason: \(error.message(english: true))")
            }
            for english in [false, true] {
                Fuzz.check(error.message(english: english).contains(path), "a baseline's error without the file's name")
            }
            return
        }
        var audit = WholeAudit(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: FuzzFixture.demoFiles),
                               english: bytes.count % 2 == 1)
        audit.baseline = earlier
        audit.run()
    }

    /// Seeds: the demo's JSON result at two as-of dates (the campaign's inspection phase, when
    /// the audit compares with itself, and a quarter earlier, when findings are new and gone),
    /// in Chinese and in English, each written as `dudao audit --format json` writes it.
    static func seeds() -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        for (asOf, english) in [("2023-04-30", false), ("2023-01-31", true)] {
            guard let day = Day(iso: asOf) else { continue }
            let options = AuditOptions(asOf: day, english: english, threads: 1)
            guard let result = try? Audit.run(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: FuzzFixture.demoFiles),
                                              options: options) else { continue }
            let json = WholeAudit.written(result, ReportOptions(format: .json, language: english ? .en : .zh), "seed-baseline.json")
            seeds.append(("baseline-\(asOf)", json))
        }
        return seeds
    }
}
