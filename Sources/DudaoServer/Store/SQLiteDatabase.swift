import Foundation
import Logging
import NIOCore
import SQLiteNIO

/// The embedded store: one SQLite file in WAL mode, one connection, transactions one after
/// another (`AsyncLock`).
final class SQLiteDatabase: SQLDatabase {
    let dialect = SQLDialect.sqlite
    private let connection: SQLiteConnection
    private let lock = AsyncLock()

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Opens (creating) the database file at `path`, in WAL mode with foreign keys on.
    static func open(path: String) async throws -> SQLiteDatabase {
        var logger = Logger(label: "dudao.sqlite")
        logger.logLevel = .warning
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let db = SQLiteDatabase(connection: connection)
        _ = try await connection.query("PRAGMA journal_mode=WAL", [])
        _ = try await connection.query("PRAGMA foreign_keys=ON", [])
        _ = try await connection.query("PRAGMA busy_timeout=5000", [])
        _ = try await connection.query("PRAGMA synchronous=NORMAL", [])
        return db
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        let executor = Executor(connection: connection)
        return try await lock.withLock {
            _ = try await connection.query("BEGIN IMMEDIATE", [])
            do {
                let value = try await body(executor)
                _ = try await connection.query("COMMIT", [])
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", [])
                throw error
            }
        }
    }

    func close() async throws {
        try await connection.close()
    }

    /// Statements on the connection, inside a transaction the lock holds.
    private struct Executor: SQLExecutor {
        let connection: SQLiteConnection

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let rows = try await connection.query(sql, binds.map(Self.data))
            return rows.map { row in
                var out: SQLRow = [:]
                for column in row.columns { out[column.name] = Self.value(column.data) }
                return out
            }
        }

        private static func data(_ value: SQLValue) -> SQLiteData {
            switch value {
            case .int(let v): .integer(v)
            case .text(let t): .text(t)
            case .null: .null
            }
        }

        private static func value(_ data: SQLiteData) -> SQLValue {
            switch data {
            case .integer(let v): .int(v)
            case .text(let t): .text(t)
            case .float(let d): .int(Int(d))
            case .blob(let b): .text(String(buffer: b))
            case .null: .null
            }
        }
    }
}
