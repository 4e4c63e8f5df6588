import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// An office's latest upload replaces its earlier data for the tables it holds, and only those;
/// a corrected file of the same name keeps the fingerprints of records without an id.
@Suite struct LatestUploadTests {
    /// Rows read per table in the district audit.
    static func rowsRead(_ client: some TestClientProtocol, _ login: Login) async throws -> [String: Int] {
        let (status, body) = try await client.get("/api/v1/audit?asOf=2023-04-30", headers: login.headers)
        #expect(status == .ok)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        var out: [String: Int] = [:]
        for t in json["tables"] as? [[String: Any]] ?? [] {
            if let name = t["table"] as? String, let read = t["read"] as? Int { out[name] = read }
        }
        return out
    }

    static func fingerprints(_ client: some TestClientProtocol, _ login: Login, rule: String) async throws -> Set<String> {
        let (_, body) = try await client.get("/api/v1/audit?asOf=2023-04-30", headers: login.headers)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let findings = json["findings"] as? [[String: Any]] ?? []
        return Set(findings.filter { $0["rule"] as? String == rule }.compactMap { $0["fingerprint"] as? String })
    }

    @Test func theLatestUploadReplacesOnlyTheTablesItHolds() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let so01 = try #require(try await client.login("so01"))
            let boss = try #require(try await client.login("boss"))
            let activities = try TestSite.demoRows("activities.csv", office: "SO01")
            let reports = try TestSite.demoRows("reports.csv", office: "SO01")
            let n = String(decoding: activities, as: UTF8.self).split(separator: "\n").count - 1
            let r = String(decoding: reports, as: UTF8.self).split(separator: "\n").count - 1
            #expect(try await client.upload("SO01", name: "activities.csv", contents: activities, headers: so01.headers).0 == .created)
            #expect(try await client.upload("SO01", name: "reports.csv", contents: reports, headers: so01.headers).0 == .created)
            #expect(try await Self.rowsRead(client, boss)["activities"] == n)
            // Fewer rows of activities: they replace the earlier ones; the reports stay.
            let fewer = Array(String(decoding: activities, as: UTF8.self).split(separator: "\n").prefix(11).joined(separator: "\n").utf8) + [10]
            #expect(try await client.upload("SO01", name: "activities.csv", contents: fewer, headers: so01.headers).0 == .created)
            let read = try await Self.rowsRead(client, boss)
            #expect(read["activities"] == 10)
            #expect(read["reports"] == r)
        }
        await site.remove()
    }

    @Test func aCorrectedFileOfTheSameNameKeepsTheFingerprintsOfRecordsWithoutAnId() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let so01 = try #require(try await client.login("so01"))
            let boss = try #require(try await client.login("boss"))
            var text = String(decoding: try TestSite.demoRows("reports.csv", office: "SO01"), as: UTF8.self)
            // A report with a date that is no date: a finding on a record without an id.
            text += "SO01,检查验收,,三月\n"
            #expect(try await client.upload("SO01", name: "reports.csv", contents: Array(text.utf8), headers: so01.headers).0 == .created)
            let before = try await Self.fingerprints(client, boss, rule: "data.invalid-value")
            #expect(!before.isEmpty)
            text += "SO01,检查验收,,2023-03-20\n"
            #expect(try await client.upload("SO01", name: "reports.csv", contents: Array(text.utf8), headers: so01.headers).0 == .created)
            #expect(try await Self.fingerprints(client, boss, rule: "data.invalid-value") == before)
        }
        await site.remove()
    }
}
