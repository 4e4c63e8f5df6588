import DudaoXLSX

/// Finds every table of a pack in a data folder (INTAKE section 1): the files `dataset.yaml`
/// lists, the pack's file name or the same stem as `.xlsx`, a folder of parts named after the
/// stem, and sheets of the workbooks at the top of the folder named by the table's name, its
/// title or the sheet `dataset.yaml` gives.
///
/// Every place is looked at; a table found in two places is an error naming both (a file
/// already claimed by an earlier place, such as `enterprises.xlsx` found again by its sheet
/// 属地企业名册, is not a second place). Every missing table is named in one error, unless a
/// legacy `.xls` or `.et` stands where it would be found, which is refused instead.
struct TableDiscovery {
    let folder: String
    let pack: Pack
    let manifest: DatasetManifest?
    let workbooks: WorkbookCache
    /// Tables found nowhere are left out of the answer instead of being an error (an office's
    /// upload holds only its own ledger, not the district's rosters).
    var allowsMissing = false

    /// One place a table was found: what to call it in an error, and its parts.
    private struct Place {
        var shown: String
        var parts: [TablePart]
    }

    /// The parts of each table of the pack, by table name.
    func discover() throws(IntakeError) -> [String: [TablePart]] {
        let top = IntakePath.list(folder)
        let topWorkbooks = top.filter { IntakePath.format(of: $0) == .xlsx && IntakePath.isFile(folder + "/" + $0) }
        let topLegacy = top.filter { IntakePath.format(of: $0) == .legacy && IntakePath.isFile(folder + "/" + $0) }
        var sheetsOf: [String: [String]] = [:]
        for file in topWorkbooks { sheetsOf[file] = try workbooks.workbook(file).sheets.map(\.name) }
        var found: [String: [TablePart]] = [:]
        var missing: [IntakeError.Missing] = []
        for t in pack.tables {
            let places = try places(of: t, topWorkbooks: topWorkbooks, sheetsOf: sheetsOf)
            if places.count > 1 { throw .twoPlaces(table: t.title, first: places[0].shown, second: places[1].shown) }
            if let place = places.first {
                if let legacy = place.parts.first(where: { $0.format == .legacy }) {
                    throw .workbook(.legacyFormat(file: legacy.file))
                }
                found[t.name] = place.parts
            } else {
                missing.append(.init(table: t.name, title: t.title, file: t.file, columns: t.columns.map(\.name)))
            }
        }
        if !missing.isEmpty && !allowsMissing {
            if let legacy = topLegacy.first { throw .workbook(.legacyFormat(file: legacy)) }
            throw .missingTables(folder: folder, tables: missing)
        }
        return found
    }

    private func places(of t: TableSchema, topWorkbooks: [String], sheetsOf: [String: [String]]) throws(IntakeError) -> [Place] {
        let entry = manifest?.table(t.name)
        var places: [Place] = []
        var claimed = Set<String>()
        func add(_ shown: String, _ parts: [TablePart]) {
            let fresh = parts.filter { !claimed.contains($0.file) }
            guard !fresh.isEmpty else { return }
            claimed.formUnion(fresh.map(\.file))
            places.append(Place(shown: shown, parts: fresh))
        }
        // 1. dataset.yaml's files.
        if let patterns = entry?.files, !patterns.isEmpty {
            var files: [String] = []
            for pattern in patterns {
                for file in IntakePath.glob(pattern, in: folder) where !files.contains(file) { files.append(file) }
            }
            var parts: [TablePart] = []
            for file in files { if let p = try part(file, of: t) { parts.append(p) } }
            add("dataset.yaml files: " + patterns.joined(separator: ", "), parts)
        }
        // 2. The pack's file name, or its stem with .xlsx (or a legacy workbook, refused).
        let stem = Self.stem(t.file)
        for name in [t.file, stem + ".xlsx", stem + ".xls", stem + ".et"] where IntakePath.isFile(folder + "/" + name) {
            if let p = try part(name, of: t) { add(name, [p]) }
        }
        // 3. A folder of parts named after the stem.
        if IntakePath.isDirectory(folder + "/" + stem) {
            var parts: [TablePart] = []
            for name in IntakePath.list(folder + "/" + stem) where IntakePath.isFile(folder + "/" + stem + "/" + name) {
                if let p = try part(stem + "/" + name, of: t) { parts.append(p) }
            }
            add(stem + "/", parts)
        }
        // 4. Sheets of the top-level workbooks named by the table.
        let names = Set([t.name, t.title, entry?.sheet].compactMap { $0 }.map(HeaderText.key))
        for file in topWorkbooks {
            for sheet in sheetsOf[file] ?? [] where names.contains(HeaderText.key(sheet)) {
                add(RecordPlace.file(file, sheet: sheet), [TablePart(file: file, format: .xlsx, sheet: sheet)])
            }
        }
        return places
    }

    /// A file as a part of table `t`: a CSV, a workbook with its sheet chosen, a legacy
    /// workbook (refused once chosen), or nil for a file of another kind.
    private func part(_ file: String, of t: TableSchema) throws(IntakeError) -> TablePart? {
        switch IntakePath.format(of: file) {
        case .csv?: return TablePart(file: file, format: .csv)
        case .legacy?: return TablePart(file: file, format: .legacy)
        case .xlsx?: return TablePart(file: file, format: .xlsx, sheet: try sheet(in: file, of: t))
        case nil: return nil
        }
    }

    /// The sheet of a table's own workbook: the one `dataset.yaml` names, else the one named
    /// after the table or its title, else the only one.
    private func sheet(in file: String, of t: TableSchema) throws(IntakeError) -> String {
        let sheets = try workbooks.workbook(file).sheets.map(\.name)
        if let wanted = manifest?.table(t.name)?.sheet, let s = sheets.first(where: { HeaderText.key($0) == HeaderText.key(wanted) }) {
            return s
        }
        let names = Set([t.name, t.title].map(HeaderText.key))
        if let s = sheets.first(where: { names.contains(HeaderText.key($0)) }) { return s }
        if sheets.count == 1 { return sheets[0] }
        throw .ambiguousSheet(file: file, table: t.title, sheets: sheets)
    }

    /// `activities` of `activities.csv`.
    static func stem(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
