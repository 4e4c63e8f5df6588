import DudaoCore
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// The district's site: its pages and its JSON API over one store, with every route checking
/// who asks (SERVER.md). `router()` is what the tests drive in process; `run(host:port:)`
/// serves it.
public struct DistrictServer: Sendable {
    public let settings: ServerSettings
    public let store: DistrictStore
    let limiter: LoginLimiter
    let runner: DistrictRunner

    static let sessionCookie = "dudao_session"
    static let loginCookie = "dudao_login"
    /// The file that marks a files folder as the server's own.
    static let filesMarker = ".dudao-files"

    public init(settings: ServerSettings, store: DistrictStore) throws {
        self.settings = settings
        self.store = store
        limiter = LoginLimiter(perAccount: settings.loginFailuresPerAccount, perAddress: settings.loginFailuresPerAddress,
                               windowSeconds: settings.loginWindowSeconds)
        runner = DistrictRunner(pack: settings.pack, files: settings.files, store: store, threads: settings.threads,
                                slots: AsyncLock(permits: settings.concurrentRuns))
        try Self.prepareFiles(settings.files)
    }

    /// Creates the files folder and its parts; scratch left by a run or upload that was cut
    /// short (the server killed) is removed: those folders are only ever the server's own.
    static func prepareFiles(_ files: String) throws {
        let fm = FileManager.default
        let marker = files + "/" + Self.filesMarker
        if fm.fileExists(atPath: files) {
            // A folder the server did not make is never emptied or written into.
            let names = (try? fm.contentsOfDirectory(atPath: files)) ?? []
            if !names.isEmpty && !fm.fileExists(atPath: marker) { throw StoreError.foreignFilesFolder(files) }
        }
        try fm.createDirectory(atPath: files, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !fm.fileExists(atPath: marker) {
            guard fm.createFile(atPath: marker, contents: Data("dudao serve keeps uploads here\n".utf8)) else {
                throw StoreError.foreignFilesFolder(files)
            }
        }
        for part in ["uploads", "rosters", "incoming", "work"] {
            let path = files + "/" + part
            if part == "incoming" || part == "work", fm.fileExists(atPath: path) {
                for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] { try? fm.removeItem(atPath: path + "/" + name) }
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST { throw CocoaError(.fileWriteNoPermission) }
        }
    }

    /// Every route of the site.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.middlewares.add(SecurityHeaders())
        addAPI(to: router)
        addPages(to: router)
        addDownloads(to: router)
        addSupervision(to: router)
        return router
    }

    /// Serves the site until the process is stopped.
    public func run(host: String, port: Int) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil))
        try await app.runService()
    }

    // MARK: who asks

    /// The caller of a request: a bearer token, else a session cookie; nil for neither (or a
    /// disabled account, an unknown token, an expired session).
    func caller(_ request: Request) async throws -> Caller? {
        if let auth = request.headers[.authorization] {
            guard auth.hasPrefix("Bearer ") else { return nil }
            let token = String(auth.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty, let account = try await store.account(tokenHash: Secrets.sha256(token)),
                  !account.disabled else { return nil }
            return Caller(account: account, session: nil)
        }
        guard let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty,
              let session = try await store.session(tokenHash: Secrets.sha256(cookie), now: settings.now()),
              let account = try await store.account(id: session.accountID), !account.disabled else { return nil }
        return Caller(account: account, session: session)
    }

    /// Checks a user's password within the login limits; the account, or why not.
    func login(user: String, password: String, address: String) async throws -> LoginOutcome {
        let now = settings.now()
        guard await limiter.allows(user: user, address: address, now: now) else {
            try await log(user: user, action: "login-limited", detail: "", address: address)
            return .limited
        }
        let account = try await store.account(user: user)
        // A password is checked even for an unknown user, so timing does not tell who exists.
        let hash = account?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuF3xeeE6YBR1u8bXwG2Vz9bmcmiTxnNS"
        let verified = Secrets.verify(password, hash: hash)
        guard let account, verified, !account.disabled else {
            await limiter.failed(user: user, address: address, now: now)
            try await log(user: user, action: "login-failed", detail: "", address: address)
            return .refused
        }
        await limiter.succeeded(user: user)
        let cookie = Secrets.token()
        let session = SessionRecord(tokenHash: Secrets.sha256(cookie), accountID: account.id, csrf: Secrets.token(bytes: 18),
                                    expires: now + settings.sessionSeconds)
        try await store.addSession(session)
        try await log(user: user, action: "login", detail: "", address: address)
        return .accepted(account, cookie: cookie, session: session)
    }

    /// How a login went.
    enum LoginOutcome {
        case accepted(Account, cookie: String, session: SessionRecord)
        case refused
        /// Too many failures for the account or the address.
        case limited
    }

    func sessionCookie(_ value: String) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: settings.sessionSeconds, path: "/",
               secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func expiredSessionCookie() -> Cookie {
        Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: settings.secureCookies, httpOnly: true,
               sameSite: .lax)
    }

    /// Changes a password after checking the old one; the new one must be new and long enough.
    func changePassword(_ caller: Caller, old: String, new: String) async throws -> String? {
        guard Secrets.verify(old, hash: caller.account.passwordHash) else { return "old" }
        guard new.count >= 10 else { return "short" }
        guard new != old else { return "same" }
        try await store.setPassword(accountID: caller.account.id, hash: Secrets.hashPassword(new, cost: settings.bcryptCost),
                                    mustChange: false)
        try await log(user: caller.user, action: "password-changed", detail: "", address: "-")
        return nil
    }

    // MARK: offices

    /// Whether `id` names an office of the district: one with an account.
    func officeExists(_ id: String) async throws -> Bool {
        try await store.accounts().contains { $0.role == .office && $0.office == id }
    }

    /// Whether the caller may see office `id`; a supervisor's look at an office is logged.
    func mayOpen(office id: String, _ caller: Caller, address: String, what: String) async throws -> Bool {
        guard caller.account.maySee(office: id), try await officeExists(id) else { return false }
        if caller.isSupervisor { try await log(user: caller.user, action: "view-office", detail: "\(id) \(what)", address: address) }
        return true
    }

    func log(user: String, action: String, detail: String, address: String) async throws {
        try await store.log(LogEntry(time: settings.now(), user: user, action: action, detail: detail, address: address))
    }

    // MARK: uploads

    /// Receives a multipart body into a new file under `incoming`.
    func receive(_ request: Request) async throws -> ReceivedFile {
        guard let boundary = MultipartReceiver.boundary(contentType: request.headers[.contentType]) else {
            throw UploadProblem.notMultipart
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > settings.maxUploadBytes + 64 * 1024 {
            throw UploadProblem.tooLarge(limit: settings.maxUploadBytes)
        }
        let path = settings.files + "/incoming/" + Secrets.token(bytes: 12)
        do {
            return try await MultipartReceiver(boundary: boundary, limit: settings.maxUploadBytes).receive(request.body, to: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// A page form's upload: received as `receive` does, then removed and refused unless it
    /// carries the caller's session CSRF token.
    func receiveForm(_ request: Request, caller: Caller) async throws -> ReceivedFile {
        let file = try await receive(request)
        guard let session = caller.session, Secrets.same(file.fields["csrf"] ?? "", session.csrf) else {
            unlink(file.path)
            throw UploadProblem.csrf
        }
        return file
    }

    /// Stores an office's upload once it reads: refused, nothing changes and nothing is kept.
    func acceptUpload(_ file: ReceivedFile, office: String, caller: Caller, english: Bool,
                      address: String) async throws -> UploadRecord {
        defer { unlink(file.path) }
        guard UploadName.isSafeComponent(file.name) else { throw UploadProblem.badName(file.name) }
        guard let kind = UploadName.kind(of: file.name) else { throw UploadProblem.badKind(file.name) }
        let earlier = try await store.uploads(office: office)
        if let same = earlier.first(where: { $0.sha256 == file.sha256 }) { throw UploadProblem.duplicate(upload: same.id) }
        let folder = "uploads/" + Secrets.token(bytes: 12)
        let full = settings.files + "/" + folder
        guard mkdir(full, 0o700) == 0 else { throw CocoaError(.fileWriteFileExists) }
        do {
            let unpacker = UploadUnpacker(maxUnpackedBytes: settings.maxUnpackedBytes)
            _ = try unpacker.unpack(file, kind: kind, into: full)
            var officePack = settings.pack
            officePack.tables = DistrictFolder.officeTables(settings.pack)
            let parts: [String: [String]]
            do { parts = try IntakeTables.locate(folder: full, pack: officePack) } catch { throw ReadProblem(error, folder: full, english: english) }
            guard !parts.isEmpty else { throw UploadProblem.noTable(file.name) }
            let reading = try await runner.read(upload: full, parts: parts, english: english)
            // Rows of another office of the district would change that office's check.
            let known = Set(try await store.accounts().compactMap { $0.role == .office ? $0.office : nil })
            let others = reading.officeIDs.subtracting([office]).intersection(known)
            if !others.isEmpty { throw UploadProblem.otherOffices(office: office, others: others.sorted()) }
            let rows = reading.rows
            let record = try await store.addUpload(office: office, user: caller.user, time: settings.now(), fileName: file.name,
                                                   sha256: file.sha256, bytes: file.bytes, rows: rows, parts: parts,
                                                   folder: folder)
            try await log(user: caller.user, action: "upload", detail: "\(office) #\(record.id) \(file.name) \(file.sha256)",
                          address: address)
            return record
        } catch {
            try? FileManager.default.removeItem(atPath: full)
            throw error
        }
    }

    /// Replaces a roster table once the district reads with it.
    func acceptRoster(_ file: ReceivedFile, table: TableSchema, caller: Caller, english: Bool, address: String) async throws {
        defer { unlink(file.path) }
        guard UploadName.isSafeComponent(file.name) else { throw UploadProblem.badName(file.name) }
        guard let kind = UploadName.kind(of: file.name), kind != .zip else { throw UploadProblem.badKind(file.name) }
        let folder = "rosters/" + Secrets.token(bytes: 12)
        let full = settings.files + "/" + folder
        guard mkdir(full, 0o700) == 0 else { throw CocoaError(.fileWriteFileExists) }
        let name = (table.file as NSString).deletingPathExtension + (kind == .csv ? ".csv" : ".xlsx")
        do {
            guard link(file.path, full + "/" + name) == 0 else { throw CocoaError(.fileWriteUnknown) }
            let record = RosterRecord(table: table.name, user: caller.user, time: settings.now(), fileName: file.name,
                                      sha256: file.sha256, path: folder + "/" + name)
            var rosters = try await store.rosters().filter { $0.table != table.name }
            rosters.append(record)
            // The roster must read; other tables missing is no reason to refuse it.
            do {
                _ = try await runner.run(rosters: rosters, uploads: try await store.uploads(office: nil), asOf: settings.today,
                                         offices: [], english: english)
            } catch let problem as ReadProblem where !problem.missingTables {
                throw problem
            } catch is ReadProblem {}
            // The file replaced stays: a saved inspection may be run again on it.
            try await store.setRoster(record)
            try await log(user: caller.user, action: "roster", detail: "\(table.name) \(file.name) \(file.sha256)", address: address)
        } catch {
            try? FileManager.default.removeItem(atPath: full)
            throw error
        }
    }
}
