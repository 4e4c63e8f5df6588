import DudaoCore
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// The JSON API of SERVER.md section 3 under `/api/v1`.
extension DistrictServer {
    func addAPI(to router: Router<ServerContext>) {
        let api = router.group("api/v1")
        api.post("session") { request, context in try await apiLogin(request, context) }
        api.delete("session") { request, context in
            try await withCaller(request, context, changes: true, allowPasswordChange: true) { caller in
                if let session = caller.session { try await store.deleteSession(tokenHash: session.tokenHash) }
                var response = APIResponse.json(.ok, [:])
                response.setCookie(expiredSessionCookie())
                return response
            }
        }
        api.post("password") { request, context in
            try await withCaller(request, context, changes: true, allowPasswordChange: true) { caller in
                let body = try await Self.jsonObject(request, context)
                let problem = try await changePassword(caller, old: body["old"] as? String ?? "", new: body["new"] as? String ?? "")
                if let problem { return APIResponse.error(.unprocessableContent, Self.passwordMessage(problem, english: english(request))) }
                return APIResponse.json(.ok, [:])
            }
        }
        api.post("offices/{id}/uploads") { request, context in
            try await withOffice(request, context, changes: true, what: "upload") { caller, office in
                do {
                    let file = try await receive(request)
                    let record = try await acceptUpload(file, office: office, caller: caller, english: english(request),
                                                        address: context.address)
                    return APIResponse.json(.created, ["upload": record.id, "rows": record.rows])
                } catch let problem as UploadProblem {
                    return APIResponse.error(HTTPResponse.Status(code: problem.status), problem.message(english: english(request)))
                } catch let problem as ReadProblem {
                    return APIResponse.error(.unprocessableContent, problem.message)
                }
            }
        }
        api.get("offices/{id}/uploads") { request, context in
            try await withOffice(request, context, changes: false, what: "uploads") { _, office in
                let list = try await store.uploads(office: office).map(Self.uploadJSON)
                return APIResponse.json(.ok, ["uploads": list])
            }
        }
        api.get("offices/{id}/check") { request, context in
            try await withOffice(request, context, changes: false, what: "check") { _, office in
                guard let asOf = asOf(request) else { return APIResponse.error(.badRequest, "asOf: YYYY-MM-DD") }
                do {
                    let (result, _) = try await runner.audit(asOf: asOf, offices: [office], english: english(request))
                    return APIResponse.document(.ok, DistrictRunner.json(result, english: english(request)))
                } catch let problem as ReadProblem {
                    return APIResponse.error(.conflict, problem.message)
                }
            }
        }
        api.get("audit") { request, context in
            try await withCaller(request, context, changes: false) { caller in
                guard caller.isSupervisor else { return APIResponse.error(.forbidden, "supervisors only") }
                guard let asOf = asOf(request) else { return APIResponse.error(.badRequest, "asOf: YYYY-MM-DD") }
                do {
                    let (result, _) = try await runner.audit(asOf: asOf, english: english(request))
                    try await log(user: caller.user, action: "view-district", detail: "audit \(asOf.iso)", address: context.address)
                    return APIResponse.document(.ok, DistrictRunner.json(result, english: english(request)))
                } catch let problem as ReadProblem {
                    return APIResponse.error(.conflict, problem.message)
                }
            }
        }
        addInspections(to: api)
        api.put("rosters/{table}") { request, context in
            try await withCaller(request, context, changes: true) { caller in
                // Rosters are the administrators' (SERVER section 2: a supervisor with the right).
                guard caller.isSupervisor, caller.account.admin else {
                    return APIResponse.error(.forbidden, english(request) ? "administrators only" : "仅限管理员")
                }
                let name = context.parameters.get("table") ?? ""
                guard let table = DistrictFolder.rosterTables(settings.pack).first(where: { $0.name == name }) else {
                    return APIResponse.error(.notFound, "no roster table \(name)")
                }
                do {
                    let file = try await receive(request)
                    try await acceptRoster(file, table: table, caller: caller, english: english(request), address: context.address)
                    return APIResponse.json(.ok, ["roster": table.name])
                } catch let problem as UploadProblem {
                    return APIResponse.error(HTTPResponse.Status(code: problem.status), problem.message(english: english(request)))
                } catch let problem as ReadProblem {
                    return APIResponse.error(.unprocessableContent, problem.message)
                }
            }
        }
    }

    private func apiLogin(_ request: Request, _ context: ServerContext) async throws -> Response {
        let body = try await Self.jsonObject(request, context)
        guard let user = body["user"] as? String, let password = body["password"] as? String else {
            return APIResponse.error(.badRequest, "user and password")
        }
        switch try await login(user: user, password: password, address: context.address) {
        case .limited: return APIResponse.error(.tooManyRequests, english(request) ? "too many failed logins; wait and try again" : "登录失败次数过多，请稍后再试")
        case .refused: return APIResponse.error(.unauthorized, english(request) ? "wrong user or password" : "用户名或密码错误")
        case .accepted(let account, let cookie, let session):
            var response = APIResponse.json(.ok, ["user": account.user, "role": account.role.rawValue, "office": account.office ?? NSNull(),
                                                  "csrf": session.csrf, "mustChangePassword": account.mustChangePassword])
            response.setCookie(sessionCookie(cookie))
            return response
        }
    }

    /// Runs `body` for a caller: 401 without one; 403 for a session while its one-time password
    /// is unchanged;
    /// 403 for a state change by cookie without the session's CSRF token in `X-CSRF-Token`.
    func withCaller(_ request: Request, _ context: ServerContext, changes: Bool, allowPasswordChange: Bool = false,
                    _ body: (Caller) async throws -> Response) async throws -> Response {
        guard let caller = try await caller(request) else {
            return APIResponse.error(.unauthorized, english(request) ? "log in first" : "请先登录")
        }
        // A token is no password: an account used only through its token need never log in.
        if caller.account.mustChangePassword && caller.session != nil && !allowPasswordChange {
            return APIResponse.error(.forbidden, english(request) ? "change the one-time password first" : "请先修改一次性密码")
        }
        if changes, let session = caller.session {
            guard let sent = request.headers[HTTPField.Name("X-CSRF-Token") ?? .authorization], Secrets.same(sent, session.csrf) else {
                return APIResponse.error(.forbidden, english(request) ? "missing or wrong X-CSRF-Token" : "缺少或错误的 X-CSRF-Token")
            }
        }
        return try await body(caller)
    }

    /// `withCaller` for a route of one office: 404 unless the caller may see it.
    func withOffice(_ request: Request, _ context: ServerContext, changes: Bool, what: String,
                    _ body: (Caller, String) async throws -> Response) async throws -> Response {
        try await withCaller(request, context, changes: changes) { caller in
            let office = context.parameters.get("id") ?? ""
            guard try await mayOpen(office: office, caller, address: context.address, what: what) else {
                return APIResponse.error(.notFound, english(request) ? "not found" : "未找到")
            }
            return try await body(caller, office)
        }
    }

    func english(_ request: Request) -> Bool {
        request.uri.queryParameters.get("lang") == "en"
    }

    /// `?asOf=` (default today); nil when it is not a date.
    func asOf(_ request: Request) -> Day? {
        guard let text = request.uri.queryParameters.get("asOf") else { return settings.today }
        return Day(iso: text)
    }

    static func jsonObject(_ request: Request, _ context: ServerContext) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }

    static func uploadJSON(_ u: UploadRecord) -> [String: Any] {
        ["upload": u.id, "office": u.office, "user": u.user, "time": DistrictServer.timestamp(u.time), "file": u.fileName,
         "sha256": u.sha256, "bytes": u.bytes, "rows": u.rows]
    }

    /// `2026-12-05T18:00:00Z`.
    static func timestamp(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func passwordMessage(_ problem: String, english: Bool) -> String {
        switch problem {
        case "old": english ? "the current password is wrong" : "当前密码不正确"
        case "short": english ? "the new password needs at least 10 characters" : "新密码至少 10 个字符"
        default: english ? "the new password must differ from the old one" : "新密码不能与旧密码相同"
        }
    }
}
