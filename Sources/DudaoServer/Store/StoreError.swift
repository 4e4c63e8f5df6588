/// What the store refuses.
public enum StoreError: Error, Equatable {
    case duplicateUser(String)
    case noSuchUser(String)
    case badLocation(String)
    /// The database holds a schema newer than this program knows.
    case newerSchema(found: Int, known: Int)
    /// The files folder holds files the server did not put there.
    case foreignFilesFolder(String)

    public func message(english: Bool) -> String {
        switch self {
        case .duplicateUser(let u): english ? "user \(u) already exists" : "用户 \(u) 已存在"
        case .noSuchUser(let u): english ? "no user \(u)" : "没有用户 \(u)"
        case .badLocation(let s):
            english ? "--store takes sqlite:FILE or postgres://user@host/db, got '\(s)'"
                : "--store 应为 sqlite:文件 或 postgres://用户@主机/库，实际为“\(s)”"
        case .foreignFilesFolder(let path):
            english ? "\(path) holds files dudao serve did not make; give --files an empty or new folder"
                : "\(path) 中有不是 dudao serve 建立的文件；请用 --files 指定空的或新的文件夹"
        case .newerSchema(let found, let known):
            english ? "the store's schema is version \(found); this dudao knows up to \(known)"
                : "存储的结构版本为 \(found)，本程序只认识到 \(known)"
        }
    }
}
