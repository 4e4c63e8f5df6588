import Foundation
import Testing
@testable import DudaoCore

/// A dataset written by hand: every table file with its exact header, and only the rows
/// a test cares about. Unset files get a minimal roster (or stay header-only).
struct Fixture {
    static let headers: [String: String] = [
        "offices.csv": "所编号,所名称,所属街道",
        "practitioners.csv": "工作者编号,姓名,所编号,执业起始,执业终止",
        "streets.csv": "街道编号,名称,类型",
        "communities.csv": "村居编号,名称,类型,所属街道",
        "enterprises.csv": "企业编号,企业名称,所编号",
        "contacts.csv": "工作者编号,对象编号,关系,起始日期,终止日期",
        "activities.csv": "记录编号,日期,所编号,工作者编号,活动类型,对象编号,事项,涉及民生,收费,处理结果,备注",
        "fee_schedule.csv": "事项,最低标准",
        "reports.csv": "所编号,阶段,报送日期",
    ]

    /// Two streets, two offices, one community per street, one practitioner per office,
    /// one enterprise of O1, one fee-schedule entry; no assignments, activities or reports.
    static let roster: [String: [String]] = [
        "streets.csv": ["S1,东街,街道", "S2,西区,开发区"],
        "offices.csv": ["O1,东街所,S1", "O2,西区所,S2"],
        "communities.csv": ["C1,东村,村,S1", "C2,西居,居,S2"],
        "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,,"],
        "enterprises.csv": ["E1,东企,O1"],
        "fee_schedule.csv": ["合同审查,200"],
    ]

    var rows: [String: [String]]

    init(_ rows: [String: [String]] = [:]) {
        self.rows = Fixture.roster.merging(rows) { _, new in new }
    }

    /// The file as text: header, then rows, LF line endings.
    func text(_ file: String) -> String {
        ([Fixture.headers[file]!] + (rows[file] ?? [])).joined(separator: "\n") + "\n"
    }

    func files(encoding: String.Encoding = .utf8) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for file in Fixture.headers.keys {
            out[file] = [UInt8](text(file).data(using: encoding)!)
        }
        return out
    }

    func dataset(encoding: String.Encoding = .utf8) -> Dataset {
        .memory(name: "fixture", files: files(encoding: encoding))
    }

    func audit(_ pack: TestPack, asOf: String, _ parameters: [String: String] = [:], exemptions: [Exemption] = [],
               encoding: String.Encoding = .utf8) throws -> AuditResult {
        try Audit.run(pack: pack.load(), dataset: dataset(encoding: encoding),
                      options: AuditOptions(asOf: day(asOf), parameters: parameters, exemptions: exemptions))
    }
}

/// Runs an audit that is expected to stop with a `RunError`, and returns it.
func runError(_ files: [String: [UInt8]], pack: TestPack, asOf: String = "2022-10-15",
              parameters: [String: String] = [:]) throws -> RunError? {
    let loaded = try pack.load()
    do {
        _ = try Audit.run(pack: loaded, dataset: .memory(name: "fixture", files: files),
                          options: AuditOptions(asOf: day(asOf), parameters: parameters))
        return nil
    } catch {
        return error
    }
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

func range(_ a: String, _ b: String) -> DayRange { DayRange(start: day(a), end: day(b)) }

let gb18030 = String.Encoding(rawValue: 0x8000_0632)

extension AuditResult {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    func due(_ rule: String) -> [DueItem] { due.filter { $0.rule == rule } }

    /// Subject ids of a rule's findings (entity keys, or record ids).
    func subjects(_ rule: String) -> [String] { findings(rule).map { $0.subject.id ?? "-" } }

    /// `subject@period-start` of a rule's findings, for rules over several periods.
    func keyed(_ rule: String) -> [String] {
        findings(rule).map { "\($0.subject.id ?? "-")@\($0.period?.start.iso ?? "-")" }
    }

    func dueKeyed(_ rule: String) -> [String] {
        due(rule).map { "\($0.subject.id ?? "-")@\($0.period.start.iso)" }
    }

    /// Findings of a data-quality rule as `file:line`.
    func lines(_ rule: String) -> [String] {
        byLine(rule).map { "\($0.subject.file ?? ""):\($0.subject.line ?? 0)" }
    }

    /// A rule's findings ordered by file and line (the report order sorts by subject id).
    func byLine(_ rule: String) -> [Finding] {
        findings(rule).sorted { ($0.subject.file ?? "", $0.subject.line ?? 0) < ($1.subject.file ?? "", $1.subject.line ?? 0) }
    }

    func dataFindings() -> [Finding] { findings.filter { $0.rule.hasPrefix("data.") } }
}

extension Finding {
    func detail(_ key: String) -> DetailValue? { details.first { $0.key == key }?.value }
}
