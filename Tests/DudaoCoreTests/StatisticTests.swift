import Testing
@testable import DudaoCore

/// Statistics declared in a pack (`statistics:`), on a pack and data written here: group keys
/// (columns, month, quarter), filters in the rule syntax, counts, decimal sums and distinct
/// counts, only valid rows dated on or before the as-of date, `--office`, and the same tables
/// for any number of threads.
@Suite struct StatisticTests {
    static let pack = """
        pack:
          id: stats-test
          title: 统计测试
          attribution: {offices: offices, street: 街道}
        periods:
          year: {title: 全年, start: "2022-01-01", end: "2022-12-31"}
        tables:
          offices:
            title: 所名册
            file: offices.csv
            entity: office
            key: 所编号
            name: 所名称
            office: 所编号
            columns:
              所编号: {type: id}
              所名称: {type: text}
              街道: {type: text}
          workers:
            title: 工作者名册
            file: workers.csv
            entity: practitioner
            key: 工作者编号
            office: 所编号
            columns:
              工作者编号: {type: id}
              所编号: {type: id, references: offices}
          ledger:
            title: 台账
            file: ledger.csv
            id: 记录编号
            date: 日期
            office: 所编号
            columns:
              记录编号: {type: id}
              日期: {type: date}
              所编号: {type: id, references: offices}
              工作者编号: {type: id, references: workers}
              类型: {type: enum, values: [咨询, 事务, 讲座]}
              民生: {type: yes_no, optional: true, default: 否}
              收费: {type: amount, optional: true, default: "0"}
              事项: {type: text, optional: true}
        statistics:
          - id: by-month
            title: 各所各月
            table: ledger
            group_by: [所编号, {column: 日期, by: month, name: 月份}, 类型]
            measures:
              - {name: 条数, measure: count}
          - id: fees
            title: 民生收费
            table: ledger
            where:
              all:
                - {field: 类型, in: [咨询, 事务]}
                - {field: 民生, eq: 是}
            group_by: [所编号]
            measures:
              - {name: 条数, measure: count}
              - {name: 收费合计, measure: sum, column: 收费}
              - {name: 人数, measure: distinct, column: 工作者编号}
          - id: fee-sums
            title: 各所收费
            table: ledger
            group_by: [所编号]
            measures:
              - {name: 收费合计, measure: sum, column: 收费}
          - id: by-quarter
            title: 各季度
            table: ledger
            group_by: [{column: 日期, by: quarter}]
            measures:
              - {name: 条数, measure: count}
          - id: by-matter
            title: 各事项
            table: ledger
            group_by: [事项]
            measures:
              - {name: 条数, measure: count}
          - id: workers
            title: 各所工作者
            table: workers
            group_by: [所编号]
            measures:
              - {name: 人数, measure: count}
        """

    static let ledgerHeader = "记录编号,日期,所编号,工作者编号,类型,民生,收费,事项"

    /// Hand-made rows; the comment says what each one is for.
    static let ledger = [
        "T1,2022-01-05,O1,W1,咨询,是,0.1,赡养",      // O1 Jan 咨询, fee 0.1
        "T2,2022/1/20,O1,W2,咨询,是,0.2,赡养",       // O1 Jan 咨询, fee 0.2 (0.1 + 0.2 must be exactly 0.30)
        "T3,2022-02-01,O1,W1,事务,是,1250.5,合同",   // O1 Feb 事务
        "T4,2022-02-03,O1,W1,讲座,,,",               // O1 Feb 讲座, not livelihood (default 否)
        "T5,2022-04-10,O2,W3,咨询,否,30,租赁",       // O2 Apr 咨询, not livelihood
        "T6,2022-04-11,O2,W9,咨询,是,5,赡养",        // invalid: unknown worker W9 — counts nowhere
        "T7,2022-13-01,O2,W3,咨询,是,5,赡养",        // invalid: no such date — counts nowhere
        "T8,2022-06-30,O2,W3,事务,是,200,合同",      // the as-of date itself: counts
        "T9,2022-07-01,O2,W3,事务,是,999,合同",      // after the as-of date: does not exist
        "T10,2022-05-31,O2,W3,咨询,是,abc,赡养",     // invalid fee: the row is invalid
    ]

    static func dataset(_ rows: [String] = ledger) -> Dataset {
        .memory(name: "s", files: [
            "offices.csv": Array("所编号,所名称,街道\nO1,一所,S1\nO2,二所,S1\nO3,三所,S1\n".utf8),
            "workers.csv": Array("工作者编号,所编号\nW1,O1\nW2,O1\nW3,O2\n".utf8),
            "ledger.csv": Array(([ledgerHeader] + rows).joined(separator: "\n").utf8),
        ])
    }

    static func run(_ rows: [String] = ledger, asOf: String = "2022-06-30", offices: [String] = [],
                    threads: Int = 1, chunk: Int? = nil) throws -> [String: StatisticTable] {
        let (pack, diagnostics) = PackLoader.load(PackSource(files: [("s.yaml", Array(Self.pack.utf8))], location: "s"))
        let loaded = try #require(pack, "\(diagnostics.map { $0.rendered() })")
        var options = AuditOptions(asOf: try #require(Day(iso: asOf)), offices: offices, threads: threads)
        if let chunk { options.minimumChunkBytes = chunk }
        let result = try Audit.run(pack: loaded, dataset: dataset(rows), options: options)
        return Dictionary(uniqueKeysWithValues: result.statistics.map { ($0.id, $0) })
    }

    static func texts(_ t: StatisticTable?) -> [[String]] { t?.rows.map { $0.map(\.written) } ?? [] }

    @Test func groupsByColumnsAndMonthSortedLeavingOutEmptyGroups() throws {
        let s = try Self.run()
        let t = try #require(s["by-month"])
        #expect(t.columns == ["所编号", "月份", "类型", "条数"])
        #expect(t.keyCount == 3)
        #expect(Self.texts(t) == [
            ["O1", "2022-01", "咨询", "2"],
            ["O1", "2022-02", "事务", "1"],
            ["O1", "2022-02", "讲座", "1"],
            ["O2", "2022-04", "咨询", "1"],
            ["O2", "2022-06", "事务", "1"],
        ])
        #expect(t.rows[0][3] == .count(2))
    }

    @Test func filtersSumsAsDecimalsAndCountsDistinctValues() throws {
        let t = try #require(try Self.run()["fees"])
        #expect(t.columns == ["所编号", "条数", "收费合计", "人数"])
        #expect(Self.texts(t) == [["O1", "3", "1250.80", "2"], ["O2", "1", "200.00", "1"]])
        #expect(t.rows[0][2] == .amount(Amount(micros: 1_250_800_000)))
    }

    /// A statistic without a distinct measure adds rows up by grid cell in one word per
    /// measure; a sum that would overflow the word goes to the group's wider total instead,
    /// so the total is never wrapped round (it is written clamped to the largest amount).
    @Test func sumsBeyondOneWordAreNotWrappedRound() throws {
        let big = "4000000000000"  // 4×10¹² yuan, near the largest amount: three overflow 64 bits of micro-yuan
        let rows = (1...3).map { "B\($0),2022-03-0\($0),O1,W1,事务,是,\(big),合同" } + ["B4,2022-03-04,O2,W3,事务,是,1.5,合同"]
        let t = try #require(try Self.run(rows)["fee-sums"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0][1] == .amount(Amount(micros: Int64.max)))
        #expect(Self.texts(t)[1] == ["O2", "1.50"])
        // Two of them fit: their exact sum.
        let two = try #require(try Self.run(Array(rows.prefix(2)))["fee-sums"])
        #expect(two.rows[0][1] == .amount(Amount(micros: 8_000_000_000_000_000_000)))
    }

    @Test func quartersAndTextKeysUnknownToTheRosters() throws {
        let s = try Self.run()
        #expect(Self.texts(s["by-quarter"]) == [["2022-Q1", "4"], ["2022-Q2", "2"]])
        #expect(s["by-quarter"]?.columns == ["季度", "条数"])
        // 事项 names no roster: its texts are still told apart, and an empty one is its own group.
        #expect(Self.texts(s["by-matter"]) == [["", "1"], ["合同", "2"], ["租赁", "1"], ["赡养", "2"]])
    }

    @Test func theAsOfDateCutsTheLedger() throws {
        let early = try Self.run(asOf: "2022-01-31")
        #expect(Self.texts(early["by-month"]) == [["O1", "2022-01", "咨询", "2"]])
        #expect(Self.texts(early["fees"]) == [["O1", "2", "0.30", "2"]])
        let late = try Self.run(asOf: "2022-12-31")
        #expect(Self.texts(late["fees"]) == [["O1", "3", "1250.80", "2"], ["O2", "2", "1199.00", "1"]])
    }

    @Test func rostersAreCountedToo() throws {
        #expect(Self.texts(try Self.run()["workers"]) == [["O1", "2"], ["O2", "1"]])
    }

    @Test func anOfficeFilterKeepsThatOfficesRows() throws {
        let s = try Self.run(offices: ["O2"])
        #expect(Self.texts(s["by-month"]) == [["O2", "2022-04", "咨询", "1"], ["O2", "2022-06", "事务", "1"]])
        #expect(Self.texts(s["workers"]) == [["O2", "1"]])
    }

    @Test func aTableWithoutRowsGivesNoRows() throws {
        let s = try Self.run([])
        #expect(s["by-month"]?.rows.isEmpty == true)
        #expect(s["fees"]?.columns == ["所编号", "条数", "收费合计", "人数"])
    }

    /// Many rows cut into chunks: the tables are those of one thread, texts outside the id
    /// space included (each worker codes them on its own).
    @Test(arguments: [2, 3, 5])
    func theSameTablesOnAnyNumberOfThreads(threads: Int) throws {
        var rows: [String] = []
        for i in 0..<900 {
            let month = 1 + i % 12, office = i % 3 == 0 ? "O2" : "O1", worker = office == "O2" ? "W3" : (i % 2 == 0 ? "W1" : "W2")
            rows.append("R\(i),2022-\(month)-\(1 + i % 28),\(office),\(worker),\(["咨询", "事务", "讲座"][i % 3]),\(i % 4 == 0 ? "是" : "否"),\(i % 7).\(i % 10),事项\(i % 37)")
        }
        let one = try Self.run(rows, asOf: "2022-12-31")
        let many = try Self.run(rows, asOf: "2022-12-31", threads: threads, chunk: 1024)
        #expect(one == many)
        #expect(one["by-matter"]?.rows.count == 37)
    }

    // MARK: the pack

    static func lint(_ yaml: String) -> [String] {
        // The pack's `statistics:` list is its last section: the statistic joins it.
        let (_, diagnostics) = PackLoader.load(PackSource(files: [("s.yaml", Array((Self.pack + "\n" + yaml).utf8))], location: "s"))
        return diagnostics.filter { $0.level == .error }.map(\.problem.code)
    }

    @Test func lintFindsWhatIsWrongInAStatistic() {
        #expect(Self.lint("""
              - id: by-month
                title: 重复
                table: ledger
                measures: [{name: 条数, measure: count}]
            """) == ["duplicate-statistic"])
        #expect(Self.lint("""
              - id: x
                title: 未知列
                table: ledger
                group_by: [所号]
                measures: [{name: 条数, measure: count}]
            """) == ["undeclared-column"])
        #expect(Self.lint("""
              - id: x
                title: 月份要日期列
                table: ledger
                group_by: [{column: 类型, by: month}]
                measures: [{name: 合计, measure: sum, column: 事项}]
            """) == ["wrong-type", "wrong-type"])
        #expect(Self.lint("""
              - id: x
                title: 没有列
                table: ledgers
                measures: [{name: 合计, measure: sum}, {name: 条数, measure: count}, {name: 条数, measure: distinct, column: 事项}]
            """).sorted() == ["duplicate-column", "missing-key", "undeclared-table"])
        #expect(Self.lint("""
              - id: x
                title: 拼错
                table: ledger
                measures: [{name: 条数, measure: cnt}]
                where: {field: 类型, eq: 咨洵}
            """).sorted() == ["enum-value", "invalid-value"])
    }
}
