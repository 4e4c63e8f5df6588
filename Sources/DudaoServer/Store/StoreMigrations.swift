/// The store's schema, one migration per version; a store applies those it lacks, in order,
/// each in its own transaction, and records it in `schema_migrations`.
enum StoreMigrations {
    /// Version n is `all[n - 1]`.
    static func all(_ dialect: SQLDialect) -> [[String]] {
        let key = dialect.serialKey
        return [
            [
                """
                CREATE TABLE accounts (id \(key), username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, office TEXT,
                  name TEXT NOT NULL, password_hash TEXT NOT NULL, must_change INTEGER NOT NULL,
                  disabled INTEGER NOT NULL DEFAULT 0, admin INTEGER NOT NULL DEFAULT 0, created BIGINT NOT NULL)
                """,
                "CREATE TABLE tokens (hash TEXT PRIMARY KEY, account BIGINT NOT NULL REFERENCES accounts(id), created BIGINT NOT NULL)",
                """
                CREATE TABLE sessions (hash TEXT PRIMARY KEY, account BIGINT NOT NULL REFERENCES accounts(id),
                  csrf TEXT NOT NULL, expires BIGINT NOT NULL)
                """,
                """
                CREATE TABLE uploads (id \(key), office TEXT NOT NULL, username TEXT NOT NULL, created BIGINT NOT NULL,
                  file_name TEXT NOT NULL, sha256 TEXT NOT NULL, bytes BIGINT NOT NULL, rows_json TEXT NOT NULL,
                  parts_json TEXT NOT NULL, folder TEXT NOT NULL)
                """,
                "CREATE INDEX uploads_office ON uploads (office, id)",
                """
                CREATE TABLE rosters (tbl TEXT PRIMARY KEY, username TEXT NOT NULL, created BIGINT NOT NULL,
                  file_name TEXT NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL)
                """,
                """
                CREATE TABLE inspections (id \(key), username TEXT NOT NULL, created BIGINT NOT NULL, as_of TEXT NOT NULL,
                  pack_id TEXT NOT NULL, pack_version BIGINT NOT NULL, inputs_json TEXT NOT NULL, uploads_json TEXT NOT NULL,
                  rosters_json TEXT NOT NULL, document TEXT NOT NULL)
                """,
                """
                CREATE TABLE audit_log (id \(key), created BIGINT NOT NULL, username TEXT NOT NULL, action TEXT NOT NULL,
                  detail TEXT NOT NULL, address TEXT NOT NULL)
                """,
            ],
        ]
    }
}
