import DudaoXLSX
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import DudaoServer

/// What someone at the upload form can act on: a reader's error names a remedy they can take
/// (change the file; never "edit dataset.yaml", a file on the server), and the blank template
/// of the tables they upload is one click away and reads back.
@Suite struct UploadGuidanceTests {
    /// The office's activity rows with the date column's header renamed.
    static func renamedHeader() throws -> [UInt8] {
        let text = String(decoding: try TestSite.demoRows("activities.csv", office: "SO01"), as: UTF8.self)
        return Array(text.replacingOccurrences(of: ",日期,", with: ",办理时间,").utf8)
    }

    @Test func aHeaderTheReaderCannotFindNamesAFixInTheFile() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let (status, json) = try await client.upload("SO01", name: "activities.csv", contents: try Self.renamedHeader(),
                                                         headers: login.headers)
            #expect(status == .unprocessableContent)
            let message = try #require(json["error"] as? String)
            #expect(message.contains("activities.csv"))
            #expect(message.contains("日期"))
            #expect(message.contains("重新上传"))
            #expect(!message.contains("dataset.yaml"))

            var headers = login.headers
            let (type, body) = Multipart.body(name: "activities.csv", contents: try Self.renamedHeader())
            headers[.contentType] = type
            try await client.execute(uri: "/api/v1/offices/SO01/uploads?lang=en", method: .post, headers: headers, body: body) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .unprocessableContent)
                #expect(text.contains("upload it again"))
                #expect(!text.contains("dataset.yaml"))
            }
        }
        await site.remove()
    }

    /// The sheets of a downloaded workbook.
    static func sheets(_ bytes: [UInt8]) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-template-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return try XLSXWorkbook(path: path).sheets.map(\.name)
    }

    @Test func theBlankTemplateHoldsTheCallersTablesAndUploadsBack() async throws {
        let site = try await TestSite()
        let pack = try TestSite.pack()
        let officeTitles = DistrictFolder.officeTables(pack).map(\.title)
        let rosterTitles = DistrictFolder.rosterTables(pack).map(\.title)
        try #require(!officeTitles.isEmpty && !rosterTitles.isEmpty)
        try await site.test { client in
            try await client.execute(uri: "/template.xlsx", method: .get) { #expect($0.status == .seeOther) }

            var office = HTTPFields()
            office[.cookie] = try await PageTests.formLogin(client, user: "so01")
            let (page, html) = try await client.get("/offices/SO01", headers: office)
            #expect(page == .ok)
            #expect(html.contains("href=\"/template.xlsx\""))
            let book = try await client.execute(uri: "/template.xlsx", method: .get, headers: office) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                return Array(buffer: response.body)
            }
            let sheets = try Self.sheets(book)
            #expect(sheets.first == "填写说明")
            #expect(Set(officeTitles).isSubset(of: Set(sheets)))
            #expect(Set(rosterTitles).isDisjoint(with: Set(sheets)))

            // Filled in with nothing yet, it is still a ledger the server reads.
            let login = try #require(try await client.login("so01"))
            let (status, _) = try await client.upload("SO01", name: "台账模板.xlsx", contents: book, headers: login.headers,
                                                      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(status == .created)

            var supervisor = HTTPFields()
            supervisor[.cookie] = try await PageTests.formLogin(client, user: "boss")
            let rosters = try await client.execute(uri: "/template.xlsx", method: .get, headers: supervisor) { Array(buffer: $0.body) }
            let rosterSheets = try Self.sheets(rosters)
            #expect(Set(rosterTitles).isSubset(of: Set(rosterSheets)))
            #expect(Set(officeTitles).isDisjoint(with: Set(rosterSheets)))
        }
        await site.remove()
    }
}
