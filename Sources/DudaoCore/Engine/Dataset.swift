import Foundation

/// Where a run's tables come from: a folder of CSV files, or files held in memory (the demo).
public enum Dataset: Sendable {
    case directory(String)
    case memory(name: String, files: [String: [UInt8]])

    /// How the dataset is named in messages.
    public var location: String {
        switch self {
        case .directory(let path): path
        case .memory(let name, _): name
        }
    }

    /// Throws when `file` changed while it was read (see `TableFile.checkUnchanged`).
    func checkUnchanged(_ file: TableFile) throws(RunError) {
        do {
            try file.checkUnchanged()
        } catch {
            throw .tableFile(error)
        }
    }

    /// Opens one table file; a missing file is an error naming the columns it should have, and
    /// so is a path that leads out of the folder or to something other than a regular file.
    /// With `assumeUTF8` a file on disk is mapped unchecked (the caller validates it).
    func open(_ table: TableSchema, assumeUTF8: Bool = false) throws(RunError) -> TableFile {
        let columns = table.columns.map(\.name)
        switch self {
        case .directory(let dir):
            let path = URL(fileURLWithPath: dir).appendingPathComponent(table.file).path
            do {
                return try TableFile(path: path, within: dir, assumeUTF8: assumeUTF8)
            } catch {
                switch error {
                case .notFound: throw .missingFile(path: path, table: table.title, columns: columns)
                case .unreadable(_, let errno): throw .unreadableFile(file: path, detail: String(cString: strerror(errno)))
                default: throw .tableFile(error)
                }
            }
        case .memory(let name, let files):
            guard let bytes = files[table.file] else {
                throw .missingFile(path: "\(name)/\(table.file)", table: table.title, columns: columns)
            }
            do {
                return try TableFile(bytes: bytes, name: table.file)
            } catch {
                throw .undecodable(file: "\(name)/\(table.file)")
            }
        }
    }
}
