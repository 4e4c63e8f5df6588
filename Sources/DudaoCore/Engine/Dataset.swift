import Foundation

/// Where a run's tables come from: a folder of ledgers, or files held in memory (the demo).
///
/// A folder is read through the intake (`Sources/DudaoCore/Intake`, INTAKE): `prepared(for:)`
/// finds each table (a CSV file, a workbook, a folder of parts, a sheet of a top-level
/// workbook) and gives `.intake`, whose tables are either read in place or assembled into
/// canonical CSV with a map back to their own rows.
public enum Dataset: Sendable {
    case directory(String)
    case memory(name: String, files: [String: [UInt8]])
    /// A folder whose tables have been found and read (`prepared(for:english:)`).
    case intake(IntakeTables)

    /// How the dataset is named in messages.
    public var location: String {
        switch self {
        case .directory(let path): path
        case .memory(let name, _): name
        case .intake(let tables): tables.folder
        }
    }

    /// The dataset with every table of `pack` found: a folder goes through the intake (its
    /// `dataset.yaml` checked, its tables found, workbooks and parts read); others as they are.
    public func prepared(for pack: Pack, english: Bool) throws(RunError) -> Dataset {
        guard case .directory(let folder) = self else { return self }
        return .intake(try IntakeTables.read(folder: folder, pack: pack, english: english))
    }

    /// Where each table's rows came from, for tables assembled by the intake (nil elsewhere).
    func origins(_ pack: Pack) -> [RowOrigins?] {
        guard case .intake(let tables) = self else { return pack.tables.map { _ in nil } }
        return pack.tables.map { tables.origins($0.name) }
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
        switch self {
        case .intake(let tables):
            if case .assembled(let file, _)? = tables.sources[table.name] { return file }
            return try Self.open(table, in: tables.folder, assumeUTF8: assumeUTF8)
        case .directory(let dir):
            return try Self.open(table, in: dir, assumeUTF8: assumeUTF8)
        case .memory(let name, let files):
            guard let bytes = files[table.file] else {
                throw .missingFile(path: "\(name)/\(table.file)", table: table.title, columns: table.columns.map(\.name))
            }
            do {
                return try TableFile(bytes: bytes, name: table.file)
            } catch {
                throw .undecodable(file: "\(name)/\(table.file)")
            }
        }
    }

    /// Opens the table's file in folder `dir`.
    private static func open(_ table: TableSchema, in dir: String, assumeUTF8: Bool) throws(RunError) -> TableFile {
        let path = URL(fileURLWithPath: dir).appendingPathComponent(table.file).path
        do {
            return try TableFile(path: path, within: dir, assumeUTF8: assumeUTF8)
        } catch {
            switch error {
            case .notFound: throw .missingFile(path: path, table: table.title, columns: table.columns.map(\.name))
            case .unreadable(_, let errno): throw .unreadableFile(file: path, detail: String(cString: strerror(errno)))
            default: throw .tableFile(error)
            }
        }
    }
}
