import DudaoTable
import DudaoYAML
import Foundation

/// The tables of a data folder once found (`TableDiscovery`) and read (INTAKE): a table
/// kept as one CSV file with the pack's exact header on its first line is read in place, as
/// before; any other (a workbook, a folder of parts, a header below a title row or in local
/// words, a table `dataset.yaml` gives local names or values) is assembled into canonical CSV with a map back to its own rows.
public final class IntakeTables: Sendable {
    /// Where one table's bytes come from.
    enum Source: Sendable {
        /// The pack's file name at the top of the folder, read as before.
        case canonical
        case assembled(TableFile, RowOrigins)
    }

    public let folder: String
    let sources: [String: Source]

    init(folder: String, sources: [String: Source]) {
        self.folder = folder
        self.sources = sources
    }

    /// Finds and reads every table of `pack` in `folder`, after checking its `dataset.yaml`.
    public static func read(folder: String, pack: Pack, english: Bool) throws(RunError) -> IntakeTables {
        let manifest = try loadManifest(folder: folder, pack: pack)
        let workbooks = WorkbookCache(folder: folder)
        let found: [String: [TablePart]]
        do {
            found = try TableDiscovery(folder: folder, pack: pack, manifest: manifest, workbooks: workbooks).discover()
        } catch {
            throw .intake(error)
        }
        let reader = PartReader(folder: folder, workbooks: workbooks, english: english)
        var sources: [String: Source] = [:]
        for t in pack.tables {
            guard let parts = found[t.name] else { continue }
            let entry = manifest?.table(t.name)
            if parts == [TablePart(file: t.file, format: .csv)], entry?.values.isEmpty ?? true, entry?.columns.isEmpty ?? true,
               isCanonical(folder + "/" + t.file, t, folder: folder) {
                sources[t.name] = .canonical
                continue
            }
            let (file, origins) = try TableAssembler(schema: t, manifest: entry, reader: reader).assemble(parts)
            sources[t.name] = .assembled(file, origins)
        }
        return IntakeTables(folder: folder, sources: sources)
    }

    /// The files (relative to `folder`, with the sheet for a workbook) each table of `pack` is
    /// found in under `folder` by INTAKE section 1, for the tables that are there at all: a
    /// missing table is no error. For telling which tables an upload of some files holds.
    public static func locate(folder: String, pack: Pack) throws(RunError) -> [String: [String]] {
        let manifest = try loadManifest(folder: folder, pack: pack)
        var discovery = TableDiscovery(folder: folder, pack: pack, manifest: manifest, workbooks: WorkbookCache(folder: folder))
        discovery.allowsMissing = true
        do {
            return try discovery.discover().mapValues { parts in parts.map(\.file) }
        } catch {
            throw .intake(error)
        }
    }

    /// The rows of `table` (blank rows left out) and the distinct values, trimmed, of its
    /// `column`: for a server checking an office's upload (how many rows, whose rows) without
    /// running rules on it. Nil for a table that is not here or cannot be opened.
    public func scan(_ table: TableSchema, column: String) -> (rows: Int, values: Set<String>)? {
        let file: TableFile
        switch sources[table.name] {
        case .assembled(let assembled, _)?: file = assembled
        case .canonical?:
            guard let opened = try? TableFile(path: folder + "/" + table.file, within: folder) else { return nil }
            file = opened
        case nil: return nil
        }
        return file.withBytes { bytes in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            guard (try? scanner.next(&row)) == true, let header = try? HeaderIndex(row: row) else { return (0, []) }
            let i = header.column(column)
            var rows = 0
            var out = Set<String>()
            while (try? scanner.next(&row)) == true {
                if row.isBlank { continue }
                rows += 1
                if let i, i < row.count { out.insert(row.string(i).trimmingCharacters(in: .whitespaces)) }
            }
            return (rows, out)
        }
    }

    /// The map back to a table's own rows; nil for a table read in place.
    public func origins(_ table: String) -> RowOrigins? {
        if case .assembled(_, let origins)? = sources[table] { return origins }
        return nil
    }

    /// `dataset.yaml` checked against the pack; its problems stop the run with their places.
    static func loadManifest(folder: String, pack: Pack) throws(RunError) -> DatasetManifest? {
        let path = folder + "/" + DatasetManifest.fileName
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.contents(of: path, limit: DatasetManifest.maxBytes)
        } catch {
            if case .missing = error { return nil }
            throw .pack([Diagnostic(at: Mark(file: path, line: 1, column: 1), .file(path: path, problem: error))])
        }
        let (manifest, diagnostics) = DatasetManifest.load(bytes, path: path, pack: pack)
        guard let manifest else { throw .pack(diagnostics) }
        return manifest
    }

    /// Whether the file's first row holds every column of `t` by its exact name, so the file
    /// is read in place (a file the first row of which cannot be read is left to that path
    /// too, which reports it as before).
    private static func isCanonical(_ path: String, _ t: TableSchema, folder: String) -> Bool {
        guard let file = try? TableFile(path: path, within: folder, assumeUTF8: true) else { return true }
        return file.withBytes { bytes in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            guard (try? scanner.next(&row)) == true, let header = try? HeaderIndex(row: row) else { return true }
            return header.missing(t.columns.map(\.name)).isEmpty
        }
    }
}
