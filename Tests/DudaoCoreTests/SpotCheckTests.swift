import Foundation
import Testing
@testable import DudaoCore

/// `dudao sample`: per office, the records with the smallest seeded hashes, only up to the
/// as-of date; the same seed gives the same list, and one office's rows never change
/// another's sample.
struct SpotCheckTests {
    /// `n` activity rows of `office` (ids A<office><i>), one a day from 1 June 2022.
    static func rows(_ office: String, _ n: Int, practitioner: String = "P1") -> [String] {
        (0..<n).map { i in "A\(office)\(i),2022-\(6 + i / 28)-\(1 + i % 28),\(office),\(practitioner),法律咨询,,合同审查,是,,," }
    }

    func draw(_ fixture: Fixture, pack: TestPack = .everyRule, seed: UInt64 = 7, perOffice: Int = 5, asOf: String = "2023-04-30",
              offices: [String] = []) throws -> SpotCheck {
        try SpotCheckSampler.draw(pack: pack.load(), dataset: fixture.dataset(),
                                  .init(asOf: day(asOf), seed: seed, perOffice: perOffice, offices: offices, tables: ["activities"]))
    }

    @Test func eachOfficeGetsItsShareOfRecordsUpToTheAsOfDate() throws {
        // O1: 40 rows from 1 June, 28 of them in June; O2: 3 rows; one row of no office.
        let fixture = Fixture(["activities.csv": Self.rows("O1", 40) + Self.rows("O2", 3) + ["X1,2022-06-02,,P1,法律咨询,,,是,,,"]])
        let check = try draw(fixture, asOf: "2022-06-30")
        #expect(check.offices.map(\.id) == ["O1", "O2", nil])
        #expect(check.offices.map(\.name) == ["东街所", "西区所", nil])
        #expect(check.offices.map(\.population) == [28, 3, 1])
        #expect(check.offices.map(\.records.count) == [5, 3, 1])
        let o1 = check.offices[0].records
        #expect(o1.allSatisfy { $0.date <= day("2022-06-30") && $0.id?.hasPrefix("AO1") == true && $0.file == "activities.csv" })
        #expect(o1.map(\.line) == o1.map(\.line).sorted())
        // The record's place and cells are its own.
        let first = try #require(o1.first)
        let i = try #require(first.id.flatMap { Int($0.dropFirst(3)) })
        #expect(first.line == i + 2)
        #expect(first.columns.first == "所编号" && first.values.first == "O1")
        #expect(!first.columns.contains("记录编号") && !first.columns.contains("日期"))
    }

    @Test func theSameSeedGivesTheSameListAndAnotherSeedAnother() throws {
        let fixture = Fixture(["activities.csv": Self.rows("O1", 60)])
        let a = try draw(fixture, seed: 11), b = try draw(fixture, seed: 11), c = try draw(fixture, seed: 12)
        #expect(a == b)
        #expect(a.offices[0].records.map(\.id) != c.offices[0].records.map(\.id))
        #expect(a.seed == 11 && a.perOffice == 5 && a.tables == ["activities"])
    }

    /// The sample is the records with the smallest hashes, whatever order the rows come in.
    @Test func theSampleIsTheSmallestHashesOfTheOffice() throws {
        let rows = Self.rows("O1", 60)
        let check = try draw(Fixture(["activities.csv": rows]), seed: 3)
        let expected = rows.map { String($0.prefix { $0 != "," }) }
            .sorted { SpotCheckSampler.hash(seed: 3, table: "activities", key: $0) < SpotCheckSampler.hash(seed: 3, table: "activities", key: $1) }
            .prefix(5)
        #expect(Set(check.offices[0].records.compactMap(\.id)) == Set(expected))
        let reversed = try draw(Fixture(["activities.csv": rows.reversed()]), seed: 3)
        #expect(Set(reversed.offices[0].records.compactMap(\.id)) == Set(expected))
    }

    @Test func rowsOfOneOfficeDoNotChangeAnothersSample() throws {
        let before = try draw(Fixture(["activities.csv": Self.rows("O1", 20) + Self.rows("O2", 30)]))
        let after = try draw(Fixture(["activities.csv": Self.rows("O1", 200) + Self.rows("O2", 30)]))
        // Lines move (O1's rows come first); the records drawn do not.
        #expect(before.offices[1].records.map(\.id) == after.offices[1].records.map(\.id))
        #expect(before.offices[1].population == after.offices[1].population)
    }

    @Test func onlyTheOfficesAskedFor() throws {
        let check = try draw(Fixture(["activities.csv": Self.rows("O1", 10) + Self.rows("O2", 10)]), offices: ["O2"])
        #expect(check.offices.map(\.id) == ["O2"])
    }

    /// Seeds and hashes are part of the contract: a list drawn today is drawn again next year.
    @Test func hashesDoNotChange() {
        #expect(SpotCheckSampler.hash(seed: 1, table: "activities", key: "A1") == 4_641_987_397_968_443_872)
        #expect(SpotCheckSampler.hash(seed: 2, table: "activities", key: "A1") != SpotCheckSampler.hash(seed: 1, table: "activities", key: "A1"))
    }

    /// A ledger whose office column names a practitioner: the office is the practitioner's.
    @Test func officeThroughAReferencedRoster() throws {
        var tables = TestPack.tables
        let activities = try #require(tables.range(of: "  activities:"))
        let office = try #require(tables.range(of: "office: 所编号", range: activities.upperBound..<tables.endIndex))
        tables.replaceSubrange(office, with: "office: 工作者编号")
        let indirect = TestPack(rules: TestPack.allRules, tables: tables)
        let rows = Self.rows("O1", 4, practitioner: "P2") + Self.rows("O2", 2, practitioner: "P1") + ["Z1,2022-06-03,O1,P9,法律咨询,,,是,,,"]
        let check = try draw(Fixture(["activities.csv": rows]), pack: indirect)
        #expect(check.offices.map(\.id) == ["O1", "O2", nil])
        #expect(check.offices.map(\.population) == [2, 4, 1])
    }
}
