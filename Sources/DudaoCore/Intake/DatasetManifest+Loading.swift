import DudaoYAML

extension DatasetManifest {
    /// The problems of the `dataset.yaml` at `path` against `pack` (`dudao lint`).
    public static func check(path: String, pack: Pack) -> [Diagnostic] {
        do {
            return load(try RegularFile.contents(of: path, limit: maxBytes), path: path, pack: pack).diagnostics
        } catch {
            return [Diagnostic(at: Mark(file: path, line: 1, column: 1), .file(path: path, problem: error))]
        }
    }

    /// The largest `dataset.yaml` read: far more than any folder's local names need.
    static let maxBytes = 1 << 20

    /// Reads and checks `dataset.yaml` against `pack`, reporting every problem at once: YAML
    /// errors, unknown keys, wrong types, tables and columns the pack does not declare, values
    /// mapped to something an enumerated column does not allow, and file patterns that leave
    /// the folder. The manifest is nil when any problem is an error.
    public static func load(_ bytes: [UInt8], path: String, pack: Pack) -> (manifest: DatasetManifest?, diagnostics: [Diagnostic]) {
        let reader = PackReader()
        var manifest = DatasetManifest(path: path)
        do {
            let document = try YAMLLoader.loadKeepingFirstKeys(bytes, file: path)
            for duplicate in document.duplicateKeys { reader.report(duplicate.mark, .yaml(duplicate)) }
            if let root = document.root, let f = reader.fields(root, DatasetManifestSchema.file), let tables = f["tables"] {
                for (name, mark, node) in reader.entries(tables, context: "tables") {
                    guard let schema = pack.table(named: name) else {
                        reader.report(mark, .undeclared(kind: "table", name: name,
                                                        suggestion: suggestion(for: name, among: pack.tables.map(\.name))))
                        continue
                    }
                    if let table = Self.table(schema, node, mark: mark, reader: reader) { manifest.tables[name] = table }
                }
            }
        } catch {
            reader.report(error.mark, .yaml(error))
        }
        let diagnostics = reader.diagnostics.sorted()
        return (diagnostics.contains { $0.level == .error } ? nil : manifest, diagnostics)
    }

    private static func table(_ schema: TableSchema, _ node: YAMLNode, mark: Mark, reader: PackReader) -> Table? {
        guard let f = reader.fields(node, DatasetManifestSchema.table) else { return nil }
        var table = Table(name: schema.name, mark: mark)
        let columnNames = schema.columns.map(\.name)
        func column(_ name: String, at mark: Mark) -> ColumnSchema? {
            if let c = schema.column(name) { return c }
            reader.report(mark, .undeclared(kind: "column", name: name, suggestion: suggestion(for: name, among: columnNames)))
            return nil
        }
        for (pattern, at) in f.strings("files") ?? [] {
            if IntakePath.isConfined(pattern) {
                table.files.append(pattern)
            } else {
                reader.report(at, .invalidValue(context: "files", value: pattern, expected: ["数据目录内的相对路径（a relative path inside the data folder）"], suggestion: nil))
            }
        }
        table.sheet = f.string("sheet")
        if let columns = f["columns"] {
            for (local, _, value) in reader.entries(columns, context: "columns") {
                guard let target = reader.scalar(value, context: "columns.\(local)"), column(target, at: value.mark) != nil else { continue }
                table.columns.append((local, target))
            }
        }
        if let values = f["values"] {
            for (name, at, map) in reader.entries(values, context: "values") {
                guard let c = column(name, at: at) else { continue }
                var mapped: [String: String] = [:]
                for (local, _, value) in reader.entries(map, context: "values.\(name)") {
                    guard let target = reader.scalar(value, context: "values.\(name).\(local)") else { continue }
                    let allowed = c.type == .yesNo ? ["是", "否"] : c.type == .enumeration ? c.values : nil
                    if let allowed, !allowed.contains(target) {
                        reader.report(value.mark, .valueNotInEnum(column: name, value: target, suggestion: suggestion(for: target, among: allowed)))
                        continue
                    }
                    mapped[local] = target
                }
                table.values[name] = mapped
            }
        }
        return table
    }
}
