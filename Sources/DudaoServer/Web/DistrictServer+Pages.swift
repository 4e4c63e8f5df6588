import DudaoCore
import DudaoReport
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// The browser pages: login, password change, an office's uploads and self-check, the
/// supervisors' district view. Every form that changes something carries the session's CSRF
/// token (the login form a cookie's); every page checks role and office like the API.
extension DistrictServer {
    func addPages(to router: Router<ServerContext>) {
        router.get("/") { request, context in
            try await withPageCaller(request, context) { caller in
                if let office = caller.account.office, !caller.isSupervisor { return HTMLPage.redirect("/offices/\(office)") }
                return HTMLPage.redirect("/district")
            }
        }
        router.get("login") { request, _ in loginPage(request, error: nil) }
        router.post("login") { request, context in try await pageLogin(request, context) }
        router.post("logout") { request, context in
            let form = try await Self.formBody(request, context)
            if let caller = try await caller(request), let session = caller.session, Secrets.same(form["csrf"] ?? "", session.csrf) {
                try await store.deleteSession(tokenHash: session.tokenHash)
            }
            var response = HTMLPage.redirect("/login")
            response.setCookie(expiredSessionCookie())
            return response
        }
        router.get("password") { request, context in
            try await withPageCaller(request, context, allowPasswordChange: true) { caller in passwordPage(request, caller, error: nil) }
        }
        router.post("password") { request, context in
            let form = try await Self.formBody(request, context)
            return try await withPageCaller(request, context, allowPasswordChange: true, csrf: form["csrf"] ?? "") { caller in
                guard form["new"] == form["again"] else {
                    return passwordPage(request, caller, error: english(request) ? "the two new passwords differ" : "两次输入的新密码不一致")
                }
                if let problem = try await changePassword(caller, old: form["old"] ?? "", new: form["new"] ?? "") {
                    return passwordPage(request, caller, error: Self.passwordMessage(problem, english: english(request)))
                }
                return HTMLPage.redirect("/login")
            }
        }
        router.get("offices/{id}") { request, context in
            try await withPageOffice(request, context, what: "page") { caller, office in
                HTMLPage.response(.ok, try await officePage(request, caller, office, message: nil))
            }
        }
        router.post("offices/{id}/uploads") { request, context in
            try await withPageOffice(request, context, what: "upload") { caller, office in
                let en = english(request)
                let message: String
                let status: HTTPResponse.Status
                do {
                    let file = try await receiveForm(request, caller: caller)
                    let record = try await acceptUpload(file, office: office, caller: caller, english: en, address: context.address)
                    let rows = rowCounts(record.rows, english: en)
                    message = "<p class=\"ok\">" + HTMLPage.escape((en ? "Stored as upload \(record.id): " : "已保存为第 \(record.id) 号上传：") + rows) + "</p>"
                    status = .created
                } catch let problem as UploadProblem {
                    message = "<p class=\"error\">" + HTMLPage.escape(problem.message(english: en)) + "</p>"
                    status = HTTPResponse.Status(code: problem.status)
                } catch let problem as ReadProblem {
                    message = "<p class=\"error\">" + HTMLPage.escape(problem.message) + "</p>"
                    status = .unprocessableContent
                }
                return HTMLPage.response(status, try await officePage(request, caller, office, message: message))
            }
        }
        router.get("offices/{id}/check") { request, context in
            try await withPageOffice(request, context, what: "check") { _, office in
                try await reportPage(request, offices: [office], checklist: true)
            }
        }
        router.get("district") { request, context in
            try await withPageCaller(request, context) { caller in
                guard caller.isSupervisor else { return HTMLPage.notFound(english: english(request)) }
                return HTMLPage.response(.ok, try await districtPage(request, caller, message: nil))
            }
        }
        router.get("district/audit") { request, context in
            try await withPageCaller(request, context) { caller in
                guard caller.isSupervisor else { return HTMLPage.notFound(english: english(request)) }
                try await log(user: caller.user, action: "view-district", detail: "audit page", address: context.address)
                return try await reportPage(request, offices: [], checklist: false)
            }
        }
    }

    private func loginPage(_ request: Request, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let en = english(request)
        let token = request.cookies[Self.loginCookie]?.value ?? Secrets.token(bytes: 18)
        let body = """
        \(error.map { "<p class=\"error\">\(HTMLPage.escape($0))</p>" } ?? "")
        <form method="post" action="/login\(en ? "?lang=en" : "")">
        <input type="hidden" name="csrf" value="\(HTMLPage.escape(token))">
        <p><label>\(en ? "User" : "用户名") <input name="user" autocomplete="username" required></label></p>
        <p><label>\(en ? "Password" : "密码") <input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><button>\(en ? "Log in" : "登录")</button></p></form>
        """
        var response = HTMLPage.response(status, HTMLPage.page(en ? "dudao: log in" : "督导自查系统 登录", body: body, english: en))
        response.setCookie(Cookie(name: Self.loginCookie, value: token, path: "/", secure: settings.secureCookies, httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    private func pageLogin(_ request: Request, _ context: ServerContext) async throws -> Response {
        let form = try await Self.formBody(request, context)
        let en = english(request)
        guard let cookie = request.cookies[Self.loginCookie]?.value, Secrets.same(form["csrf"] ?? "", cookie) else {
            return loginPage(request, error: UploadProblem.csrf.message(english: en), status: .forbidden)
        }
        switch try await login(user: form["user"] ?? "", password: form["password"] ?? "", address: context.address) {
        case .limited:
            return loginPage(request, error: en ? "Too many failed logins; wait and try again." : "登录失败次数过多，请稍后再试。",
                             status: .tooManyRequests)
        case .refused:
            return loginPage(request, error: en ? "Wrong user or password." : "用户名或密码错误。", status: .unauthorized)
        case .accepted(let account, let cookie, _):
            var response = HTMLPage.redirect(account.mustChangePassword ? "/password" : "/")
            response.setCookie(sessionCookie(cookie))
            return response
        }
    }

    private func passwordPage(_ request: Request, _ caller: Caller, error: String?) -> Response {
        let en = english(request)
        let csrf = caller.session?.csrf ?? ""
        let note = caller.account.mustChangePassword
            ? "<p>" + (en ? "Your password is a one-time password: choose your own to go on." : "当前为一次性密码，请设置自己的密码后继续。") + "</p>" : ""
        let body = """
        \(note)\(error.map { "<p class=\"error\">\(HTMLPage.escape($0))</p>" } ?? "")
        <form method="post" action="/password\(en ? "?lang=en" : "")"><input type="hidden" name="csrf" value="\(HTMLPage.escape(csrf))">
        <input name="username" autocomplete="username" value="\(HTMLPage.escape(caller.user))" readonly hidden>
        <p><label>\(en ? "Current password" : "当前密码") <input name="old" type="password" autocomplete="current-password" required></label></p>
        <p><label>\(en ? "New password (10 characters or more)" : "新密码（至少 10 个字符）") <input name="new" type="password" autocomplete="new-password" required></label></p>
        <p><label>\(en ? "New password again" : "再次输入新密码") <input name="again" type="password" autocomplete="new-password" required></label></p>
        <p><button>\(en ? "Change password" : "修改密码")</button></p></form>
        """
        return HTMLPage.response(error == nil ? .ok : .unprocessableContent,
                                 HTMLPage.page(en ? "Change password" : "修改密码", body: body, english: en, csrf: csrf, user: caller.user))
    }

    private func officePage(_ request: Request, _ caller: Caller, _ office: String, message: String?) async throws -> String {
        let en = english(request)
        let e = HTMLPage.escape
        let csrf = caller.session?.csrf ?? ""
        let uploads = try await store.uploads(office: office)
        var rows = ""
        for u in uploads {
            let counts = rowCounts(u.rows, english: en)
            rows += "<tr><td>\(u.id)</td><td>\(e(Self.timestamp(u.time)))</td><td>\(e(u.user))</td><td>\(e(u.fileName))</td>"
                + "<td>\(e(counts))</td><td><code>\(e(String(u.sha256.prefix(16))))…</code></td></tr>\n"
        }
        let body = """
        \(message ?? "")
        <h2>\(en ? "Self-check" : "自查清单")</h2>
        <form method="get" action="/offices/\(e(office))/check">\(en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
        <label>\(en ? "As of" : "截止日期") <input type="date" name="asOf" value="\(settings.today.iso)" required></label>
        <button>\(en ? "Show" : "查看")</button>
        <button formaction="/offices/\(e(office))/check.xlsx">\(en ? "Download Excel" : "下载 Excel")</button>
        <button formaction="/offices/\(e(office))/check.csv">\(en ? "Download CSV" : "下载 CSV")</button></form>
        <h2>\(en ? "Upload the ledger" : "上传台账")</h2>
        <form method="post" action="/offices/\(e(office))/uploads\(en ? "?lang=en" : "")" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(e(csrf))">
        <input type="file" name="file" accept=".xlsx,.csv,.zip" required> <button>\(en ? "Upload" : "上传")</button>
        <br><small>\(en ? "An Excel workbook (.xlsx), a CSV file, or a zip of them." : "Excel 工作簿（.xlsx）、CSV 文件，或它们的 zip 压缩包。")
        <a href="/template.xlsx\(en ? "?lang=en" : "")">\(en ? "Download the blank ledger template" : "下载空白台账模板")</a></small></form>
        <h2>\(en ? "Uploads" : "上传记录")</h2>
        \(uploads.isEmpty ? "<p>" + (en ? "No upload yet." : "尚未上传。") + "</p>" : """
            <table><tr><th>#</th><th>\(en ? "Time (UTC)" : "时间（UTC）")</th><th>\(en ? "By" : "上传人")</th><th>\(en ? "File" : "文件")</th><th>\(en ? "Rows" : "行数")</th><th>SHA-256</th></tr>
            \(rows)</table>
            """)
        """
        return HTMLPage.page((en ? "Office " : "法律服务所 ") + office, body: body, english: en, csrf: csrf, user: caller.user)
    }

    /// Rows read per table, in the pack's order: `活动台账 640 行，阶段书面报告 4 行` (English: table names).
    private func rowCounts(_ rows: [String: Int], english: Bool) -> String {
        settings.pack.tables.compactMap { t in
            rows[t.name].map { english ? "\(t.name) \($0)" : "\(t.title) \($0) 行" }
        }.joined(separator: english ? ", " : "，")
    }

    func districtPage(_ request: Request, _ caller: Caller, message: String?) async throws -> String {
        let en = english(request)
        let e = HTMLPage.escape
        let offices = try await store.accounts().compactMap { $0.role == .office ? $0.office : nil }
        let uploads = try await store.uploads(office: nil)
        var rows = ""
        for office in Set(offices).sorted() {
            let latest = uploads.first { $0.office == office }
            rows += "<tr><td><a href=\"/offices/\(e(office))\">\(e(office))</a></td><td>"
                + (latest.map { e("#\($0.id) \(Self.timestamp($0.time)) \($0.fileName)") } ?? (en ? "no upload yet" : "尚未上传"))
                + "</td><td><a href=\"/offices/\(e(office))/check\">\(en ? "self-check" : "自查清单")</a></td></tr>\n"
        }
        let rosters = try await store.rosters()
        let rosterRows = DistrictFolder.rosterTables(settings.pack).map { t in
            let r = rosters.first { $0.table == t.name }
            return "<tr><td>\(e(t.title))</td><td>" + (r.map { e("\($0.fileName) \(Self.timestamp($0.time)) \($0.user)") } ?? (en ? "missing" : "未上传")) + "</td></tr>"
        }.joined(separator: "\n")
        let inspections = try await store.inspections()
        var inspectionRows = ""
        for (i, x) in inspections.enumerated() {
            let compare = i + 1 < inspections.count
                ? "<a href=\"/district/inspections/\(inspections[i + 1].id)/compare/\(x.id)\(en ? "?lang=en" : "")\">\(en ? "compare with #\(inspections[i + 1].id)" : "与第 \(inspections[i + 1].id) 次比较")</a>" : ""
            inspectionRows += "<tr><td>\(x.id)</td><td>\(e(x.asOf))</td><td>\(e(Self.timestamp(x.time)))</td><td>\(e(x.user))</td>"
                + "<td>\(e(x.packID)) v\(x.packVersion)</td><td>\(compare)</td></tr>\n"
        }
        let today = settings.today.iso
        let rosterForm = caller.account.admin ? """
            <form method="post" action="/district/rosters\(en ? "?lang=en" : "")" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="\(e(caller.session?.csrf ?? ""))">
            <label>\(en ? "Roster" : "名册") <select name="table">\(DistrictFolder.rosterTables(settings.pack).map { "<option value=\"\(e($0.name))\">\(e($0.title))</option>" }.joined())</select></label>
            <input type="file" name="file" accept=".xlsx,.csv" required> <button>\(en ? "Replace the roster" : "更新名册")</button>
            <br><small>\(en ? "A CSV file or an Excel workbook (.xlsx) of the whole roster; it replaces the current one." : "整份名册的 CSV 文件或 Excel 工作簿（.xlsx），替换现有名册。")
            <a href="/template.xlsx\(en ? "?lang=en" : "")">\(en ? "Download the blank roster template" : "下载空白名册模板")</a></small></form>
            """ : ""
        let body = """
        \(message ?? "")
        <h2>\(en ? "District audit" : "全区督导检查")</h2>
        <form method="get" action="/district/audit">\(en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
        <label>\(en ? "As of" : "截止日期") <input type="date" name="asOf" value="\(today)" required></label>
        <button>\(en ? "Show" : "查看")</button>
        <button formaction="/district/audit.xlsx">\(en ? "Download Excel" : "下载 Excel")</button>
        <button formaction="/district/audit.html">\(en ? "Download HTML" : "下载 HTML")</button>
        <button formaction="/district/audit.csv">\(en ? "Download CSV" : "下载 CSV")</button>
        <button formaction="/district/sample">\(en ? "Spot-check list" : "不定期抽查清单")</button>
        <button formaction="/district/stats">\(en ? "Statistics" : "情况统计")</button></form>
        <h2>\(en ? "Inspections" : "督导检查记录")</h2>
        <form method="post" action="/district/inspections\(en ? "?lang=en" : "")"><input type="hidden" name="csrf" value="\(e(caller.session?.csrf ?? ""))">
        <label>\(en ? "As of" : "截止日期") <input type="date" name="asOf" value="\(today)" required></label>
        <button>\(en ? "Save an inspection" : "保存一次检查")</button></form>
        <table><tr><th>#</th><th>\(en ? "As of" : "截止日期")</th><th>\(en ? "Saved (UTC)" : "保存时间（UTC）")</th><th>\(en ? "By" : "保存人")</th><th>\(en ? "Pack" : "规则包")</th><th></th></tr>
        \(inspectionRows)</table>
        <h2>\(en ? "Offices" : "各法律服务所")</h2>
        <table><tr><th>\(en ? "Office" : "所编号")</th><th>\(en ? "Latest upload" : "最近上传")</th><th></th></tr>
        \(rows)</table>
        <h2>\(en ? "Rosters" : "名册")</h2><table>\(rosterRows)</table>
        \(rosterForm)
        """
        return HTMLPage.page(en ? "District" : "全区督导", body: body, english: en, csrf: caller.session?.csrf, user: caller.user)
    }

    /// The engine's own HTML report: the self-check list of an office, or the district audit.
    private func reportPage(_ request: Request, offices: [String], checklist: Bool) async throws -> Response {
        let en = english(request)
        guard let asOf = asOf(request) else {
            return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf: YYYY-MM-DD", english: en))
        }
        do {
            let (result, _) = try await runner.audit(asOf: asOf, offices: offices, english: en)
            let html = Reporters.render(result, options: ReportOptions(format: .html, language: en ? .en : .zh, checklist: checklist))
            return HTMLPage.response(.ok, HTMLPage.withBackLink(html, to: offices.first.map { "/offices/\($0)" } ?? "/district", english: en))
        } catch let problem as ReadProblem {
            return HTMLPage.response(.conflict, HTMLPage.page(en ? "Cannot run" : "无法检查",
                                                              body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>", english: en))
        }
    }

    /// Runs `body` for a logged-in caller; otherwise the login page. A one-time password
    /// sends to the password page; a state change needs the session's CSRF token in `csrf`.
    func withPageCaller(_ request: Request, _ context: ServerContext, allowPasswordChange: Bool = false, csrf: String? = nil,
                        _ body: (Caller) async throws -> Response) async throws -> Response {
        guard let caller = try await caller(request) else { return HTMLPage.redirect("/login") }
        if caller.account.mustChangePassword && !allowPasswordChange { return HTMLPage.redirect("/password") }
        if let csrf, !Secrets.same(csrf, caller.session?.csrf ?? "") {
            return HTMLPage.response(.forbidden, HTMLPage.page("403", body: HTMLPage.escape(UploadProblem.csrf.message(english: english(request))),
                                                               english: english(request)))
        }
        return try await body(caller)
    }

    private func withPageOffice(_ request: Request, _ context: ServerContext, what: String,
                                _ body: (Caller, String) async throws -> Response) async throws -> Response {
        try await withPageCaller(request, context) { caller in
            let office = context.parameters.get("id") ?? ""
            guard try await mayOpen(office: office, caller, address: context.address, what: what) else {
                return HTMLPage.notFound(english: english(request))
            }
            return try await body(caller, office)
        }
    }

    static func formBody(_ request: Request, _ context: ServerContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return HTMLPage.form(String(buffer: buffer))
    }
}
