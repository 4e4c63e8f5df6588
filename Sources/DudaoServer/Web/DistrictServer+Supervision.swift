import DudaoCore
import DudaoReport
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// The supervisors' pages beside the district audit: the spot-check list (`dudao sample`) and
/// the statistics (`dudao stats`) over every office's latest uploads, and the rosters form
/// for administrators.
extension DistrictServer {
    func addSupervision(to router: Router<ServerContext>) {
        router.get("district/sample") { request, context in
            try await withSupervisorPage(request, context, what: "sample") { caller in
                let en = english(request)
                guard let asOf = asOf(request), let draw = spotCheckRequest(request, asOf: asOf) else {
                    return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf: YYYY-MM-DD, seed: 1-99999999, perOffice: 1-50",
                                                                        english: en))
                }
                do {
                    let check = try await runner.sample(draw)
                    return HTMLPage.response(.ok, SpotCheckPage.page(check, english: en, csrf: caller.session?.csrf, user: caller.user))
                } catch let problem as ReadProblem {
                    return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>",
                                                                      english: en))
                }
            }
        }
        router.get("district/sample.csv") { request, context in
            try await withSupervisorPage(request, context, what: "sample.csv") { _ in
                let en = english(request)
                guard let asOf = asOf(request), let draw = spotCheckRequest(request, asOf: asOf),
                      request.uri.queryParameters.get("seed") != nil else {
                    return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf, seed", english: en))
                }
                do {
                    let check = try await runner.sample(draw)
                    let text = SpotCheckReporter.render(check, options: ReportOptions(format: .csv, language: en ? .en : .zh))
                    return Self.attachment(Data(text.utf8), name: "抽查清单-\(asOf.iso)-\(draw.seed)", ext: "csv",
                                           type: "text/csv; charset=utf-8")
                } catch let problem as ReadProblem {
                    return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>",
                                                                      english: en))
                }
            }
        }
        router.get("district/stats") { request, context in
            try await withSupervisorPage(request, context, what: "stats") { _ in
                let en = english(request)
                guard let asOf = asOf(request) else {
                    return HTMLPage.response(.badRequest, HTMLPage.page("400", body: "asOf: YYYY-MM-DD", english: en))
                }
                do {
                    let (result, _) = try await runner.audit(asOf: asOf, english: en)
                    let html = StatisticsReporter.render(result, options: ReportOptions(format: .html, language: en ? .en : .zh))
                    return HTMLPage.response(.ok, HTMLPage.withBackLink(html, to: "/district", english: en))
                } catch let problem as ReadProblem {
                    return HTMLPage.response(.conflict, HTMLPage.page("409", body: "<p class=\"error\">\(HTMLPage.escape(problem.message))</p>",
                                                                      english: en))
                }
            }
        }
        router.post("district/rosters") { request, context in
            try await withPageCaller(request, context) { caller in
                let en = english(request)
                // Rosters are the administrators' (SERVER section 2); anyone else is told nothing.
                guard caller.isSupervisor, caller.account.admin else {
                    return HTMLPage.notFound(english: en)
                }
                let message: String
                let status: HTTPResponse.Status
                do {
                    let file = try await receiveForm(request, caller: caller)
                    let name = file.fields["table"] ?? ""
                    guard let table = DistrictFolder.rosterTables(settings.pack).first(where: { $0.name == name }) else {
                        unlink(file.path)
                        throw UploadProblem.noTable(name)
                    }
                    try await acceptRoster(file, table: table, caller: caller, english: en, address: context.address)
                    message = "<p class=\"ok\">" + HTMLPage.escape((en ? "Roster updated: " : "已更新名册：") + table.title + " ← " + file.name) + "</p>"
                    status = .ok
                } catch let problem as UploadProblem {
                    message = "<p class=\"error\">" + HTMLPage.escape(problem.message(english: en)) + "</p>"
                    status = HTTPResponse.Status(code: problem.status)
                } catch let problem as ReadProblem {
                    message = "<p class=\"error\">" + HTMLPage.escape(problem.message) + "</p>"
                    status = .unprocessableContent
                }
                return HTMLPage.response(status, try await districtPage(request, caller, message: message))
            }
        }
    }

    /// What `?seed=&perOffice=` ask for; a seed is drawn when none is given (offices cannot
    /// know the list in advance), and shown so the list can be drawn again. Nil when out of range.
    private func spotCheckRequest(_ request: Request, asOf: Day) -> SpotCheckSampler.Request? {
        let query = request.uri.queryParameters
        let seed: UInt64
        if let text = query.get("seed"), !text.isEmpty {
            guard let n = UInt64(text), (1...99_999_999).contains(n) else { return nil }
            seed = n
        } else {
            seed = UInt64.random(in: 1...99_999_999)
        }
        var perOffice = 5
        if let text = query.get("perOffice"), !text.isEmpty {
            guard let n = Int(text), (1...50).contains(n) else { return nil }
            perOffice = n
        }
        return SpotCheckSampler.Request(asOf: asOf, seed: seed, perOffice: perOffice, english: english(request))
    }

    /// A report to save: its bytes with a file name (UTF-8, and an ASCII one for old browsers).
    static func attachment(_ data: Data, name: String, ext: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        let file = "\(name).\(ext)"
        let encoded = file.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report.\(ext)"
        headers[.contentDisposition] = "attachment; filename=\"report.\(ext)\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
