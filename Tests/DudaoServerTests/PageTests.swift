import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// The browser's way through the site, without scripts: the login form, the office's page
/// with its upload form, the self-check, and the supervisors' district page.
@Suite struct PageTests {
    /// Logs in through the form the way a browser does; the session cookie.
    static func formLogin(_ client: some TestClientProtocol, user: String) async throws -> String {
        let loginCookie = try await client.execute(uri: "/login", method: .get) { response in
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("name=\"csrf\""))
            return response.headers[.setCookie]?.split(separator: ";").first.map(String.init) ?? ""
        }
        let token = String(loginCookie.split(separator: "=", maxSplits: 1).last ?? "")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = loginCookie
        let form = "user=\(user)&password=\(TestSite.password.replacingOccurrences(of: " ", with: "+"))&csrf=\(token)"
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
            #expect(response.status == .seeOther)
            return response.headers[.setCookie]?.split(separator: ";").first.map(String.init) ?? ""
        }
    }

    /// The CSRF token in a page's forms.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func anOfficeLogsInUploadsAndReadsItsSelfCheck() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let cookie = try await Self.formLogin(client, user: "so01")
            var headers = HTTPFields()
            headers[.cookie] = cookie
            try await client.execute(uri: "/", method: .get, headers: headers) { #expect($0.headers[.location] == "/offices/SO01") }
            let (status, page) = try await client.get("/offices/SO01", headers: headers)
            #expect(status == .ok)
            #expect(page.contains("enctype=\"multipart/form-data\""))
            let csrf = try #require(Self.csrf(in: page))
            let (type, body) = Multipart.body(name: "activities.csv", contents: try TestSite.demoRows("activities.csv", office: "SO01"),
                                              fields: [("csrf", csrf)])
            var post = headers
            post[.contentType] = type
            try await client.execute(uri: "/offices/SO01/uploads", method: .post, headers: post, body: body) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).contains("已保存为第 1 号上传"))
            }
            let (checked, report) = try await client.get("/offices/SO01/check?asOf=2023-04-30", headers: headers)
            #expect(checked == .ok)
            #expect(report.contains("自查"))
            #expect(report.contains("SO01"))
            #expect(try await client.get("/offices/SO02", headers: headers).0 == .notFound)
        }
        await site.remove()
    }

    @Test func aSupervisorSeesEveryOfficeAndTheDistrictAudit() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let cookie = try await Self.formLogin(client, user: "boss")
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let (status, page) = try await client.get("/district?lang=en", headers: headers)
            #expect(status == .ok)
            for office in ["SO01", "SO02", "SO03"] { #expect(page.contains("/offices/\(office)")) }
            #expect(try await client.get("/district/audit?asOf=2023-04-30", headers: headers).0 == .ok)
        }
        await site.remove()
    }

    @Test func pagesCarryHeadersThatKeepThemPrivate() async throws {
        let site = try await TestSite()
        try await site.test { client in
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
        await site.remove()
    }

    @Test func theSelfCheckDownloadsForExcelAndOnlyForItsOffice() async throws {
        let site = try await TestSite()
        try await site.test { client in
            var headers = HTTPFields()
            headers[.cookie] = try await Self.formLogin(client, user: "so01")
            try await client.execute(uri: "/offices/SO01/check.csv?asOf=2023-04-30", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("\u{FEFF}规则,"))
                #expect(!text.contains(";SO02") && !text.contains(",SO02,"))
            }
            #expect(try await client.get("/offices/SO02/check.csv", headers: headers).0 == .notFound)
            #expect(try await client.get("/district/audit.csv", headers: headers).0 == .notFound)
        }
        await site.remove()
    }

    @Test func aSupervisorSavesInspectionsFromThePageAndComparesThem() async throws {
        let site = try await TestSite()
        try await site.test { client in
            var headers = HTTPFields()
            headers[.cookie] = try await Self.formLogin(client, user: "boss")
            let (_, page) = try await client.get("/district", headers: headers)
            let csrf = try #require(Self.csrf(in: page))
            var post = headers
            post[.contentType] = "application/x-www-form-urlencoded"
            for asOf in ["2022-10-15", "2023-04-30"] {
                try await client.execute(uri: "/district/inspections", method: .post, headers: post,
                                         body: ByteBuffer(string: "csrf=\(csrf)&asOf=\(asOf)")) { #expect($0.status == .seeOther) }
            }
            try await client.execute(uri: "/district/inspections", method: .post, headers: post,
                                     body: ByteBuffer(string: "csrf=forged&asOf=2023-04-30")) { #expect($0.status == .forbidden) }
            #expect(try await site.server.store.inspections().count == 2)
            let (_, after) = try await client.get("/district", headers: headers)
            #expect(after.contains("/district/inspections/1/compare/2"))
            let (status, report) = try await client.get("/district/inspections/1/compare/2", headers: headers)
            #expect(status == .ok)
            #expect(report.contains("<html"))
            try await client.execute(uri: "/district/audit.html?asOf=2023-04-30", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains(".html") == true)
            }
        }
        await site.remove()
    }
}
