import Foundation
import Testing
@testable import DudaoServer

/// The store on SQLite (PostgreSQL runs the same statements): migrations, accounts, sessions,
/// uploads, rosters and the log.
@Suite struct StoreTests {
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func migrationsRunOnceAndAReopenedStoreKeepsItsData() async throws {
        let folder = try Self.scratch()
        let store = try await DistrictStore.open(.sqlite(path: folder + "/d.db"))
        _ = try await store.addAccount(user: "a", role: .office, office: "SO01", name: "A", passwordHash: "h", admin: false, now: 1)
        #expect(try await store.migrate() == StoreMigrations.all(.sqlite).count)
        try await store.close()
        let again = try await DistrictStore.open(.sqlite(path: folder + "/d.db"))
        #expect(try await again.accounts().map(\.user) == ["a"])
        let journal = try await again.database.transaction { try await $0.query("PRAGMA journal_mode", []) }
        #expect(journal.first?["journal_mode"]?.text == "wal")
        try await again.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aUserNameIsTakenOnce() async throws {
        let folder = try Self.scratch()
        let store = try await DistrictStore.open(.sqlite(path: folder + "/d.db"))
        _ = try await store.addAccount(user: "a", role: .office, office: "SO01", name: "A", passwordHash: "h", admin: false, now: 1)
        await #expect(throws: StoreError.duplicateUser("a")) {
            _ = try await store.addAccount(user: "a", role: .supervisor, office: nil, name: "B", passwordHash: "h", admin: false, now: 1)
        }
        try await store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func anExpiredSessionIsGoneAndAPasswordChangeEndsSessions() async throws {
        let folder = try Self.scratch()
        let store = try await DistrictStore.open(.sqlite(path: folder + "/d.db"))
        let a = try await store.addAccount(user: "a", role: .office, office: "SO01", name: "A", passwordHash: "h", admin: false, now: 1)
        try await store.addSession(SessionRecord(tokenHash: "s1", accountID: a.id, csrf: "c", expires: 100))
        #expect(try await store.session(tokenHash: "s1", now: 99)?.csrf == "c")
        #expect(try await store.session(tokenHash: "s1", now: 100) == nil)
        try await store.addSession(SessionRecord(tokenHash: "s2", accountID: a.id, csrf: "c", expires: 100))
        try await store.setPassword(accountID: a.id, hash: "h2", mustChange: false)
        #expect(try await store.session(tokenHash: "s2", now: 1) == nil)
        #expect(try await store.account(id: a.id)?.mustChangePassword == false)
        try await store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func uploadsKeepRowsAndPartsAndRostersAreReplaced() async throws {
        let folder = try Self.scratch()
        let store = try await DistrictStore.open(.sqlite(path: folder + "/d.db"))
        let u = try await store.addUpload(office: "SO01", user: "a", time: 5, fileName: "台账.xlsx", sha256: "ab", bytes: 10,
                                          rows: ["activities": 3], parts: ["activities": ["台账.xlsx"]], folder: "uploads/x")
        _ = try await store.addUpload(office: "SO02", user: "b", time: 6, fileName: "b.csv", sha256: "cd", bytes: 1,
                                      rows: [:], parts: [:], folder: "uploads/y")
        #expect(try await store.uploads(office: "SO01") == [u])
        #expect(try await store.uploads(office: nil).map(\.office) == ["SO02", "SO01"])
        let first = RosterRecord(table: "offices", user: "boss", time: 1, fileName: "o.csv", sha256: "1", path: "rosters/a/offices.csv")
        #expect(try await store.setRoster(first) == nil)
        var second = first
        second.path = "rosters/b/offices.csv"
        #expect(try await store.setRoster(second) == "rosters/a/offices.csv")
        #expect(try await store.rosters() == [second])
        try await store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
