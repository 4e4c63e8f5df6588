import DudaoCore
import DudaoReport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// The district audit over the offices' uploads is `dudao audit` on the same files: the
/// public `basic` district split by office (fixtures/server/basic), uploaded office by office,
/// against the engine run on a folder holding the same files as parts in office order.
@Suite struct DistrictAuditTests {
    static let offices = ["SO01", "SO02", "SO03", "SO04", "SO05", "SO06"]
    static let fixture = "fixtures/server/basic"

    /// The engine's JSON on a folder of the rosters and `activities/OFFICE.csv`, `reports/OFFICE.csv`.
    static func reference(asOf: String, office: String? = nil) throws -> [String: Any] {
        let root = TestSite.repository.appendingPathComponent(fixture)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-ref-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }
        for name in try fm.contentsOfDirectory(atPath: root.path) where name.hasSuffix(".csv") {
            try fm.copyItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for table in ["activities", "reports"] {
            try fm.createDirectory(at: folder.appendingPathComponent(table), withIntermediateDirectories: true)
            for o in offices {
                try fm.copyItem(at: root.appendingPathComponent("\(o)/\(table).csv"), to: folder.appendingPathComponent("\(table)/\(o).csv"))
            }
        }
        let options = AuditOptions(asOf: try #require(Day(iso: asOf)), offices: office.map { [$0] } ?? [], threads: 1)
        let result = try Audit.run(pack: try TestSite.pack(), dataset: .directory(folder.path), options: options)
        let text = Reporters.render(result, options: ReportOptions(format: .json))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The document with every record's file named as in the reference (`SO01/activities.csv`
    /// → `activities/SO01.csv`), in fields and in messages, without the fingerprints of
    /// records that have no id (those are made of the file's name and the line); findings and due items in an order
    /// of their own (the engine sorts record findings by file name, which differs); the
    /// per-table accounts, which name the files, left out.
    static func normalized(_ document: [String: Any]) -> NSDictionary {
        let pattern = try? NSRegularExpression(pattern: "(SO[0-9]+)/([a-z_]+)\\.csv")
        func fix(_ value: Any) -> Any {
            if let text = value as? String, let pattern {
                return pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$2/$1.csv")
            }
            if let dict = value as? [String: Any] {
                var out: [String: Any] = [:]
                for (k, v) in dict { out[k] = fix(v) }
                if let subject = dict["subject"] as? [String: Any], subject["kind"] as? String == "record", subject["id"] is NSNull {
                    out["fingerprint"] = nil
                }
                return out
            }
            if let list = value as? [Any] {
                return list.map(fix).sorted { key($0) < key($1) }
            }
            return value
        }
        func key(_ value: Any) -> String {
            guard JSONSerialization.isValidJSONObject([value]),
                  let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
        var doc = document
        doc["tables"] = nil
        return fix(doc) as? NSDictionary ?? [:]
    }

    @Test func theDistrictAuditEqualsTheEngineOnTheSameFiles() async throws {
        let site = try await TestSite(offices: Self.offices, rosters: Self.fixture)
        try await site.test { client in
            let boss = try #require(try await client.login("boss"))
            for o in Self.offices {
                let office = try #require(try await client.login(o.lowercased()))
                for table in ["activities", "reports"] {
                    let bytes = Array(try Data(contentsOf: TestSite.repository.appendingPathComponent("\(Self.fixture)/\(o)/\(table).csv")))
                    let (status, json) = try await client.upload(o, name: "\(table).csv", contents: bytes, headers: office.headers)
                    #expect(status == .created, "\(o) \(table): \(json)")
                }
            }
            for asOf in ["2022-10-15", "2023-04-30"] {
                let (status, body) = try await client.get("/api/v1/audit?asOf=\(asOf)", headers: boss.headers)
                #expect(status == .ok)
                let served = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                let expected = try Self.reference(asOf: asOf)
                #expect(Self.normalized(served) == Self.normalized(expected))
                #expect((served["findings"] as? [Any])?.isEmpty == false)
            }
            let (status, body) = try await client.get("/api/v1/offices/SO03/check?asOf=2023-04-30", headers: boss.headers)
            #expect(status == .ok)
            let check = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(Self.normalized(check) == Self.normalized(try Self.reference(asOf: "2023-04-30", office: "SO03")))
        }
        await site.remove()
    }

    @Test func anInspectionIsSavedAndComparedWithALaterOne() async throws {
        let site = try await TestSite(offices: Self.offices, rosters: Self.fixture)
        try await site.test { client in
            let boss = try #require(try await client.login("boss"))
            for o in Self.offices {
                let bytes = Array(try Data(contentsOf: TestSite.repository.appendingPathComponent("\(Self.fixture)/\(o)/activities.csv")))
                #expect(try await client.upload(o, name: "activities.csv", contents: bytes, headers: boss.headers).0 == .created)
            }
            func save(_ asOf: String) async throws -> Int? {
                try await client.execute(uri: "/api/v1/inspections", method: .post, headers: boss.headers,
                                         body: ByteBuffer(string: #"{"asOf":"\#(asOf)"}"#)) { response in
                    #expect(response.status == .created)
                    return (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["inspection"] as? Int
                }
            }
            let first = try #require(try await save("2022-10-15"))
            let second = try #require(try await save("2023-04-30"))
            let (status, body) = try await client.get("/api/v1/inspections/\(first)/compare/\(second)", headers: boss.headers)
            #expect(status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            #expect(findings.allSatisfy { ["new", "persisting"].contains($0["change"] as? String) })
            #expect(json["resolved"] != nil)
            let so01 = try #require(try await client.login("so01"))
            #expect(try await client.get("/api/v1/inspections/\(first)/compare/\(second)", headers: so01.headers).0 == .forbidden)
            #expect(try await client.get("/api/v1/inspections/99/compare/\(second)", headers: boss.headers).0 == .notFound)
        }
        let log = try await site.server.store.logEntries()
        #expect(log.filter { $0.action == "inspection" }.count == 2)
        await site.remove()
    }
}
