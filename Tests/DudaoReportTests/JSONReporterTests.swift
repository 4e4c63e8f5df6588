import DudaoCore
import Foundation
import Testing
@testable import DudaoReport

struct JSONReporterTests {
    private func document() throws -> [String: Any] {
        let text = Reporters.render(SampleResult.result, options: ReportOptions(format: .json))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func topLevelIsTheDocumentedContract() throws {
        let doc = try document()
        #expect(doc["schemaVersion"] as? Int == 2)
        #expect(doc["asOf"] as? String == "2022-10-15")
        #expect((doc["findings"] as? [Any])?.count == 6)
        #expect((doc["due"] as? [Any])?.count == 2)
        #expect((doc["exemptions"] as? [Any])?.count == 3)
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 6)
        #expect(summary["open"] as? Int == 5)
        #expect(summary["waived"] as? Int == 1)
        #expect(summary["due"] as? Int == 2)
        #expect((summary["findingsByRule"] as? [String: Int])?["advice-monthly-street"] == 2)
        let so01 = try #require((summary["byOffice"] as? [String: Any])?["SO01"] as? [String: Int])
        #expect(so01 == ["error": 0, "warning": 2, "info": 0, "waived": 1, "due": 0])
    }

    @Test func findingsCarryTypedValuesAndDetails() throws {
        let findings = try #require(try document()["findings"] as? [[String: Any]])
        #expect(findings[0]["expected"] as? Int == 1)
        #expect(findings[0]["actual"] as? Int == 0)
        #expect((findings[0]["period"] as? [String: String])?["start"] == "2022-07-01")
        #expect((findings[0]["subject"] as? [String: Any])?["name"] as? String == "王芳")
        #expect((findings[1]["waiver"] as? [String: Any])?["approver"] as? String == "李明")
        #expect(findings[1]["status"] as? String == "waived")
        #expect(findings[2]["duplicateOf"] as? Int == 34)
        #expect(findings[2]["period"] is NSNull)
        let keyless = try #require(findings[3]["subject"] as? [String: Any])
        #expect(keyless["id"] is NSNull)
        #expect(keyless["line"] as? Int == 119)
        #expect(findings[3]["fields"] as? [String] == ["关系", "起始日期"])
        #expect(findings[3]["outsideActiveInterval"] as? Bool == false)
        #expect(findings[3]["message"] as? String == SampleResult.trickyMessage)
        #expect((findings[4]["expected"] as? NSNumber)?.doubleValue == 800)
        #expect((findings[4]["actual"] as? NSNumber)?.doubleValue == 812.5)
        #expect(findings[5]["expected"] as? String == "2022-06-10")
        #expect(findings[5]["daysLate"] as? Int == 8)
    }

    @Test func findingKeysComeInContractOrderWithDetailsBeforeWaiverAndFingerprint() {
        let text = Reporters.render(SampleResult.result, options: ReportOptions(format: .json))
        let keys = ["\"rule\"", "\"severity\"", "\"status\"", "\"subject\"", "\"offices\"", "\"period\"",
                    "\"message\"", "\"evidence\"", "\"fields\"", "\"outsideActiveInterval\"", "\"fingerprint\""]
        let start = text.range(of: "\"rule\": \"data.invalid-value\"")!.lowerBound
        let positions = keys.map { text.range(of: $0, range: start..<text.endIndex)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func stringsAreEscapedAndNonASCIIStaysUTF8() {
        let value = JSONValue.string("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}é中/")
        #expect(value.serialized() == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001fé中/\"\n")
    }

    @Test func emptyContainersStayOnOneLine() {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .null)])
        #expect(value.serialized() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": null\n}\n")
    }
}
