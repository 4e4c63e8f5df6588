import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// The API over a real socket (Hummingbird's live test client on 127.0.0.1), on each store.
@Suite struct LiveSocketTests {
    @Test(arguments: StoreTests.backends)
    func anOfficeUploadsAndChecksOverASocketAndCannotReachAnother(backend: String) async throws {
        let site = try await TestSite(place: try StoreTests.Place(backend))
        try await site.test(.live) { client in
            let so01 = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            let (status, json) = try await client.upload("SO01", name: "activities.csv", contents: rows, headers: so01.headers)
            #expect(status == .created)
            #expect(json["upload"] as? Int != nil)
            let (checked, body) = try await client.get("/api/v1/offices/SO01/check?asOf=2023-04-30", headers: so01.headers)
            #expect(checked == .ok)
            #expect(body.contains("\"findings\""))
            #expect(try await client.get("/api/v1/offices/SO02/check", headers: so01.headers).0 == .notFound)
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: [:]).0 == .unauthorized)
        }
        let log = try await site.server.store.logEntries()
        #expect(log.contains { $0.action == "login" && $0.address == "127.0.0.1" })
        await site.remove()
    }
}
