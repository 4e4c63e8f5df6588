import DudaoGenerate
import DudaoTable
import Foundation
import Testing

/// A generated table read back with the project's own CSV reader: header names and every
/// row's trimmed cells by column name.
struct ReadTable {
    var header: [String]
    var rows: [[String: String]]
    var lines: [Int]
    var widths: [Int]
    var bytes: [UInt8]

    init(_ directory: String, _ file: String) throws {
        let path = (directory as NSString).appendingPathComponent(file)
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let table = try TableFile(path: path)
        var header: [String] = []
        var rows: [[String: String]] = []
        var lines: [Int] = []
        var widths: [Int] = []
        try table.withBytes { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            while try scanner.next(&row) {
                if header.isEmpty {
                    header = (0..<row.count).map { row.string($0) }
                    continue
                }
                var cells: [String: String] = [:]
                for (i, name) in header.enumerated() { cells[name] = row.string(i) }
                rows.append(cells)
                lines.append(row.line)
                widths.append(row.count)
            }
        }
        self.header = header
        self.rows = rows
        self.lines = lines
        self.widths = widths
    }
}

func day(_ text: String) -> Day? {
    var text = text
    return text.withUTF8 { ValueParser.day(UnsafeRawBufferPointer($0)) }
}

func amount(_ text: String) -> Amount? {
    var text = text
    return text.withUTF8 { ValueParser.amount(UnsafeRawBufferPointer($0)) }
}

/// A fresh temporary folder with a generated dataset, removed by the caller.
func generate(_ options: GeneratorOptions) throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dudao-generate-\(UUID().uuidString)").path
    try DatasetGenerator.write(options, to: directory)
    return directory
}

@Suite struct DatasetGeneratorTests {
    static let headers: [String: [String]] = [
        "offices.csv": ["所编号", "所名称", "所属街道"],
        "practitioners.csv": ["工作者编号", "姓名", "所编号", "执业起始", "执业终止"],
        "streets.csv": ["街道编号", "名称", "类型"],
        "communities.csv": ["村居编号", "名称", "类型", "所属街道"],
        "enterprises.csv": ["企业编号", "企业名称", "所编号"],
        "contacts.csv": ["工作者编号", "对象编号", "关系", "起始日期", "终止日期"],
        "activities.csv": ["记录编号", "日期", "所编号", "工作者编号", "活动类型", "对象编号", "事项", "涉及民生", "收费", "处理结果", "备注"],
        "fee_schedule.csv": ["事项", "最低标准"],
        "reports.csv": ["所编号", "阶段", "报送日期"],
    ]
    static let activityTypes: Set = ["法律体检", "赶大集", "法制课", "法律建议", "法律咨询", "法律事务", "法律援助", "接访", "纠纷调处", "联系卡发放"]

    @Test func writesTheNineFilesWithThePackHeaders() throws {
        let directory = try generate(GeneratorOptions(practitioners: 12, seed: 3, byteOrderMark: true))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Set(DatasetGenerator.fileNames) == Set(Self.headers.keys))
        for (file, columns) in Self.headers {
            let table = try ReadTable(directory, file)
            #expect(Array(table.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file) starts with a BOM")
            for column in columns {
                #expect(table.header.contains(column), "\(file) has \(column)")
            }
            #expect(!table.rows.isEmpty, "\(file) has rows")
        }
    }

    @Test(arguments: [1, 7, 10, 23, 60])
    func rosterSizesFollowThePractitioners(n: Int) throws {
        let directory = try generate(GeneratorOptions(practitioners: n, seed: 5))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let offices = (n + 9) / 10
        #expect(try ReadTable(directory, "practitioners.csv").rows.count == n)
        #expect(try ReadTable(directory, "offices.csv").rows.count == offices)
        #expect(try ReadTable(directory, "streets.csv").rows.count == (offices + 4) / 5)
        #expect(try ReadTable(directory, "communities.csv").rows.count == 2 * n)
        #expect(try ReadTable(directory, "enterprises.csv").rows.count == 20 * n)
        let activities = try ReadTable(directory, "activities.csv").rows.count
        #expect(activities >= 430 * n && activities <= 580 * n, "about 500 rows per practitioner, got \(activities)")
    }

    @Test func activityRowsScaleWithTheOptions() throws {
        let small = try generate(GeneratorOptions(practitioners: 20, seed: 9, activitiesPerPractitioner: 100))
        let large = try generate(GeneratorOptions(practitioners: 40, seed: 9, activitiesPerPractitioner: 100))
        defer {
            try? FileManager.default.removeItem(atPath: small)
            try? FileManager.default.removeItem(atPath: large)
        }
        let a = try ReadTable(small, "activities.csv").rows.count
        let b = try ReadTable(large, "activities.csv").rows.count
        #expect(a >= 1_800 && a <= 2_300)
        #expect(Double(b) / Double(a) > 1.8 && Double(b) / Double(a) < 2.2)
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let options = GeneratorOptions(practitioners: 30, seed: 42)
        let first = try generate(options)
        let second = try generate(options)
        let other = try generate(GeneratorOptions(practitioners: 30, seed: 43))
        defer {
            for d in [first, second, other] { try? FileManager.default.removeItem(atPath: d) }
        }
        for file in DatasetGenerator.fileNames {
            let a = try Data(contentsOf: URL(fileURLWithPath: (first as NSString).appendingPathComponent(file)))
            let b = try Data(contentsOf: URL(fileURLWithPath: (second as NSString).appendingPathComponent(file)))
            #expect(a == b, "\(file) is reproducible")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: (first as NSString).appendingPathComponent("activities.csv")))
        let c = try Data(contentsOf: URL(fileURLWithPath: (other as NSString).appendingPathComponent("activities.csv")))
        #expect(a != c, "another seed gives another ledger")
    }

    /// Rows are rectangular and one line each, so other engines can number them as index + 2.
    @Test func rowsAreRectangularAndNeverSpanLines() throws {
        let directory = try generate(GeneratorOptions(practitioners: 25, seed: 11))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in DatasetGenerator.fileNames {
            let table = try ReadTable(directory, file)
            #expect(table.lines == Array(2..<(table.rows.count + 2)), "\(file): line = row index + 2")
            #expect(table.widths.allSatisfy { $0 == table.header.count }, "\(file): every row has the header's width")
        }
    }

    /// With no anomalies planted every ledger row is valid and consistent with the rosters,
    /// and the planned requirements are all there.
    @Test(arguments: GeneratorProfile.allCases)
    func aCleanLedgerIsValidAndMeetsThePlan(profile: GeneratorProfile) throws {
        let directory = try generate(GeneratorOptions(practitioners: 60, seed: 2, anomalyScale: 0, profile: profile))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let practitioners = try ReadTable(directory, "practitioners.csv").rows
        let officeOf = Dictionary(uniqueKeysWithValues: practitioners.map { ($0["工作者编号"]!, $0["所编号"]!) })
        var objects = Set<String>()
        for (file, key) in [("streets.csv", "街道编号"), ("communities.csv", "村居编号"), ("enterprises.csv", "企业编号")] {
            objects.formUnion(try ReadTable(directory, file).rows.map { $0[key]! })
        }
        let enterprises = try ReadTable(directory, "enterprises.csv").rows
        let window = day("2022-05-01")!...day("2023-03-31")!
        let implementation = day("2022-06-01")!...day("2023-02-28")!
        var keys = Set<String>()
        var checkedUp = Set<String>()
        var carded = Set<String>()
        for row in try ReadTable(directory, "activities.csv").rows {
            let date = try #require(day(row["日期"]!), "date \(row["日期"]!)")
            #expect(window.contains(date))
            #expect(officeOf[row["工作者编号"]!] == row["所编号"]!)
            #expect(Self.activityTypes.contains(row["活动类型"]!))
            let object = row["对象编号"]!
            #expect(object.isEmpty ? !["法律体检", "法制课", "法律建议", "联系卡发放"].contains(row["活动类型"]!) : objects.contains(object))
            #expect(row["收费"]!.isEmpty || amount(row["收费"]!) != nil)
            if ["接访", "纠纷调处"].contains(row["活动类型"]!) { #expect(!row["处理结果"]!.isEmpty) }
            #expect(keys.insert("\(date.rawValue)|\(row["工作者编号"]!)|\(row["活动类型"]!)|\(object)").inserted,
                    "no duplicate \(row["记录编号"]!)")
            if implementation.contains(date) && row["活动类型"] == "法律体检" { checkedUp.insert(object + "|" + row["所编号"]!) }
            if implementation.contains(date) && row["活动类型"] == "联系卡发放" { carded.insert(object) }
        }
        for enterprise in enterprises {
            #expect(checkedUp.contains(enterprise["企业编号"]! + "|" + enterprise["所编号"]!))
        }
        let communities = try ReadTable(directory, "communities.csv").rows
        #expect(communities.allSatisfy { carded.contains($0["村居编号"]!) })
    }

    /// At the default scale the ledger carries every kind of planted problem, in the value
    /// shapes of PACK-SPEC.
    @Test func theDefaultLedgerIsMessy() throws {
        let directory = try generate(GeneratorOptions(practitioners: 60, seed: 1))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try ReadTable(directory, "activities.csv")
        let rows = table.rows
        let text = String(decoding: table.bytes, as: UTF8.self)
        let badDates = rows.filter { day($0["日期"]!) == nil }.count
        let outside = rows.filter { day($0["日期"]!).map { !(day("2022-05-01")!...day("2023-03-31")!).contains($0) } ?? false }.count
        let badFees = rows.filter { !$0["收费"]!.isEmpty && amount($0["收费"]!) == nil }.count
        let unknown = rows.filter { $0["工作者编号"] == "P9999999" || $0["所编号"] == "SO99999" || $0["对象编号"] == "X0000001" }.count
        let noOutcome = rows.filter { ["接访", "纠纷调处"].contains($0["活动类型"]!) && $0["处理结果"]!.isEmpty }.count
        let problems = badDates + outside + badFees + unknown + noOutcome
        #expect(badDates > 0 && outside > 0 && badFees > 0 && unknown > 0 && noOutcome > 0)
        #expect(Double(problems) / Double(rows.count) < 0.05, "a few percent, not more")
        #expect(rows.contains { $0["日期"]!.contains("年") } && rows.contains { $0["日期"]!.contains("/") }
                && rows.contains { $0["日期"]!.contains(".") })
        #expect(text.contains(" P") || text.contains("P0000001 "), "some padded cells")
        #expect(rows.contains { $0["备注"]!.contains(",") }, "quoted 备注 with commas")
    }

    /// The standard profile is what benchmarks and their published numbers were made from:
    /// its bytes must not move when the generator learns other profiles (FNV-1a 64 of each
    /// file, taken from the generator before profiles existed).
    @Test func theStandardProfileKeepsItsBytes() throws {
        let expected: [String: UInt64] = [
            "activities.csv": 0x9F09_97D4_5355_6FC1, "communities.csv": 0xCB62_755C_B095_4341,
            "contacts.csv": 0xDEB8_423F_F7F6_D597, "enterprises.csv": 0xA92C_BED8_E19A_716C,
            "fee_schedule.csv": 0xED31_535C_0D64_DC1E, "offices.csv": 0x088A_6952_6D11_46BD,
            "practitioners.csv": 0x458C_B888_BAA7_D743, "reports.csv": 0xF1CD_8CF3_C6C3_93EF,
            "streets.csv": 0xED91_A143_5BAD_34C3,
        ]
        let directory = try generate(GeneratorOptions(practitioners: 30, seed: 42))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in DatasetGenerator.fileNames {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(file)))
            let fnv = bytes.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
            #expect(fnv == expected[file], "\(file)")
        }
    }

    @Test func rejectsNonsenseOptions() {
        #expect(throws: GeneratorError.invalidOptions(reason: "practitioners must be at least 1")) {
            try DatasetGenerator.write(GeneratorOptions(practitioners: 0), to: "unused")
        }
    }
}
