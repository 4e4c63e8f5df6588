import DudaoCore
import DudaoReport
import DudaoXLSX
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Reports to keep: an office's self-check and the district audit as the CLI's Excel workbook
/// (`--format xlsx`), CSV (with a BOM, formula-guarded: Excel opens it) and HTML; saving an
/// inspection and comparing two from the district page; the blank workbook to fill in.
extension DistrictServer {
    func addDownloads(to router: Router<ServerContext>) {
        // The blank template of `dudao init`, of the tables the caller uploads: an office's
        // ledger tables, or for supervisors the rosters.
        router.get("template.xlsx") { request, context in
            try await withPageCaller(request, context) { caller in
                let en = english(request)
                var pack = settings.pack
                pack.tables = caller.account.role == .office ? DistrictFolder.officeTables(pack) : DistrictFolder.rosterTables(pack)
                let book = DatasetTemplate(pack: pack, format: .xlsx, language: en ? .en : .zh).uploadWorkbook()
                let name = caller.account.role == .office ? (en ? "ledger-template" : "台账模板") : (en ? "roster-template" : "名册模板")
                return Self.attachment(try book.data(), name: name, ext: "xlsx",
                                       type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            }
        }
        router.get("offices/{id}/check.csv") { request, context in
            try await withPageOfficeDownload(request, context) { office in
                try await download(request, offices: [office], format: .csv, checklist: true, name: "自查清单-\(office)")
            }
        }
        router.get("offices/{id}/check.xlsx") { request, context in
            try await withPageOfficeDownload(request, context) { office in
                try await download(request, offices: [office], format: .xlsx, checklist: true, name: "自查清单-\(office)")
            }
        }
        router.get("district/audit.xlsx") { request, context in
            try await withSupervisorPage(request, context, what: "audit.xlsx") { _ in
                try await download(request, offices: [], format: .xlsx, checklist: false, name: "督导检查")
            }
        }
        router.get("district/audit.csv") { request, context in
            try await withSupervisorPage(request, context, what: "audit.csv") { _ in
                try await download(request, offices: [], format: .csv, checklist: false, name: "督导检查")
            }
        }
        router.get("district/audit.html") { request, context in
            try await withSupervisorPage(request, context, what: "audit.html") { _ in
                try await download(request, offices: [], format: .html, checklist: false, name: "督导检查")
            }
        }
        router.post("district/inspections") { request, context in
            let form = try await Self.formBody(request, context)
            return try await withPageCaller(request, context, csrf: form["csrf"] ?? "") { caller in
                guard caller.isSupervisor else { return HTMLPage.notFound(english: english(request)) }
                guard let asOf = form["asOf"].flatMap({ Day(iso: $0) }) else {
                    return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf: YYYY-MM-DD", english: english(request)))
                }
                do {
                    _ = try await saveInspection(asOf: asOf, caller: caller, address: context.address)
                } catch let problem as ReadProblem {
                    return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>",
                                                                      english: english(request)))
                }
                return HTMLPage.redirect("/district" + (english(request) ? "?lang=en" : ""))
            }
        }
        router.get("district/inspections/{a}/compare/{b}") { request, context in
            try await withSupervisorPage(request, context, what: "compare") { _ in
                let en = english(request)
                guard let a = try await context.parameters.get("a", as: Int.self).asyncFlatMap(store.inspection),
                      let b = try await context.parameters.get("b", as: Int.self).asyncFlatMap(store.inspection) else {
                    return HTMLPage.notFound(english: en)
                }
                do {
                    let result = try await compared(a, b, english: en)
                    let html = Reporters.render(result, options: ReportOptions(format: .html, language: en ? .en : .zh))
                    return HTMLPage.response(.ok, HTMLPage.withBackLink(html, to: "/district", english: en))
                } catch let problem as ReadProblem {
                    return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>", english: en))
                }
            }
        }
    }

    /// The report of a run as a file to save.
    private func download(_ request: Request, offices: [String], format: ReportFormat, checklist: Bool,
                          name: String) async throws -> Response {
        let en = english(request)
        guard let asOf = asOf(request) else {
            return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf: YYYY-MM-DD", english: en))
        }
        do {
            let (result, _) = try await runner.audit(asOf: asOf, offices: offices, english: en)
            let options = ReportOptions(format: format, language: en ? .en : .zh, checklist: checklist)
            switch format {
            case .xlsx:
                return Self.attachment(try ExcelReporter.workbook(result, options: options).data(), name: "\(name)-\(asOf.iso)", ext: "xlsx",
                                       type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case .csv:
                return Self.attachment(Data(Reporters.render(result, options: options).utf8), name: "\(name)-\(asOf.iso)", ext: "csv",
                                       type: "text/csv; charset=utf-8")
            default:
                return Self.attachment(Data(Reporters.render(result, options: options).utf8), name: "\(name)-\(asOf.iso)", ext: "html",
                                       type: "text/html; charset=utf-8")
            }
        } catch let problem as ReadProblem {
            return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>", english: en))
        }
    }

    func withSupervisorPage(_ request: Request, _ context: ServerContext, what: String,
                                    _ body: (Caller) async throws -> Response) async throws -> Response {
        try await withPageCaller(request, context) { caller in
            guard caller.isSupervisor else { return HTMLPage.notFound(english: english(request)) }
            try await log(user: caller.user, action: "view-district", detail: what, address: context.address)
            return try await body(caller)
        }
    }

    private func withPageOfficeDownload(_ request: Request, _ context: ServerContext,
                                        _ body: (String) async throws -> Response) async throws -> Response {
        try await withPageCaller(request, context) { caller in
            let office = context.parameters.get("id") ?? ""
            guard try await mayOpen(office: office, caller, address: context.address, what: "check.csv") else {
                return HTMLPage.notFound(english: english(request))
            }
            return try await body(office)
        }
    }
}
