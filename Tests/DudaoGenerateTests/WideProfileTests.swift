import DudaoGenerate
import DudaoTable
import Foundation
import Testing

/// The `wide` profile takes away the repetition an engine could lean on: many objects,
/// interleaved practitioners, ids of several lengths, more broken rows.
@Suite struct WideProfileTests {
    @Test func sameSeedGivesIdenticalBytesAndTheProfilesDiffer() throws {
        let options = GeneratorOptions(practitioners: 30, seed: 42, profile: .wide)
        let first = try generate(options)
        let second = try generate(options)
        let standard = try generate(GeneratorOptions(practitioners: 30, seed: 42))
        defer {
            for d in [first, second, standard] { try? FileManager.default.removeItem(atPath: d) }
        }
        for file in DatasetGenerator.fileNames {
            let a = try Data(contentsOf: URL(fileURLWithPath: (first as NSString).appendingPathComponent(file)))
            let b = try Data(contentsOf: URL(fileURLWithPath: (second as NSString).appendingPathComponent(file)))
            #expect(a == b, "\(file) is reproducible")
        }
        let wide = try Data(contentsOf: URL(fileURLWithPath: (first as NSString).appendingPathComponent("activities.csv")))
        let plain = try Data(contentsOf: URL(fileURLWithPath: (standard as NSString).appendingPathComponent("activities.csv")))
        #expect(wide != plain)
    }

    @Test func rostersHaveTenTimesTheCommunitiesAndIdsOfSeveralLengths() throws {
        let n = 60
        let directory = try generate(GeneratorOptions(practitioners: n, seed: 5, profile: .wide))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let communities = try ReadTable(directory, "communities.csv").rows
        let enterprises = try ReadTable(directory, "enterprises.csv").rows
        let practitioners = try ReadTable(directory, "practitioners.csv").rows
        #expect(communities.count == 20 * n)
        #expect(enterprises.count == 20 * n)
        #expect(practitioners.count == n)
        let enterpriseIds = enterprises.map { $0["企业编号"]! }
        #expect(enterpriseIds.allSatisfy { $0.utf8.count == 18 && $0.hasPrefix("91") })
        #expect(Set(enterpriseIds).count == enterpriseIds.count, "credit codes are unique")
        #expect(practitioners.map { $0["工作者编号"]! }.prefix(10) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10"])
        let communityLengths = Set(communities.map { $0["村居编号"]!.utf8.count })
        #expect(communityLengths == [2, 3, 4, 5], "C1 … C1200")
    }

    /// Rows come in date order across the district, so consecutive rows are rarely from one
    /// practitioner, and the objects near each other are many.
    @Test func theLedgerIsInterleavedAndNamesManyObjects() throws {
        let n = 100
        let directory = try generate(GeneratorOptions(practitioners: n, seed: 7, anomalyScale: 0, profile: .wide))
        let standardDirectory = try generate(GeneratorOptions(practitioners: n, seed: 7, anomalyScale: 0))
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: standardDirectory)
        }
        func shape(_ rows: [[String: String]]) -> (changes: Double, objectsPer1000: Int, sorted: Bool) {
            var changes = 0
            for i in 1..<rows.count where rows[i]["工作者编号"] != rows[i - 1]["工作者编号"] { changes += 1 }
            let days = rows.compactMap { day($0["日期"]!)?.rawValue }
            let objects = stride(from: 0, to: rows.count - 1_000, by: 1_000).map { start in
                Set(rows[start..<(start + 1_000)].map { $0["对象编号"]! }).count
            }
            return (Double(changes) / Double(rows.count), objects.reduce(0, +) / max(objects.count, 1),
                    days.count == rows.count && days == days.sorted())
        }
        let wide = shape(try ReadTable(directory, "activities.csv").rows)
        let standard = shape(try ReadTable(standardDirectory, "activities.csv").rows)
        #expect(wide.sorted, "a clean wide ledger is in date order")
        // A practitioner's rows of one day stay together (about 1.5 a day here).
        #expect(wide.changes > 0.5, "practitioner changes on \(wide.changes) of rows")
        #expect(standard.changes < 0.01)
        #expect(wide.objectsPer1000 >= 5 * standard.objectsPer1000,
                "distinct objects per 1,000 rows: wide \(wide.objectsPer1000), standard \(standard.objectsPer1000)")
    }

    /// Three times the broken rows of `standard`, still a minority.
    @Test func moreRowsAreBrokenThanInTheStandardProfile() throws {
        func problems(_ profile: GeneratorProfile) throws -> (share: Double, duplicates: Int) {
            let directory = try generate(GeneratorOptions(practitioners: 60, seed: 1, profile: profile))
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let rows = try ReadTable(directory, "activities.csv").rows
            let unknown: Set = ["P0", "SO0", "X0", "P9999999", "SO99999", "X0000001"]
            let broken = rows.filter { row in
                day(row["日期"]!) == nil || unknown.contains(row["工作者编号"]!) || unknown.contains(row["所编号"]!)
                    || unknown.contains(row["对象编号"]!) || (!row["收费"]!.isEmpty && amount(row["收费"]!) == nil)
            }.count
            var keys = Set<String>()
            var duplicates = 0
            for row in rows where !keys.insert([row["日期"]!, row["工作者编号"]!, row["活动类型"]!, row["对象编号"]!].joined(separator: "|")).inserted {
                duplicates += 1
            }
            return (Double(broken) / Double(rows.count), duplicates)
        }
        let wide = try problems(.wide)
        let standard = try problems(.standard)
        #expect(wide.share > 2 * standard.share && wide.share < 0.15, "wide \(wide.share), standard \(standard.share)")
        #expect(wide.duplicates > 2 * standard.duplicates)
    }
}
