import Logging
import NIOCore
import PostgresNIO

/// The store on PostgreSQL: one connection, transactions one after another (`AsyncLock`),
/// in the schema the URL names (`?schema=`), created when missing.
final class PostgresDatabase: SQLDatabase {
    let dialect = SQLDialect.postgres
    private let connection: PostgresConnection
    private let logger: Logger
    private let lock = AsyncLock()

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func open(_ url: PostgresURL) async throws -> PostgresDatabase {
        var logger = Logger(label: "dudao.postgres")
        logger.logLevel = .warning
        let configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        let db = PostgresDatabase(connection: connection, logger: logger)
        if let schema = url.schema {
            let quoted = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            _ = try await Executor(connection: connection, logger: logger).query("CREATE SCHEMA IF NOT EXISTS \(quoted)", [])
            _ = try await Executor(connection: connection, logger: logger).query("SET search_path TO \(quoted)", [])
        }
        return db
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws -> T) async throws -> T {
        let executor = Executor(connection: connection, logger: logger)
        return try await lock.withLock {
            _ = try await executor.query("BEGIN", [])
            do {
                let value = try await body(executor)
                _ = try await executor.query("COMMIT", [])
                return value
            } catch {
                _ = try? await executor.query("ROLLBACK", [])
                throw error
            }
        }
    }

    func close() async throws {
        try await connection.close()
    }

    /// Statements with `?` numbered as `$1, $2, …`.
    private struct Executor: SQLExecutor {
        let connection: PostgresConnection
        let logger: Logger

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            var numbered = ""
            var n = 0
            for ch in sql {
                if ch == "?" {
                    n += 1
                    numbered += "$\(n)"
                } else {
                    numbered.append(ch)
                }
            }
            var bindings = PostgresBindings()
            for b in binds {
                switch b {
                case .int(let v): bindings.append(v)
                case .text(let t): bindings.append(t)
                case .null: bindings.appendNull()
                }
            }
            let rows = try await connection.query(PostgresQuery(unsafeSQL: numbered, binds: bindings), logger: logger).collect()
            return rows.map { row in
                var out: SQLRow = [:]
                for cell in row {
                    if cell.bytes == nil {
                        out[cell.columnName] = .null
                    } else if let v = try? cell.decode(Int.self) {
                        out[cell.columnName] = .int(v)
                    } else if let t = try? cell.decode(String.self) {
                        out[cell.columnName] = .text(t)
                    } else {
                        out[cell.columnName] = .null
                    }
                }
                return out
            }
        }
    }
}
