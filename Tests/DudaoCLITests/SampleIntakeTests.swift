import Foundation
import Testing

/// `dudao sample` reads a folder the way `audit` does (INTAKE): a district kept as workbooks
/// gives the same spot-check list as the same district in CSV, each record named by its
/// workbook, sheet and row.
struct SampleIntakeTests {
    /// (table, file, line, id) of every record drawn, in the list's order.
    private func records(_ json: String) throws -> [(table: String, file: String, line: Int, id: String)] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let offices = try #require(document["offices"] as? [[String: Any]])
        return offices.flatMap { ($0["records"] as? [[String: Any]]) ?? [] }.map {
            ($0["table"] as? String ?? "", $0["file"] as? String ?? "", $0["line"] as? Int ?? 0, $0["id"] as? String ?? "")
        }
    }

    @Test func aDistrictOfWorkbooksIsSampledLikeItsCSV() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let size = ["--practitioners", "6", "--activities-per-practitioner", "40", "--seed", "5"]
        #expect(try DudaoBinary.run(["generate", "--out", scratch.path("csv")] + size).code == 0)
        #expect(try DudaoBinary.run(["generate", "--format", "xlsx", "--out", scratch.path("xlsx")] + size).code == 0)
        let sample = ["sample", "--as-of", "2023-04-30", "--seed", "7", "--per-office", "3", "--format", "json"]
        let fromCSV = try DudaoBinary.run(sample + ["--data", scratch.path("csv")])
        let fromXLSX = try DudaoBinary.run(sample + ["--data", scratch.path("xlsx")])
        #expect(fromCSV.code == 0 && fromXLSX.code == 0, "\(fromXLSX.stderr)")
        let csv = try records(fromCSV.stdout), xlsx = try records(fromXLSX.stdout)
        #expect(!xlsx.isEmpty)
        #expect(xlsx.map(\.id) == csv.map(\.id))
        // Named where the office wrote it: the workbook and its sheet, and a row below the header.
        #expect(xlsx.allSatisfy { $0.file.hasPrefix("activities.xlsx[") && $0.file.hasSuffix("]") && $0.line >= 2 })
        #expect(csv.allSatisfy { $0.file == "activities.csv" })
    }
}
