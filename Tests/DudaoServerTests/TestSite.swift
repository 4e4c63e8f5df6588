import DudaoCore
@testable import DudaoServer
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import NIOCore
import Synchronization

/// A district server on a fresh SQLite store in a scratch folder, with the repository's pack,
/// the demo district's rosters, and accounts whose passwords the tests know: `so01` (office
/// SO01), `so02` (office SO02), `boss` (supervisor). Its clock can be moved.
final class TestSite: Sendable {
    static let password = "correct horse battery"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let folder: String
    let server: DistrictServer
    let clock: TestClock
    /// The store's place when the test chose one (PostgreSQL), removed with the site.
    let place: StoreTests.Place?

    init(settings adjust: (inout ServerSettings) -> Void = { _ in }, offices: [String] = ["SO01", "SO02", "SO03"],
         rosters: String? = "fixtures/demo", place: StoreTests.Place? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let clock = TestClock()
        self.clock = clock
        var settings = ServerSettings(pack: try Self.pack(), files: folder + "/files")
        settings.bcryptCost = 4
        settings.now = { clock.now }
        adjust(&settings)
        self.place = place
        let store = if let place { try await place.open() } else { try await DistrictStore.open(.sqlite(path: folder + "/dudao.db")) }
        server = try DistrictServer(settings: settings, store: store)
        let hash = Secrets.hashPassword(Self.password, cost: 4)
        let people = offices.map { ($0.lowercased(), Role.office, Optional($0)) } + [("boss", Role.supervisor, nil)]
        for (user, role, office) in people {
            let a = try await store.addAccount(user: user, role: role, office: office, name: user, passwordHash: hash,
                                               admin: role == .supervisor, now: 0)
            try await store.setPassword(accountID: a.id, hash: hash, mustChange: false)
        }
        if let rosters {
            for table in DistrictFolder.rosterTables(settings.pack) {
                let bytes = Array(try Data(contentsOf: Self.repository.appendingPathComponent(rosters + "/" + table.file)))
                try await putRoster(table.name, file: table.file, contents: bytes)
            }
        }
    }

    func remove() async {
        if let place {
            try? await place.remove(server.store)
        } else {
            try? await server.store.close()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    func advance(seconds: Int) {
        clock.seconds.withLock { $0 += seconds }
    }

    /// The repository's 服务民生年 pack.
    static func pack() throws -> Pack {
        let source = try PackSource.directory(repository.appendingPathComponent("rules").path)
        guard let pack = PackLoader.load(source).pack else { throw CocoaError(.fileReadCorruptFile) }
        return pack
    }

    /// A file of the demo district (`fixtures/demo`).
    static func demo(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repository.appendingPathComponent("fixtures/demo/" + name)))
    }

    /// The demo's rows of `file` for one office (header kept), as CSV bytes.
    static func demoRows(_ file: String, office: String) throws -> [UInt8] {
        let text = String(decoding: try demo(file), as: UTF8.self)
        // The demo's lines end in CRLF, one Character in Swift.
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst()
        let kept = lines.filter { $0.split(separator: ",", omittingEmptySubsequences: false).contains(Substring(office)) }
        return Array(([header] + kept).joined(separator: "\n").utf8) + [10]
    }

    // MARK: requests

    /// Runs `body` with a client of the router, in process.
    func test(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(setup, body)
    }

    private func putRoster(_ table: String, file: String, contents: [UInt8]) async throws {
        guard let account = try await server.store.account(user: "boss") else { return }
        let received = try receivedFile(name: file, contents: contents)
        guard let schema = server.settings.pack.tables.first(where: { $0.name == table }) else { return }
        try await server.acceptRoster(received, table: schema, caller: Caller(account: account, session: nil), english: true, address: "-")
    }

    /// A file as the receiver would leave it under `incoming`.
    func receivedFile(name: String, contents: [UInt8]) throws -> ReceivedFile {
        let path = server.settings.files + "/incoming/" + UUID().uuidString
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return ReceivedFile(name: name, path: path, sha256: Secrets.sha256(String(decoding: contents, as: UTF8.self)),
                            bytes: contents.count, fields: [:])
    }
}

/// A logged-in client: its session cookie and CSRF token.
struct Login: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields {
        var h = HTTPFields()
        h[.cookie] = "dudao_session=" + cookie
        h[HTTPField.Name("X-CSRF-Token")!] = csrf // unwrap: a valid header name
        return h
    }

    /// The cookie without the CSRF header.
    var cookieOnly: HTTPFields {
        var h = HTTPFields()
        h[.cookie] = "dudao_session=" + cookie
        return h
    }
}

extension TestClientProtocol {
    /// Logs in through the API; nil when refused.
    func login(_ user: String, _ password: String = TestSite.password) async throws -> Login? {
        let body = #"{"user":"\#(user)","password":"\#(password)"}"#
        return try await execute(uri: "/api/v1/session", method: .post, body: ByteBuffer(string: body)) { response in
            guard response.status == .ok, let set = response.headers[.setCookie],
                  let value = set.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last,
                  let json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any],
                  let csrf = json["csrf"] as? String else { return nil }
            return Login(cookie: String(value), csrf: csrf)
        }
    }

    /// Uploads `contents` as `name` to an office through the API.
    func upload(_ office: String, name: String, contents: [UInt8], headers: HTTPFields,
                contentType: String = "text/csv") async throws -> (HTTPResponse.Status, [String: Any]) {
        var h = headers
        let (type, body) = Multipart.body(name: name, contents: contents, contentType: contentType)
        h[.contentType] = type
        return try await execute(uri: "/api/v1/offices/\(office)/uploads", method: .post, headers: h, body: body) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }

    /// GET with these headers; the status and the body as text.
    func get(_ uri: String, headers: HTTPFields) async throws -> (HTTPResponse.Status, String) {
        try await execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
    }
}

/// A `multipart/form-data` body written by hand.
enum Multipart {
    static let boundary = "dudao-test-boundary-7MA4YWxkTrZu0gW"

    static func body(name: String, contents: [UInt8], contentType: String = "text/csv",
                     fields: [(String, String)] = []) -> (String, ByteBuffer) {
        var buffer = ByteBuffer()
        for (k, v) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(contentType)\r\n\r\n")
        buffer.writeBytes(contents)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }
}

/// The site's clock: seconds since 1970, moved by the tests.
final class TestClock: Sendable {
    let seconds = Mutex(1_700_000_000)

    var now: Int { seconds.withLock { $0 } }
}
