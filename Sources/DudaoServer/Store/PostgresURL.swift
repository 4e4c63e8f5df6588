import Foundation

/// `postgres://user[:password]@host[:port]/database[?schema=name]`, read into its parts.
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The schema the store's tables live in (default: the database's `public`).
    public var schema: String?

    public init(user: String, password: String?, host: String, port: Int, database: String, schema: String?) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.schema = schema
    }

    public init?(_ text: String) {
        guard let c = URLComponents(string: text), c.scheme == "postgres" || c.scheme == "postgresql",
              let host = c.host, !host.isEmpty, let user = c.user, !user.isEmpty else { return nil }
        let database = String(c.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else { return nil }
        self.user = user
        password = c.password
        self.host = host
        port = c.port ?? 5432
        self.database = database
        schema = c.queryItems?.first { $0.name == "schema" }?.value
    }
}
