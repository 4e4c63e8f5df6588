import DudaoCore
import DudaoReport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// The supervisors' pages beside the district audit (SERVER section 2): the spot-check list,
/// the statistics, the Excel downloads, and the rosters form of administrators.
@Suite struct SupervisionTests {
    /// A site where SO01 has uploaded its demo rows; the supervisor's browser headers.
    static func siteWithAnUpload() async throws -> TestSite {
        let site = try await TestSite()
        try await site.test { client in
            let so01 = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: so01.headers).0 == .created)
        }
        return site
    }

    static func browser(_ client: some TestClientProtocol, user: String) async throws -> HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = try await PageTests.formLogin(client, user: user)
        return headers
    }

    @Test func theSpotCheckListIsDrawnAgainFromItsSeed() async throws {
        let site = try await Self.siteWithAnUpload()
        try await site.test { client in
            let boss = try await Self.browser(client, user: "boss")
            let (status, page) = try await client.get("/district/sample?asOf=2023-04-30&seed=7&perOffice=3", headers: boss)
            #expect(status == .ok)
            #expect(page.contains("<strong>7</strong>"))
            #expect(page.contains("共 ") && page.contains("抽 3 条"))
            let request = SpotCheckSampler.Request(asOf: try #require(Day(iso: "2023-04-30")), seed: 7, perOffice: 3)
            let drawn = try await site.server.runner.sample(request)
            let so01 = try #require(drawn.offices.first { $0.id == "SO01" })
            #expect(so01.records.count == 3)
            // Named as uploaded, not by the line of the table the intake assembled.
            #expect(so01.records.allSatisfy { $0.file == "SO01/activities.csv" && $0.line >= 2 })
            for record in so01.records { #expect(page.contains(try #require(record.id))) }
            // The CSV of the same seed is `dudao sample --format csv` on the same uploads.
            let (csvStatus, csv) = try await client.get("/district/sample.csv?asOf=2023-04-30&seed=7&perOffice=3", headers: boss)
            #expect(csvStatus == .ok)
            #expect(csv == SpotCheckReporter.render(drawn, options: ReportOptions(format: .csv)))
            // Without a seed one is drawn and shown; a seed out of range is refused.
            let (_, fresh) = try await client.get("/district/sample?asOf=2023-04-30", headers: boss)
            #expect(fresh.contains("随机种子 <strong>"))
            #expect(try await client.get("/district/sample?seed=0", headers: boss).0 == .badRequest)
            #expect(try await client.get("/district/sample?perOffice=500", headers: boss).0 == .badRequest)
        }
        #expect(try await site.server.store.logEntries().contains { $0.action == "view-district" && $0.detail == "sample" })
        await site.remove()
    }

    @Test func theStatisticsPageIsTheEnginesStatisticsOverTheLatestUploads() async throws {
        let site = try await Self.siteWithAnUpload()
        try await site.test { client in
            let boss = try await Self.browser(client, user: "boss")
            let (status, page) = try await client.get("/district/stats?asOf=2023-04-30&lang=en", headers: boss)
            #expect(status == .ok)
            let (result, _) = try await site.server.runner.audit(asOf: try #require(Day(iso: "2023-04-30")), english: true)
            #expect(!result.statistics.isEmpty)
            let report = StatisticsReporter.render(result, options: ReportOptions(format: .html, language: .en))
            #expect(page == HTMLPage.withBackLink(report, to: "/district", english: true))
            #expect(page.contains("<a href=\"/district?lang=en\">← Back</a>"))
        }
        await site.remove()
    }

    @Test func excelDownloadsAreTheCLIsWorkbookAndOnlyForTheirOffice() async throws {
        let site = try await Self.siteWithAnUpload()
        try await site.test { client in
            let so01 = try await Self.browser(client, user: "so01")
            let asOf = try #require(Day(iso: "2023-04-30"))
            try await client.execute(uri: "/offices/SO01/check.xlsx?asOf=2023-04-30", method: .get, headers: so01) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(response.headers[.contentDisposition]?.contains(".xlsx") == true)
                let (result, _) = try await site.server.runner.audit(asOf: asOf, offices: ["SO01"], english: false)
                let expected = try ExcelReporter.workbook(result, options: ReportOptions(format: .xlsx, checklist: true)).data()
                #expect(Data(buffer: response.body) == expected)
            }
            #expect(try await client.get("/offices/SO02/check.xlsx", headers: so01).0 == .notFound)
            #expect(try await client.get("/district/audit.xlsx", headers: so01).0 == .notFound)
            let boss = try await Self.browser(client, user: "boss")
            try await client.execute(uri: "/district/audit.xlsx?asOf=2023-04-30", method: .get, headers: boss) { response in
                #expect(response.status == .ok)
                #expect(Array(Data(buffer: response.body).prefix(2)) == Array("PK".utf8))
            }
        }
        await site.remove()
    }

    @Test func anOfficeReachesNoneOfTheSupervisorsPages() async throws {
        let site = try await Self.siteWithAnUpload()
        let before = try await site.server.store.rosters()
        try await site.test { client in
            let so01 = try await Self.browser(client, user: "so01")
            for uri in ["/district/sample", "/district/sample.csv?seed=7", "/district/stats", "/district/audit.xlsx",
                        "/district/audit.csv", "/district/audit.html", "/district/audit", "/district/inspections/1/compare/2"] {
                let (status, page) = try await client.get(uri, headers: so01)
                #expect(status == .notFound, "\(uri)")
                #expect(!page.contains("SO02"), "\(uri)")
            }
            let (_, own) = try await client.get("/offices/SO01", headers: so01)
            let csrf = try #require(PageTests.csrf(in: own))
            let status = try await Self.postRoster(client, headers: so01, csrf: csrf, table: "offices", file: "offices.csv")
            #expect(status == .notFound)
        }
        #expect(try await site.server.store.rosters() == before)
        await site.remove()
    }

    @Test func onlyAdministratorsReplaceRostersAndTheFormNeedsItsToken() async throws {
        let site = try await TestSite()
        let hash = Secrets.hashPassword(TestSite.password, cost: 4)
        let plain = try await site.server.store.addAccount(user: "li", role: .supervisor, office: nil, name: "li", passwordHash: hash,
                                                           admin: false, now: 0)
        try await site.server.store.setPassword(accountID: plain.id, hash: hash, mustChange: false)
        let before = try #require(try await site.server.store.rosters().first { $0.table == "offices" })
        try await site.test { client in
            // A supervisor without the right sees no form and is refused by the page and the API.
            let li = try await Self.browser(client, user: "li")
            let (_, page) = try await client.get("/district", headers: li)
            #expect(!page.contains("/district/rosters"))
            let liCSRF = try #require(PageTests.csrf(in: page))
            #expect(try await Self.postRoster(client, headers: li, csrf: liCSRF, table: "offices", file: "offices.csv") == .notFound)
            let api = try #require(try await client.login("li"))
            var put = api.headers
            let (type, body) = Multipart.body(name: "offices.csv", contents: try Self.changedOffices())
            put[.contentType] = type
            try await client.execute(uri: "/api/v1/rosters/offices", method: .put, headers: put, body: body) {
                #expect($0.status == .forbidden)
            }
            #expect(try await site.server.store.rosters().first { $0.table == "offices" } == before)
            var admin = try #require(try await client.login("boss")).headers
            admin[.contentType] = type
            try await client.execute(uri: "/api/v1/rosters/offices", method: .put, headers: admin, body: body) {
                #expect($0.status == .ok)
            }
            #expect(try await site.server.store.rosters().first { $0.table == "offices" }?.sha256 != before.sha256)
            // The administrator's form: a forged token changes nothing, the page's token does.
            let boss = try await Self.browser(client, user: "boss")
            let (_, district) = try await client.get("/district", headers: boss)
            #expect(district.contains("action=\"/district/rosters\""))
            let csrf = try #require(PageTests.csrf(in: district))
            let current = try await site.server.store.rosters()
            #expect(try await Self.postRoster(client, headers: boss, csrf: "forged", table: "offices", file: "offices.csv") == .forbidden)
            #expect(try await site.server.store.rosters() == current)
            #expect(try await Self.postRoster(client, headers: boss, csrf: csrf, table: "nope", file: "offices.csv") == .unprocessableContent)
            #expect(try await Self.postRoster(client, headers: boss, csrf: csrf, table: "offices", file: "offices.csv") == .ok)
        }
        let after = try #require(try await site.server.store.rosters().first { $0.table == "offices" })
        #expect(after.sha256 != before.sha256)
        #expect(after.user == "boss")
        #expect(try await site.server.store.logEntries().contains { $0.action == "roster" && $0.user == "boss" })
        await site.remove()
    }

    /// The demo's offices roster with a blank line more: the same roster, another file (hash).
    static func changedOffices() throws -> [UInt8] {
        try TestSite.demo("offices.csv") + Array("\r\n".utf8)
    }

    /// Posts the rosters form the way a browser does: the token and table fields, then the file.
    static func postRoster(_ client: some TestClientProtocol, headers: HTTPFields, csrf: String, table: String,
                           file: String) async throws -> HTTPResponse.Status {
        let (type, body) = Multipart.body(name: file, contents: try changedOffices(), fields: [("csrf", csrf), ("table", table)])
        var post = headers
        post[.contentType] = type
        return try await client.execute(uri: "/district/rosters", method: .post, headers: post, body: body) { $0.status }
    }
}
