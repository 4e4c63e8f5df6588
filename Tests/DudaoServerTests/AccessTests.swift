import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// SERVER.md section 4: who may see what, each point tested through the router.
@Suite struct AccessTests {
    @Test func noSessionIs401ForTheAPIAndTheLoginPageForABrowser() async throws {
        let site = try await TestSite()
        try await site.test { client in
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: [:]).0 == .unauthorized)
            #expect(try await client.get("/api/v1/audit", headers: [:]).0 == .unauthorized)
            try await client.execute(uri: "/offices/SO01", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
        }
        await site.remove()
    }

    @Test func anOfficeAskingForAnotherOfficeGets404EverywhereAndASupervisorDoesNot() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let so01 = try #require(try await client.login("so01"))
            for uri in ["/api/v1/offices/SO02/uploads", "/api/v1/offices/SO02/check", "/offices/SO02", "/offices/SO02/check",
                        "/api/v1/offices/NOPE/uploads"] {
                #expect(try await client.get(uri, headers: so01.headers).0 == .notFound, "\(uri)")
            }
            let (status, _) = try await client.upload("SO02", name: "activities.csv", contents: try TestSite.demoRows("activities.csv", office: "SO02"),
                                                      headers: so01.headers)
            #expect(status == .notFound)
            #expect(try await site.server.store.uploads(office: "SO02").isEmpty)
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: so01.headers).0 == .ok)
            #expect(try await client.get("/api/v1/audit", headers: so01.headers).0 == .forbidden)
            #expect(try await client.get("/district", headers: so01.headers).0 == .notFound)
            let boss = try #require(try await client.login("boss"))
            #expect(try await client.get("/api/v1/offices/SO02/uploads", headers: boss.headers).0 == .ok)
            #expect(try await client.get("/api/v1/offices/NOPE/uploads", headers: boss.headers).0 == .notFound)
        }
        await site.remove()
    }

    @Test func passwordsAreStoredAsBcryptHashesOnly() async throws {
        let site = try await TestSite()
        let account = try #require(try await site.server.store.account(user: "so01"))
        #expect(account.passwordHash.hasPrefix("$2"))
        #expect(!account.passwordHash.contains(TestSite.password))
        #expect(Secrets.verify(TestSite.password, hash: account.passwordHash))
        #expect(!Secrets.verify("wrong", hash: account.passwordHash))
        let log = try await site.server.store.logEntries().map { "\($0.action) \($0.detail)" }.joined()
        #expect(!log.contains(TestSite.password))
        await site.remove()
    }

    @Test func aOneTimePasswordMustBeChangedBeforeAnythingElse() async throws {
        let site = try await TestSite()
        let hash = Secrets.hashPassword("one-time-pw", cost: 4)
        _ = try await site.server.store.addAccount(user: "new", role: .office, office: "SO04", name: "new", passwordHash: hash,
                                                   admin: false, now: 0)
        try await site.test { client in
            let login = try #require(try await client.login("new", "one-time-pw"))
            #expect(try await client.get("/api/v1/offices/SO04/uploads", headers: login.headers).0 == .forbidden)
            try await client.execute(uri: "/offices/SO04", method: .get, headers: login.headers) { response in
                #expect(response.headers[.location] == "/password")
            }
            let change = #"{"old":"one-time-pw","new":"a much better one"}"#
            try await client.execute(uri: "/api/v1/password", method: .post, headers: login.headers, body: ByteBuffer(string: change)) {
                #expect($0.status == .ok)
            }
            // Changing the password ends the session; the new password works.
            #expect(try await client.get("/api/v1/offices/SO04/uploads", headers: login.headers).0 == .unauthorized)
            let again = try #require(try await client.login("new", "a much better one"))
            #expect(try await client.get("/api/v1/offices/SO04/uploads", headers: again.headers).0 == .ok)
        }
        await site.remove()
    }

    @Test func loginsAreLimitedPerAccountWith429() async throws {
        let site = try await TestSite { $0.loginFailuresPerAccount = 3 }
        try await site.test { client in
            for _ in 0..<3 { #expect(try await client.login("so01", "wrong") == nil) }
            let body = #"{"user":"so01","password":"\#(TestSite.password)"}"#
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: body)) {
                #expect($0.status == .tooManyRequests)
            }
            // Another account from the same address is not held up by so01's failures.
            #expect(try await client.login("so02") != nil)
            site.advance(seconds: 16 * 60)
            #expect(try await client.login("so01") != nil)
        }
        let actions = try await site.server.store.logEntries().map(\.action)
        #expect(actions.filter { $0 == "login-failed" }.count == 3)
        #expect(actions.contains("login-limited"))
        await site.remove()
    }

    @Test func loginsAreLimitedPerAddressWith429() async throws {
        let site = try await TestSite { $0.loginFailuresPerAddress = 4 }
        try await site.test { client in
            // Four accounts tried once each from one address: no account reaches its own limit.
            for user in ["so01", "so02", "so03", "nobody"] { #expect(try await client.login(user, "wrong") == nil) }
            let body = #"{"user":"boss","password":"\#(TestSite.password)"}"#
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: body)) {
                #expect($0.status == .tooManyRequests)
            }
            site.advance(seconds: 16 * 60)
            #expect(try await client.login("boss") != nil)
        }
        await site.remove()
    }

    @Test func sessionsExpire() async throws {
        let site = try await TestSite { $0.sessionSeconds = 600 }
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: login.headers).0 == .ok)
            site.advance(seconds: 601)
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: login.headers).0 == .unauthorized)
        }
        await site.remove()
    }

    @Test(arguments: [false, true])
    func sessionCookiesAreHttpOnlyAndLaxAndSecureOverTLS(secure: Bool) async throws {
        let site = try await TestSite { $0.secureCookies = secure }
        try await site.test { client in
            let body = #"{"user":"so01","password":"\#(TestSite.password)"}"#
            try await client.execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: body)) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("dudao_session="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(cookie.contains("Secure") == secure)
            }
        }
        await site.remove()
    }

    @Test func stateChangesByCookieNeedTheCSRFToken() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: login.cookieOnly).0 == .forbidden)
            var wrong = login
            wrong.csrf = "not-the-token"
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: wrong.headers).0 == .forbidden)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            // The browser's form carries it as a field.
            let (type, body) = Multipart.body(name: "activities.csv", contents: rows, fields: [("csrf", "forged")])
            var headers = login.cookieOnly
            headers[.contentType] = type
            try await client.execute(uri: "/offices/SO01/uploads", method: .post, headers: headers, body: body) {
                #expect($0.status == .forbidden)
            }
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: login.headers).0 == .created)
        }
        await site.remove()
    }

    @Test func theLoginFormNeedsItsCSRFCookie() async throws {
        let site = try await TestSite()
        try await site.test { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let form = "user=so01&password=\(TestSite.password.replacingOccurrences(of: " ", with: "+"))&csrf=abc"
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form)) {
                #expect($0.status == .forbidden)
            }
            headers[.cookie] = "dudao_login=abc"
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.hasPrefix("dudao_session=") == true)
            }
        }
        await site.remove()
    }

    @Test func tokensWorkWithoutCSRFAndEndWhenTheAccountIsDisabled() async throws {
        let site = try await TestSite()
        let account = try #require(try await site.server.store.account(user: "so01"))
        try await site.server.store.addToken(hash: Secrets.sha256("tok-123"), accountID: account.id, now: 0)
        try await site.test { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer tok-123"
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: headers).0 == .created)
            try await site.server.store.setDisabled(accountID: account.id, true)
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: headers).0 == .unauthorized)
            headers[.authorization] = "Bearer wrong"
            #expect(try await client.get("/api/v1/offices/SO01/uploads", headers: headers).0 == .unauthorized)
        }
        await site.remove()
    }

    @Test func theAuditLogRecordsLoginsUploadsSupervisorsViewsAndInspections() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let so01 = try #require(try await client.login("so01"))
            _ = try await client.upload("SO01", name: "activities.csv", contents: try TestSite.demoRows("activities.csv", office: "SO01"),
                                        headers: so01.headers)
            let boss = try #require(try await client.login("boss"))
            _ = try await client.get("/api/v1/offices/SO01/check?asOf=2023-04-30", headers: boss.headers)
            try await client.execute(uri: "/api/v1/inspections", method: .post, headers: boss.headers,
                                     body: ByteBuffer(string: #"{"asOf":"2023-04-30"}"#)) { #expect($0.status == .created) }
        }
        let log = try await site.server.store.logEntries()
        #expect(log.contains { $0.action == "login" && $0.user == "so01" })
        #expect(log.contains { $0.action == "upload" && $0.user == "so01" && $0.detail.hasPrefix("SO01 #1 activities.csv") })
        #expect(log.contains { $0.action == "view-office" && $0.user == "boss" && $0.detail == "SO01 check" })
        #expect(log.contains { $0.action == "roster" })
        #expect(log.contains { $0.action == "inspection" && $0.user == "boss" && $0.detail == "#1 as of 2023-04-30" })
        #expect(log.allSatisfy { $0.time == 1_700_000_000 })
        await site.remove()
    }
}
