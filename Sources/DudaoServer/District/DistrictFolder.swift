import DudaoCore
import Foundation

/// The data folder a district run reads, made fresh for the run from what the store holds:
/// each roster at the top under its table's file name, and for every table an office
/// uploads, the files of each office's latest upload holding it as that table's parts, in
/// office-id order, listed in a `dataset.yaml` (INTAKE section 4). A part is named
/// `<office>/<name as uploaded>` (for a zip, its path inside the zip; `<office>/<upload>/…`
/// when two latest uploads of an office have a file of one name), so a finding names the
/// office and the file. Files are hard links to the stored ones.
struct DistrictFolder {
    let pack: Pack
    /// The server's files folder: stored uploads and rosters are under it.
    let files: String

    /// The tables offices upload: those whose rows carry the office id in a column that refers
    /// to the pack's office table, other than rosters of people or places (PACK-SPEC section 1).
    static func officeTables(_ pack: Pack) -> [TableSchema] {
        pack.tables.filter { t in
            guard t.entity == nil, t.assignment == nil, case .column(let c)? = t.office else { return false }
            return t.column(c)?.references?.tables.contains(pack.attribution.officeTable) ?? false
        }
    }

    /// The tables supervisors upload (名册): every other table.
    static func rosterTables(_ pack: Pack) -> [TableSchema] {
        let office = Set(officeTables(pack).map(\.name))
        return pack.tables.filter { !office.contains($0.name) }
    }

    /// For each office, its latest upload holding each office table (by table name).
    static func latest(_ uploads: [UploadRecord], tables: [TableSchema]) -> [String: [String: UploadRecord]] {
        var out: [String: [String: UploadRecord]] = [:]
        for u in uploads.sorted(by: { $0.id > $1.id }) {
            for t in tables where !(u.parts[t.name] ?? []).isEmpty && out[u.office]?[t.name] == nil {
                out[u.office, default: [:]][t.name] = u
            }
        }
        return out
    }

    /// Builds the folder in a new folder under `files/work`; returns it and the SHA-256 of every
    /// input by the name it has there. The caller removes the folder.
    func build(rosters: [RosterRecord], uploads: [UploadRecord]) throws -> (folder: String, inputs: [String: String]) {
        let work = files + "/work"
        if mkdir(work, 0o700) != 0 && errno != EEXIST { throw CocoaError(.fileWriteNoPermission) }
        let folder = work + "/" + Secrets.token(bytes: 12)
        guard mkdir(folder, 0o700) == 0 else { throw CocoaError(.fileWriteFileExists) }
        var inputs: [String: String] = [:]
        let rosterTables = Set(Self.rosterTables(pack).map(\.name))
        for r in rosters where rosterTables.contains(r.table) {
            let name = (r.path as NSString).lastPathComponent
            try place(files + "/" + r.path, at: folder + "/" + name)
            inputs[name] = r.sha256
        }
        let tables = Self.officeTables(pack)
        let stems = Set(pack.tables.map { ($0.file as NSString).deletingPathExtension })
        let latest = Self.latest(uploads, tables: tables)
        var manifest = "tables:\n"
        let shown = Self.partNames(latest, tables: tables, stems: stems)
        for t in tables {
            var parts: [String] = []
            for office in latest.keys.sorted() {
                guard let u = latest[office]?[t.name] else { continue }
                for part in u.parts[t.name] ?? [] {
                    let dir = shown[u.id] ?? office
                    let name = dir + "/" + part
                    if !FileManager.default.fileExists(atPath: folder + "/" + name) {
                        try makeFolders(folder + "/" + (name as NSString).deletingLastPathComponent)
                        try place(files + "/" + u.folder + "/" + part, at: folder + "/" + name)
                    }
                    inputs[name] = u.sha256
                    parts.append(name)
                }
            }
            if parts.isEmpty {
                // No office has sent this table yet: an empty one, so the district still runs.
                let header = t.columns.map { "\"" + $0.name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    .joined(separator: ",") + "\n"
                let name = (t.file as NSString).deletingPathExtension + ".csv"
                guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(header.utf8)) else {
                    throw CocoaError(.fileWriteUnknown)
                }
            } else {
                manifest += "  \(Self.quoted(t.name)):\n    files:\n"
                for p in parts { manifest += "      - \(Self.quoted(p))\n" }
            }
        }
        if manifest != "tables:\n" {
            guard FileManager.default.createFile(atPath: folder + "/dataset.yaml", contents: Data(manifest.utf8)) else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
        return (folder, inputs)
    }

    /// The folder each upload's files go in: the office's folder, so a file keeps its name
    /// (and a record without an id its fingerprint) from one upload to the next; an upload
    /// whose file names clash with another latest upload of the office gets `OFFICE/UPLOAD`.
    static func partNames(_ latest: [String: [String: UploadRecord]], tables: [TableSchema],
                          stems: Set<String>) -> [Int: String] {
        var out: [Int: String] = [:]
        for (office, byTable) in latest {
            let base = stems.contains(office) ? "office-" + office : office
            var taken: [String: Int] = [:]
            for u in Set(byTable.values.map(\.id)).sorted(by: >).compactMap({ id in byTable.values.first { $0.id == id } }) {
                let files = Set(tables.flatMap { u.parts[$0.name] ?? [] })
                if files.contains(where: { taken[$0] != nil && taken[$0] != u.id }) {
                    out[u.id] = base + "/\(u.id)"
                } else {
                    out[u.id] = base
                    for f in files { taken[f] = u.id }
                }
            }
        }
        return out
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's).
    static func quoted(_ text: String) -> String {
        JSONText.encode([text]).dropFirst().dropLast().description
    }

    private func makeFolders(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A hard link to a stored file (a copy where links are not possible).
    private func place(_ stored: String, at path: String) throws {
        if link(stored, path) == 0 { return }
        try FileManager.default.copyItem(atPath: stored, toPath: path)
    }
}
