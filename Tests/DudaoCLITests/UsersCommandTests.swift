import DudaoServer
import Foundation
import Testing

/// `dudao users`: accounts of the district server from the command line.
struct UsersCommandTests {
    @Test func addPrintsAOneTimePasswordOnceAndListShowsTheAccount() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = "sqlite:" + scratch.path("d.db")
        let added = try DudaoBinary.run(["users", "add", "--store", store, "--user", "so01", "--role", "office", "--office", "SO01"])
        #expect(added.code == 0)
        let password = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(password.count == 12)
        let list = try DudaoBinary.run(["users", "list", "--store", store])
        #expect(list.stdout == "so01\toffice\tSO01\tso01\tone-time-password\n")
        #expect(!list.stdout.contains(password))
        let again = try DudaoBinary.run(["users", "add", "--store", store, "--user", "so01", "--role", "office", "--office", "SO01"])
        #expect(again.code == 2)
        #expect(again.stderr.contains("so01 已存在"))
        let token = try DudaoBinary.run(["users", "token", "--store", store, "--user", "so01"])
        #expect(token.code == 0 && token.stdout.count > 30)
        #expect(try DudaoBinary.run(["users", "disable", "--store", store, "--user", "so01"]).code == 0)
        #expect(try DudaoBinary.run(["users", "list", "--store", store]).stdout.contains("disabled"))
    }

    @Test func accountChangesAreInTheAuditLogWithoutSecrets() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = "sqlite:" + scratch.path("d.db")
        let password = try DudaoBinary.run(["users", "add", "--store", store, "--user", "so01", "--role", "office", "--office", "SO01"]).stdout
        let token = try DudaoBinary.run(["users", "token", "--store", store, "--user", "so01"]).stdout
        _ = try DudaoBinary.run(["users", "disable", "--store", store, "--user", "so01"])
        let opened = try await DistrictStore.open(.sqlite(path: scratch.path("d.db")))
        let log = try await opened.logEntries()
        try await opened.close()
        #expect(log.map(\.action) == ["account-added", "token-issued", "account-disabled"])
        #expect(log.allSatisfy { $0.user == "cli" && $0.time > 0 && $0.detail.hasPrefix("so01") })
        let text = log.map(\.detail).joined()
        #expect(!text.contains(password.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!text.contains(token.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func wrongArgumentsExitWith2AndAClearMessage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = "sqlite:" + scratch.path("d.db")
        let noOffice = try DudaoBinary.run(["users", "add", "--store", store, "--user", "x", "--role", "office", "--lang", "en"])
        #expect(noOffice.code == 2)
        #expect(noOffice.stderr.contains("needs --office"))
        let badStore = try DudaoBinary.run(["users", "list", "--store", "mysql://x", "--lang", "en"])
        #expect(badStore.code == 2)
        #expect(badStore.stderr.contains("--store takes sqlite:FILE"))
        let badListen = try DudaoBinary.run(["serve", "--store", store, "--listen", "nowhere", "--lang", "en"])
        #expect(badListen.code == 2)
        #expect(badListen.stderr.contains("--listen takes host:port"))
    }
}
