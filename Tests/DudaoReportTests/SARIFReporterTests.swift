import DudaoCore
import Foundation
import Testing
@testable import DudaoReport

struct SARIFReporterTests {
    private func run() throws -> [String: Any] {
        let text = Reporters.render(SampleResult.result, options: ReportOptions(format: .sarif))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["version"] as? String == "2.1.0")
        #expect(doc["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        return try #require((doc["runs"] as? [[String: Any]])?.first)
    }

    private func uri(_ result: [String: Any]) -> String? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }

    @Test func rulesAndLevels() throws {
        let run = try run()
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dudao")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 7)
        #expect((rules[0]["shortDescription"] as? [String: String])?["text"] == "每月向街道提出法律建议")
        #expect((rules[6]["defaultConfiguration"] as? [String: String])?["level"] == "note")
    }

    @Test func locationsFingerprintsAndSuppressions() throws {
        let results = try #require(try run()["results"] as? [[String: Any]])
        #expect(results.count == 6)
        // No evidence and no record: the rule's definition.
        #expect(uri(results[0]) == "rules/advice.yaml")
        #expect(uri(results[2]) == "activities.csv")
        #expect((results[2]["relatedLocations"] as? [Any])?.count == 1)
        #expect((results[0]["partialFingerprints"] as? [String: String])?["dudao/v1"] == "adv-street:P0012:2022-07-01")
        #expect(results[0]["suppressions"] == nil)
        let suppression = try #require((results[1]["suppressions"] as? [[String: String]])?.first)
        #expect(suppression["kind"] == "external")
        #expect(suppression["justification"]?.contains("病假") == true)
    }
}
