import Foundation
import Testing

/// Reports say which edition of the pack ran and how many duties of its plan it covers.
@Suite struct PlanCoverageTests {
    @Test func jsonNamesThePackEditionAndItsPlanDuties() throws {
        let r = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--format", "json", "--fail-on", "never"])
        #expect(r.code == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let pack = try #require(document["pack"] as? [String: Any])
        #expect(pack["id"] as? String == "fuwu-minsheng-nian")
        let duties = try #require(pack["planDuties"] as? [String: Int])
        let total = try #require(duties["total"]), checked = try #require(duties["checked"])
        let explained = try #require(duties["explained"])
        // The pack's lint keeps every duty mapped, so the two parts make the whole.
        #expect(total > 0 && checked > 0 && checked + explained == total)
        let explain = try DudaoBinary.run(["explain", "--plan"])
        #expect(explain.stdout.contains("共 \(total) 句：\(checked) 句由规则检查，\(explained) 句"))
    }

    @Test func theTextReportSaysTheSameInItsHeader() throws {
        let r = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--fail-on", "never"])
        let header = r.stdout.split(separator: "\n").prefix(4).joined(separator: "\n")
        #expect(header.contains("规则包第 "))
        #expect(header.contains("句由规则检查"))
    }
}
