import Foundation
import Testing

/// A generated district as workbooks is audited as the same district as CSV: the same findings,
/// apart from where they point (file, sheet, row) and the fingerprints of rows without an id,
/// which name the sheet. One planted bad date, `2022-07-05 09:30`, is a date in a workbook
/// (INTAKE section 3 drops a text date's time), so the CSV side is audited with it read so.
struct GenerateWorkbookTests {
    /// The findings of a JSON report with every location left out.
    static func findings(_ json: String) throws -> [NSDictionary] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.map { finding in
            var f = finding
            f["fingerprint"] = nil
            if let message = f["message"] as? String {
                f["message"] = message.replacingOccurrences(of: #"(\w+)\.xlsx\[[^\]]*\]"#, with: "$1.csv", options: .regularExpression)
            }
            f["evidence"] = (f["evidence"] as? [Any])?.count
            if var subject = f["subject"] as? [String: Any] {
                subject["file"] = nil
                subject["sheet"] = nil
                subject["line"] = nil
                f["subject"] = subject
            }
            return f as NSDictionary
        }
    }

    @Test func workbooksAndCSVOfOneDistrictGiveTheSameFindings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let size = ["--practitioners", "15", "--activities-per-practitioner", "60", "--seed", "3"]
        let csv = try DudaoBinary.run(["generate", "--out", scratch.path("csv")] + size)
        #expect(csv.code == 0, "\(csv.stderr)")
        let xlsx = try DudaoBinary.run(["generate", "--format", "xlsx", "--out", scratch.path("xlsx")] + size)
        #expect(xlsx.code == 0, "\(xlsx.stderr)")
        #expect(xlsx.stdout.contains("activities.xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("xlsx")).allSatisfy { $0.hasSuffix(".xlsx") })
        let ledger = scratch.path("csv/activities.csv")
        let text = try String(contentsOfFile: ledger, encoding: .utf8)
        #expect(text.contains(",2022-07-05 09:30,"))
        try Data(text.replacingOccurrences(of: ",2022-07-05 09:30,", with: ",2022-07-05,").utf8).write(to: URL(fileURLWithPath: ledger))
        let fromCSV = try DudaoBinary.run(["audit", "--data", scratch.path("csv"), "--as-of", "2023-04-30", "--format", "json"])
        let fromXLSX = try DudaoBinary.run(["audit", "--data", scratch.path("xlsx"), "--as-of", "2023-04-30", "--format", "json"])
        #expect(fromCSV.code == 1 && fromXLSX.code == 1, "\(fromXLSX.stderr)")
        let a = try Self.findings(fromCSV.stdout), b = try Self.findings(fromXLSX.stdout)
        #expect(a.count > 20)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y {
            Issue.record("differs:\n\(x)\n\(y)")
            break
        }
        // Record findings point at the workbook's sheet and row.
        #expect(fromXLSX.stdout.contains(#""file": "activities.xlsx","#) && fromXLSX.stdout.contains(#""sheet": "活动台账""#))
    }
}
