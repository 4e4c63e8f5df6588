import DudaoCore
import DudaoReport
import DudaoXLSX
import Foundation

/// A whole audit of one dataset, as `dudao audit` runs it: on one thread and on three (the
/// ledgers split into 64-byte chunks), which must agree on the findings, the due items, the
/// tables' accounts, the exemptions' outcomes, the comparison with a baseline when there is
/// one, and the bytes of the JSON report; the one-thread result then written
/// through `OutputTarget` in every format of `audit`, `check` and `stats` (the Excel report
/// read back by dudao's own reader). A failed run must fail the same way on both and have a
/// message in both languages. The spot-check list of the same data must be a list or an error.
///
/// Writing a result twice in one process would prove little more: a reporter's dictionaries
/// iterate alike within a process; across processes CI compares two runs' bytes.
struct WholeAudit {
    var pack: Pack
    var dataset: Dataset
    var parameters: [String: String] = [:]
    var asOf = FuzzFixture.asOf
    /// Reports in English (else Chinese): inputs alternate, so both wordings are exercised.
    var english = false
    /// The exemptions the audit applies (`--exemptions`).
    var exemptions: [Exemption] = []
    /// The earlier result both audits are compared with (`--baseline`).
    var baseline: Baseline?
    /// Write every format (else JSON alone: for inputs whose way to the writers is the
    /// ledger's, so that each input costs less).
    var everyFormat = true

    func run() {
        var one = AuditOptions(asOf: asOf, parameters: parameters, exemptions: exemptions, english: english, threads: 1)
        one.minimumChunkBytes = 1 << 30
        var many = one
        many.threads = 3
        many.minimumChunkBytes = 64
        let a = Result { () throws(RunError) in try Audit.run(pack: pack, dataset: dataset, options: one) }
        let b = Result { () throws(RunError) in try Audit.run(pack: pack, dataset: dataset, options: many) }
        spotCheck()
        switch (a, b) {
        case (.success(var x), .success(var y)):
            Fuzz.check(x.findings == y.findings && x.due == y.due && x.tables == y.tables && x.exemptions == y.exemptions,
                       "one thread and three disagree")
            Fuzz.check(x.exemptions.count == exemptions.count, "an exemption without an outcome")
            if let baseline {
                BaselineComparison.compare(&x, with: baseline)
                BaselineComparison.compare(&y, with: baseline)
                Fuzz.check(x.findings == y.findings && x.baseline?.resolved == y.baseline?.resolved,
                           "one thread and three compare with the baseline differently")
                Fuzz.check(x.findings.allSatisfy { $0.change == .new || $0.change == .persisting }
                           && (x.baseline?.resolved ?? []).allSatisfy { $0.change == .resolved }, "a finding not marked against the baseline")
            }
            let json = ReportOptions(format: .json, language: english ? .en : .zh)
            Fuzz.check(Self.written(x, json, "one.json") == Self.written(y, json, "three.json"), "one thread and three write different JSON")
            guard everyFormat else { return }
            for (name, options) in Self.reports(english: english) {
                Fuzz.check(!Self.written(x, options, name).isEmpty || name.hasPrefix("stats."), "an empty report: \(name)")
            }
            Fuzz.check(readsBack(FuzzFixture.outFolder + "/audit.xlsx"), "the Excel report does not read back")
        case (.failure(let x), .failure(let y)):
            Fuzz.check(x == y, "one thread and three fail differently")
            Fuzz.check(!x.message(english: false).isEmpty && !x.message(english: true).isEmpty, "an error without a message")
        default:
            Fuzz.check(false, "one thread and three disagree on whether the data can be read")
        }
    }

    /// Every report of an audit result: each format of `audit`, the self-check list of
    /// `check` (text, Markdown, HTML) and each format of `stats`, by the file name it is written to.
    static func reports(english: Bool) -> [(String, ReportOptions)] {
        let language: ReportLanguage = english ? .en : .zh
        var all = Reporters.formats.map { ("audit.\($0.rawValue)", ReportOptions(format: $0, language: language)) }
        all += [ReportFormat.text, .markdown, .html].map {
            ("check.\($0.rawValue)", ReportOptions(format: $0, language: language, checklist: true))
        }
        all += StatisticsReporter.formats.map { ("stats.\($0.rawValue)", ReportOptions(format: $0, language: language)) }
        return all
    }

    /// The bytes of the report of `result` written to `name` in the scratch folder, as the
    /// command line writes it (a temporary file renamed over the earlier one).
    static func written(_ result: AuditResult, _ options: ReportOptions, _ name: String) -> [UInt8] {
        let path = FuzzFixture.outFolder + "/" + name
        do {
            let target = try OutputTarget(path: path)
            try target.write { sink in
                if name.hasPrefix("stats.") {
                    StatisticsReporter.write(result, options: options, to: sink)
                } else {
                    Reporters.reporter(for: options).write(result, options: options, to: sink)
                }
            }
        } catch {
            Fuzz.check(false, "cannot write \(name): \(error.message(english: true))")
        }
        guard let data = FuzzFixture.contents(of: path) else {
            Fuzz.check(false, "\(name) was not written")
            return []
        }
        return data
    }

    /// Whether dudao's own reader opens the workbook dudao wrote and reads every row of every sheet.
    private func readsBack(_ path: String) -> Bool {
        guard let workbook = try? XLSXWorkbook(path: path) else { return false }
        for sheet in workbook.sheets {
            guard (try? workbook.forEachRow(sheet: sheet) { _ in }) != nil else { return false }
        }
        return !workbook.sheets.isEmpty
    }

    private func spotCheck() {
        let request = SpotCheckSampler.Request(asOf: asOf, seed: 7, perOffice: 3, english: english)
        guard let list = try? SpotCheckSampler.draw(pack: pack, dataset: dataset, request) else { return }
        for format in SpotCheckReporter.formats {
            _ = SpotCheckReporter.render(list, options: ReportOptions(format: format, language: english ? .en : .zh))
        }
    }
}
