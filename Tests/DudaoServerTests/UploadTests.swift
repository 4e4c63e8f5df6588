import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ZIPFoundation
@testable import DudaoServer

/// Uploads (SERVER.md sections 1, 4 and 5): stored when they read, refused with a clear 4xx
/// and nothing changed when they do not.
@Suite struct UploadTests {
    /// A zip of these entries, written with ZIPFoundation.
    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    /// Every file under the site's folder, relative to it.
    static func files(_ site: TestSite) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: site.folder)?.allObjects.compactMap { $0 as? String } ?? [])
    }

    @Test func aCSVIsStoredWithItsRowsAndListedNewestFirst() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            let lines = String(decoding: rows, as: UTF8.self).split(separator: "\n").count - 1
            let (status, json) = try await client.upload("SO01", name: "activities.csv", contents: rows, headers: login.headers)
            #expect(status == .created)
            #expect(json["upload"] as? Int == 1)
            #expect((json["rows"] as? [String: Int]) == ["activities": lines])
            let reports = try TestSite.demoRows("reports.csv", office: "SO01")
            #expect(try await client.upload("SO01", name: "reports.csv", contents: reports, headers: login.headers).0 == .created)
            let (listed, body) = try await client.get("/api/v1/offices/SO01/uploads", headers: login.headers)
            #expect(listed == .ok)
            let list = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["uploads"] as? [[String: Any]])
            #expect(list.map { $0["upload"] as? Int } == [2, 1])
            #expect(list.last?["file"] as? String == "activities.csv")
            #expect(list.last?["sha256"] as? String == Secrets.sha256(String(decoding: rows, as: UTF8.self)))
        }
        await site.remove()
    }

    @Test func aDuplicateUploadIs409AndChangesNothing() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: login.headers).0 == .created)
            let before = Self.files(site)
            #expect(try await client.upload("SO01", name: "activities.csv", contents: rows, headers: login.headers).0 == .conflict)
            #expect(try await site.server.store.uploads(office: "SO01").count == 1)
            #expect(Self.files(site) == before)
        }
        await site.remove()
    }

    @Test(arguments: ["../activities.csv", "C:\\ledgers\\activities.csv", "/etc/activities.csv", ".activities.csv", "a*.csv"])
    func aPathInAFileNameIsRefused(name: String) async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let before = Self.files(site)
            let (status, json) = try await client.upload("SO01", name: name, contents: try TestSite.demoRows("activities.csv", office: "SO01"),
                                                         headers: login.headers)
            #expect(status == .unprocessableContent)
            #expect((json["error"] as? String)?.isEmpty == false)
            #expect(Self.files(site) == before)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
        }
        await site.remove()
    }

    @Test func aWrongContentTypeOrKindIs415() async throws {
        let site = try await TestSite()
        try await site.test { client in
            var headers = try #require(try await client.login("so01")).headers
            headers[.contentType] = "application/json"
            try await client.execute(uri: "/api/v1/offices/SO01/uploads", method: .post, headers: headers, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            headers[.contentType] = nil
            #expect(try await client.upload("SO01", name: "ledger.pdf", contents: [1, 2, 3], headers: headers).0 == .unsupportedMediaType)
        }
        await site.remove()
    }

    @Test func anUploadOverTheBoundIs413() async throws {
        let site = try await TestSite { $0.maxUploadBytes = 1000 }
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let big = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
            #expect(try await client.upload("SO01", name: "activities.csv", contents: big, headers: login.headers).0 == .contentTooLarge)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            let incoming = try FileManager.default.contentsOfDirectory(atPath: site.server.settings.files + "/incoming")
            #expect(incoming.isEmpty)
        }
        await site.remove()
    }

    @Test func aFileTheServerCannotWriteIsRefusedAs507NotACrash() async throws {
        // /dev/full takes no byte: every write fails as on a full disk.
        let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(fd >= 0)
        let body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"activities.csv\"\r\n\r\n"
            + String(repeating: "日期,所编号\n", count: 1000) + "\r\n--b--\r\n"
        let parts = AsyncStream<ByteBuffer> { continuation in
            continuation.yield(ByteBuffer(string: body))
            continuation.finish()
        }
        let receiver = MultipartReceiver(boundary: "b", limit: 1 << 20)
        await #expect(throws: UploadProblem.cannotStore) {
            _ = try await receiver.receive(parts, writingTo: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: "/dev/full")
        }
        #expect(UploadProblem.cannotStore.status == 507)
        #expect(UploadProblem.cannotStore.message(english: false).contains("磁盘"))
    }

    @Test func aZipTheServerCannotUnpackIsRefusedAs507NotACrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-unpack-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/into", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zip = try Self.zip([("activities.csv", Array(String(repeating: "日期,所编号\n", count: 1000).utf8))])
        try Data(zip).write(to: URL(fileURLWithPath: folder + "/upload.zip"))
        let received = ReceivedFile(name: "upload.zip", path: folder + "/upload.zip", sha256: "", bytes: zip.count, fields: [:])
        var unpacker = UploadUnpacker(maxUnpackedBytes: 1 << 20)
        // /dev/full takes no byte: every write fails as on a full disk.
        unpacker.create = { _ in open("/dev/full", O_WRONLY | O_CLOEXEC) }
        #expect(throws: UploadProblem.cannotStore) { try unpacker.unpack(received, kind: .zip, into: folder + "/into") }
        // The same zip on a disk with room is unpacked.
        #expect(try UploadUnpacker(maxUnpackedBytes: 1 << 20).unpack(received, kind: .zip, into: folder + "/into") == ["activities.csv"])
    }

    /// Every place a finding points to (evidence and record subjects): file, sheet, line.
    static func places(_ document: [String: Any]) -> [(file: String, sheet: String?, line: Int)] {
        var out: [(String, String?, Int)] = []
        for finding in document["findings"] as? [[String: Any]] ?? [] {
            var spots = finding["evidence"] as? [[String: Any]] ?? []
            if let subject = finding["subject"] as? [String: Any] { spots.append(subject) }
            for spot in spots {
                if let file = spot["file"] as? String, let line = spot["line"] as? Int { out.append((file, spot["sheet"] as? String, line)) }
            }
        }
        return out
    }

    @Test func aFindingNamesTheFileAsUploadedWithItsSheetAndRowOrItsPathInTheZip() async throws {
        let site = try await TestSite(rosters: DistrictAuditTests.fixture)
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let book = Array(try Data(contentsOf: TestSite.repository.appendingPathComponent("fixtures/server/SO01.xlsx")))
            #expect(try await client.upload("SO01", name: "SO01.xlsx", contents: book, headers: login.headers,
                                            contentType: "application/octet-stream").0 == .created)
            let (_, text) = try await client.get("/api/v1/offices/SO01/check?asOf=2023-04-30", headers: login.headers)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let inBook = Self.places(document).filter { $0.file == "SO01/SO01.xlsx" }
            #expect(!inBook.isEmpty)
            // The workbook's sheets are named by title; row 1 is the title row, row 2 the header.
            #expect(inBook.allSatisfy { ($0.sheet == "活动台账" || $0.sheet == "阶段书面报告") && $0.line >= 3 })
            let rows = Array(try Data(contentsOf: TestSite.repository.appendingPathComponent("fixtures/server/basic/SO01/activities.csv")))
            let zip = try Self.zip([("activities/五月.csv", rows)])
            #expect(try await client.upload("SO01", name: "台账.zip", contents: zip, headers: login.headers,
                                            contentType: "application/zip").0 == .created)
            let (_, again) = try await client.get("/api/v1/offices/SO01/check?asOf=2023-04-30", headers: login.headers)
            let later = Self.places(try #require(try JSONSerialization.jsonObject(with: Data(again.utf8)) as? [String: Any]))
            #expect(later.contains { $0.file == "SO01/activities/五月.csv" && $0.sheet == nil && $0.line >= 2 })
            // The zip holds only activities: the workbook still gives the reports.
            #expect(later.allSatisfy { $0.file != "SO01/SO01.xlsx" || $0.sheet == "阶段书面报告" })
        }
        await site.remove()
    }

    @Test func aMalformedBodyIs400AndChangesNothing() async throws {
        let site = try await TestSite()
        try await site.test { client in
            var headers = try #require(try await client.login("so01")).headers
            headers[.contentType] = "multipart/form-data; boundary=xyz"
            try await client.execute(uri: "/api/v1/offices/SO01/uploads", method: .post, headers: headers,
                                     body: ByteBuffer(string: "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n所编号\r\n")) {
                #expect($0.status == .badRequest)
            }
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.server.settings.files + "/incoming").isEmpty)
        }
        await site.remove()
    }

    @Test func aBodyDeclaring2GBIsRefusedBeforeItIsRead() async throws {
        let site = try await TestSite()
        // Over a real socket, by hand: test clients set the length from the body they are given.
        try await site.test(.live) { client in
            let login = try #require(try await client.login("so01"))
            let port = try #require(client.port)
            let (type, body) = Multipart.body(name: "activities.csv", contents: try TestSite.demoRows("activities.csv", office: "SO01"))
            let head = "POST /api/v1/offices/SO01/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: dudao_session=\(login.cookie)\r\n"
                + "X-CSRF-Token: \(login.csrf)\r\nContent-Type: \(type)\r\nContent-Length: \(2 << 30)\r\n\r\n"
            let answer = try RawHTTP.exchange(port: port, bytes: Array(head.utf8) + Array(buffer: body))
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(40))")
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.server.settings.files + "/incoming").isEmpty)
        }
        await site.remove()
    }

    @Test func anUnreadableUploadShowsTheReadersMessageAndChangesNothing() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let before = Self.files(site)
            let (status, json) = try await client.upload("SO01", name: "activities.xlsx", contents: Array("not a workbook".utf8),
                                                         headers: login.headers)
            #expect(status == .unprocessableContent)
            let message = try #require(json["error"] as? String)
            #expect(message.contains("activities.xlsx"))
            #expect(!message.contains(site.folder))
            #expect(Self.files(site) == before)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
        }
        await site.remove()
    }

    @Test func aZipIsReadAsAFolderAndNamesInsideItNeverEscape() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let activities = try TestSite.demoRows("activities.csv", office: "SO01")
            let reports = try TestSite.demoRows("reports.csv", office: "SO01")
            let good = try Self.zip([("activities.csv", activities), ("reports.csv", reports), ("说明.txt", Array("x".utf8))])
            let (status, json) = try await client.upload("SO01", name: "台账.zip", contents: good, headers: login.headers,
                                                         contentType: "application/zip")
            #expect(status == .created)
            #expect((json["rows"] as? [String: Int])?.keys.sorted() == ["activities", "reports"])
            let before = Self.files(site)
            for path in ["../escape.csv", "a/../../escape.csv", "/tmp/escape.csv"] {
                let evil = try Self.zip([(path, activities)])
                let (refused, _) = try await client.upload("SO01", name: "evil.zip", contents: evil, headers: login.headers,
                                                           contentType: "application/zip")
                #expect(refused == .unprocessableContent, "\(path)")
            }
            #expect(Self.files(site) == before)
            #expect(!FileManager.default.fileExists(atPath: site.server.settings.files + "/escape.csv"))
            #expect(try await site.server.store.uploads(office: "SO01").count == 1)
        }
        await site.remove()
    }

    @Test(arguments: ["bomb.xlsx", "lying.xlsx"])
    func theExcelReadersZipBombBoundsApplyToUploads(fixture: String) async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let before = Self.files(site)
            let book = Array(try Data(contentsOf: TestSite.repository.appendingPathComponent("fixtures/xlsx/" + fixture)))
            let (status, json) = try await client.upload("SO01", name: "activities.xlsx", contents: book, headers: login.headers,
                                                         contentType: "application/octet-stream")
            #expect(status == .unprocessableContent)
            let message = try #require(json["error"] as? String)
            #expect(message.contains("activities.xlsx"))
            #expect(!message.contains("没有找到"))
            #expect(Self.files(site) == before)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
        }
        await site.remove()
    }

    /// A zip of one deflated entry whose stream is cut in half: the archive around it is whole,
    /// the entry's data stops before its deflate stream does.
    static func zipWithCutEntry(_ name: String, _ contents: [UInt8]) throws -> [UInt8] {
        var packed: [UInt8] = []
        _ = try Data.compress(size: Int64(contents.count), bufferSize: 1 << 16, provider: { position, size in
            Data(contents[Int(position)..<Int(position) + size])
        }, consumer: { packed += $0 })
        let data = Array(packed.prefix(packed.count / 2)), path = Array(name.utf8)
        func le(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let sizes = le(0, 4) + le(data.count, 4) + le(contents.count, 4) + le(path.count, 2) + le(0, 2)
        let local = le(0x0403_4B50, 4) + le(20, 2) + le(0x0800, 2) + le(8, 2) + le(0, 4) + sizes + path
        let central = le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0x0800, 2) + le(8, 2) + le(0, 4) + sizes
            + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + path
        let end = le(0x0605_4B50, 4) + le(0, 4) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count + data.count, 4) + le(0, 2)
        return local + data + central + end
    }

    @Test func aZipWhoseEntryIsCutShortIsRefusedNotAHang() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let rows = try TestSite.demoRows("activities.csv", office: "SO01")
            let cut = try Self.zipWithCutEntry("activities.csv", rows)
            let (status, json) = try await client.upload("SO01", name: "cut.zip", contents: cut, headers: login.headers,
                                                         contentType: "application/zip")
            #expect(status == .unprocessableContent)
            #expect((json["error"] as? String)?.contains("deflate") == true)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
        }
        await site.remove()
    }

    @Test func aZipThatUnpacksPastTheBoundIsRefused() async throws {
        let site = try await TestSite { $0.maxUnpackedBytes = 50_000 }
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let header = try TestSite.demoRows("activities.csv", office: "NONE")
            let bomb = try Self.zip([("activities.csv", header + [UInt8](repeating: 10, count: 5_000_000))])
            #expect(bomb.count < 50_000)
            let (status, _) = try await client.upload("SO01", name: "bomb.zip", contents: bomb, headers: login.headers,
                                                      contentType: "application/zip")
            #expect(status == .contentTooLarge)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
        }
        await site.remove()
    }

    @Test func theOfficesCheckIsTheCLIsJSONOnItsLatestUpload() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            _ = try await client.upload("SO01", name: "activities.csv", contents: try TestSite.demoRows("activities.csv", office: "SO01"),
                                        headers: login.headers)
            let (status, body) = try await client.get("/api/v1/offices/SO01/check?asOf=2023-04-30", headers: login.headers)
            #expect(status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(json["asOf"] as? String == "2023-04-30")
            let findings = try #require(json["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty)
            #expect(try await client.get("/api/v1/offices/SO01/check?asOf=yesterday", headers: login.headers).0 == .badRequest)
        }
        await site.remove()
    }
}

/// An office's upload may not carry another office's rows: they would change that office's check.
@Suite struct OtherOfficeRowsTests {
    @Test func rowsOfAnotherOfficeAreRefusedAndStrayIdsAreLeftToTheEngine() async throws {
        let site = try await TestSite()
        try await site.test { client in
            let login = try #require(try await client.login("so01"))
            let all = try TestSite.demo("activities.csv")
            let (status, json) = try await client.upload("SO01", name: "activities.csv", contents: all, headers: login.headers)
            #expect(status == .unprocessableContent)
            #expect((json["error"] as? String)?.contains("SO02") == true)
            #expect(try await site.server.store.uploads(office: "SO01").isEmpty)
            // An id no office of the district has is the engine's finding, not a refusal.
            var rows = String(decoding: try TestSite.demoRows("activities.csv", office: "SO01"), as: UTF8.self)
            rows = rows.replacingOccurrences(of: ",SO01,", with: ",SO99,", options: [], range: rows.range(of: ",SO01,"))
            #expect(try await client.upload("SO01", name: "activities.csv", contents: Array(rows.utf8), headers: login.headers).0 == .created)
        }
        await site.remove()
    }
}
