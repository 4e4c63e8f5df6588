/// Where the store is: `sqlite:FILE` (the default, embedded) or a PostgreSQL URL.
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `--store`.
    public init(_ text: String) throws(StoreError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .badLocation(text) }
            self = .sqlite(path: path)
        } else if let url = PostgresURL(text) {
            self = .postgres(url)
        } else {
            throw .badLocation(text)
        }
    }

    /// The folder beside the store that holds the uploaded files, unless `--files` says otherwise.
    public var defaultFilesFolder: String {
        switch self {
        case .sqlite(let path): path + ".files"
        case .postgres(let url): "dudao-files-" + url.database
        }
    }
}
