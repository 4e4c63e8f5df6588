import Foundation

/// Everything the server keeps: accounts, tokens, sessions, uploads, rosters, inspections and
/// the audit log, on SQLite or PostgreSQL through one set of statements (`SQLDatabase`).
/// Files themselves live in the server's files folder; the store keeps where they are.
public final class DistrictStore: Sendable {
    let database: any SQLDatabase

    init(database: any SQLDatabase) {
        self.database = database
    }

    /// Opens the store at `location` and brings its schema up to date.
    public static func open(_ location: StoreLocation) async throws -> DistrictStore {
        let database: any SQLDatabase
        switch location {
        case .sqlite(let path): database = try await SQLiteDatabase.open(path: path)
        case .postgres(let url): database = try await PostgresDatabase.open(url)
        }
        let store = DistrictStore(database: database)
        do {
            try await store.migrate()
        } catch {
            try? await database.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        try await database.close()
    }

    /// Applies the migrations the store lacks; returns the schema version.
    @discardableResult
    func migrate() async throws -> Int {
        let migrations = StoreMigrations.all(database.dialect)
        let current = try await database.transaction { db in
            _ = try await db.query("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied BIGINT NOT NULL)", [])
            return try await db.query("SELECT MAX(version) AS v FROM schema_migrations", []).first?["v"]?.int ?? 0
        }
        if current > migrations.count { throw StoreError.newerSchema(found: current, known: migrations.count) }
        for version in (current + 1)..<(migrations.count + 1) {
            let statements = migrations[version - 1]
            try await database.transaction { db in
                for sql in statements { _ = try await db.query(sql, []) }
                _ = try await db.query("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)",
                                       [.int(version), .int(Int(Date().timeIntervalSince1970))])
            }
        }
        return migrations.count
    }

    // MARK: accounts

    /// Adds an account; a user name already taken is refused.
    public func addAccount(user: String, role: Role, office: String?, name: String, passwordHash: String,
                           admin: Bool, now: Int) async throws -> Account {
        try await database.transaction { db in
            if try await !db.query("SELECT id FROM accounts WHERE username = ?", [.text(user)]).isEmpty {
                throw StoreError.duplicateUser(user)
            }
            let rows = try await db.query(
                """
                INSERT INTO accounts (username, role, office, name, password_hash, must_change, disabled, admin, created)
                VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?) RETURNING id
                """,
                [.text(user), .text(role.rawValue), office.map { .text($0) } ?? .null, .text(name), .text(passwordHash),
                 .int(admin ? 1 : 0), .int(now)])
            let id = rows.first?["id"]?.int ?? 0
            return Account(id: id, user: user, role: role, office: office, name: name, passwordHash: passwordHash,
                           mustChangePassword: true, disabled: false, admin: admin)
        }
    }

    public func account(user: String) async throws -> Account? {
        try await database.transaction { db in
            try await db.query("SELECT * FROM accounts WHERE username = ?", [.text(user)]).first.flatMap(Self.account)
        }
    }

    public func account(id: Int) async throws -> Account? {
        try await database.transaction { db in
            try await db.query("SELECT * FROM accounts WHERE id = ?", [.int(id)]).first.flatMap(Self.account)
        }
    }

    public func accounts() async throws -> [Account] {
        try await database.transaction { db in
            try await db.query("SELECT * FROM accounts ORDER BY username", []).compactMap(Self.account)
        }
    }

    /// Sets a new password hash; `mustChange` makes it a one-time password again. Every
    /// session of the account ends.
    public func setPassword(accountID: Int, hash: String, mustChange: Bool) async throws {
        try await database.transaction { db in
            _ = try await db.query("UPDATE accounts SET password_hash = ?, must_change = ? WHERE id = ?",
                                   [.text(hash), .int(mustChange ? 1 : 0), .int(accountID)])
            _ = try await db.query("DELETE FROM sessions WHERE account = ?", [.int(accountID)])
        }
    }

    /// Disables (or enables) an account; a disabled one's sessions and tokens end.
    public func setDisabled(accountID: Int, _ disabled: Bool) async throws {
        try await database.transaction { db in
            _ = try await db.query("UPDATE accounts SET disabled = ? WHERE id = ?", [.int(disabled ? 1 : 0), .int(accountID)])
            if disabled {
                _ = try await db.query("DELETE FROM sessions WHERE account = ?", [.int(accountID)])
                _ = try await db.query("DELETE FROM tokens WHERE account = ?", [.int(accountID)])
            }
        }
    }

    public func addToken(hash: String, accountID: Int, now: Int) async throws {
        try await database.transaction { db in
            _ = try await db.query("INSERT INTO tokens (hash, account, created) VALUES (?, ?, ?)",
                                   [.text(hash), .int(accountID), .int(now)])
        }
    }

    /// The account an API token (by its hash) belongs to.
    public func account(tokenHash: String) async throws -> Account? {
        try await database.transaction { db in
            try await db.query("SELECT accounts.* FROM tokens JOIN accounts ON accounts.id = tokens.account WHERE tokens.hash = ?",
                               [.text(tokenHash)]).first.flatMap(Self.account)
        }
    }

    private static func account(_ row: SQLRow) -> Account? {
        guard let id = row["id"]?.int, let user = row["username"]?.text, let role = row["role"]?.text.flatMap(Role.init),
              let hash = row["password_hash"]?.text else { return nil }
        return Account(id: id, user: user, role: role, office: row["office"]?.text, name: row["name"]?.text ?? "",
                       passwordHash: hash, mustChangePassword: row["must_change"]?.int == 1,
                       disabled: row["disabled"]?.int == 1, admin: row["admin"]?.int == 1)
    }

    // MARK: sessions

    public func addSession(_ session: SessionRecord) async throws {
        try await database.transaction { db in
            _ = try await db.query("INSERT INTO sessions (hash, account, csrf, expires) VALUES (?, ?, ?, ?)",
                                   [.text(session.tokenHash), .int(session.accountID), .text(session.csrf), .int(session.expires)])
        }
    }

    /// The session whose cookie hashes to `tokenHash`, unless it has expired by `now` (an
    /// expired one is deleted).
    public func session(tokenHash: String, now: Int) async throws -> SessionRecord? {
        try await database.transaction { db in
            guard let row = try await db.query("SELECT * FROM sessions WHERE hash = ?", [.text(tokenHash)]).first,
                  let account = row["account"]?.int, let csrf = row["csrf"]?.text, let expires = row["expires"]?.int else {
                return nil
            }
            if expires <= now {
                _ = try await db.query("DELETE FROM sessions WHERE hash = ?", [.text(tokenHash)])
                return nil
            }
            return SessionRecord(tokenHash: tokenHash, accountID: account, csrf: csrf, expires: expires)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await database.transaction { db in
            _ = try await db.query("DELETE FROM sessions WHERE hash = ?", [.text(tokenHash)])
        }
    }

    // MARK: uploads

    /// Records an upload; the files are already in place.
    public func addUpload(office: String, user: String, time: Int, fileName: String, sha256: String, bytes: Int,
                          rows: [String: Int], parts: [String: [String]], folder: String) async throws -> UploadRecord {
        try await database.transaction { db in
            let result = try await db.query(
                """
                INSERT INTO uploads (office, username, created, file_name, sha256, bytes, rows_json, parts_json, folder)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [.text(office), .text(user), .int(time), .text(fileName), .text(sha256), .int(bytes),
                 .text(JSONText.encode(rows)), .text(JSONText.encode(parts)), .text(folder)])
            return UploadRecord(id: result.first?["id"]?.int ?? 0, office: office, user: user, time: time, fileName: fileName,
                                sha256: sha256, bytes: bytes, rows: rows, parts: parts, folder: folder)
        }
    }

    /// An office's uploads, newest first; every office's with nil.
    public func uploads(office: String?) async throws -> [UploadRecord] {
        try await database.transaction { db in
            let rows = if let office {
                try await db.query("SELECT * FROM uploads WHERE office = ? ORDER BY id DESC", [.text(office)])
            } else {
                try await db.query("SELECT * FROM uploads ORDER BY id DESC", [])
            }
            return rows.compactMap(Self.upload)
        }
    }

    private static func upload(_ row: SQLRow) -> UploadRecord? {
        guard let id = row["id"]?.int, let office = row["office"]?.text, let user = row["username"]?.text,
              let time = row["created"]?.int, let name = row["file_name"]?.text, let sha = row["sha256"]?.text,
              let bytes = row["bytes"]?.int, let folder = row["folder"]?.text else { return nil }
        let rows: [String: Int] = JSONText.decode(row["rows_json"]?.text) ?? [:]
        let parts: [String: [String]] = JSONText.decode(row["parts_json"]?.text) ?? [:]
        return UploadRecord(id: id, office: office, user: user, time: time, fileName: name, sha256: sha, bytes: bytes,
                            rows: rows, parts: parts, folder: folder)
    }

    // MARK: rosters

    /// Replaces a roster table; returns the file it replaced (kept: saved inspections may
    /// have read it).
    @discardableResult
    public func setRoster(_ roster: RosterRecord) async throws -> String? {
        try await database.transaction { db in
            let old = try await db.query("SELECT path FROM rosters WHERE tbl = ?", [.text(roster.table)]).first?["path"]?.text
            _ = try await db.query("DELETE FROM rosters WHERE tbl = ?", [.text(roster.table)])
            _ = try await db.query(
                "INSERT INTO rosters (tbl, username, created, file_name, sha256, path) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(roster.table), .text(roster.user), .int(roster.time), .text(roster.fileName), .text(roster.sha256),
                 .text(roster.path)])
            return old
        }
    }

    public func rosters() async throws -> [RosterRecord] {
        try await database.transaction { db in
            try await db.query("SELECT * FROM rosters ORDER BY tbl", []).compactMap { row in
                guard let table = row["tbl"]?.text, let user = row["username"]?.text, let time = row["created"]?.int,
                      let name = row["file_name"]?.text, let sha = row["sha256"]?.text, let path = row["path"]?.text else {
                    return nil
                }
                return RosterRecord(table: table, user: user, time: time, fileName: name, sha256: sha, path: path)
            }
        }
    }

    // MARK: inspections

    public func addInspection(_ i: InspectionRecord) async throws -> InspectionRecord {
        try await database.transaction { db in
            let result = try await db.query(
                """
                INSERT INTO inspections (username, created, as_of, pack_id, pack_version, inputs_json, uploads_json, rosters_json, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [.text(i.user), .int(i.time), .text(i.asOf), .text(i.packID), .int(i.packVersion), .text(JSONText.encode(i.inputs)),
                 .text(JSONText.encode(i.uploads)), .text(JSONText.encode(i.rosters)), .text(i.document)])
            var stored = i
            stored.id = result.first?["id"]?.int ?? 0
            return stored
        }
    }

    public func inspection(id: Int) async throws -> InspectionRecord? {
        try await database.transaction { db in
            try await db.query("SELECT * FROM inspections WHERE id = ?", [.int(id)]).first.flatMap(Self.inspection)
        }
    }

    public func inspections() async throws -> [InspectionRecord] {
        try await database.transaction { db in
            try await db.query("SELECT * FROM inspections ORDER BY id DESC", []).compactMap(Self.inspection)
        }
    }

    private static func inspection(_ row: SQLRow) -> InspectionRecord? {
        guard let id = row["id"]?.int, let user = row["username"]?.text, let time = row["created"]?.int,
              let asOf = row["as_of"]?.text, let pack = row["pack_id"]?.text, let version = row["pack_version"]?.int,
              let document = row["document"]?.text else { return nil }
        let inputs: [String: String] = JSONText.decode(row["inputs_json"]?.text) ?? [:]
        let uploads: [Int] = JSONText.decode(row["uploads_json"]?.text) ?? []
        let rosters: [String: String] = JSONText.decode(row["rosters_json"]?.text) ?? [:]
        return InspectionRecord(id: id, user: user, time: time, asOf: asOf, packID: pack, packVersion: version,
                                inputs: inputs, uploads: uploads, rosters: rosters, document: document)
    }

    // MARK: audit log

    public func log(_ entry: LogEntry) async throws {
        try await database.transaction { db in
            _ = try await db.query("INSERT INTO audit_log (created, username, action, detail, address) VALUES (?, ?, ?, ?, ?)",
                                   [.int(entry.time), .text(entry.user), .text(entry.action), .text(entry.detail),
                                    .text(entry.address)])
        }
    }

    /// The audit log, oldest first.
    public func logEntries() async throws -> [LogEntry] {
        try await database.transaction { db in
            try await db.query("SELECT * FROM audit_log ORDER BY id", []).map { row in
                LogEntry(time: row["created"]?.int ?? 0, user: row["username"]?.text ?? "", action: row["action"]?.text ?? "",
                         detail: row["detail"]?.text ?? "", address: row["address"]?.text ?? "")
            }
        }
    }
}
