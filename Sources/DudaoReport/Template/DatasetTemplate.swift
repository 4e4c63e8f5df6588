import DudaoCore
import DudaoTable
import DudaoXLSX
import Foundation

/// An empty dataset for a pack, ready to fill in (`dudao init`, INTAKE section 7).
///
/// As CSV: one file per table under the pack's file name (UTF-8 with BOM, so Excel opens it
/// right; the header row only) and `填写说明.csv`. As a workbook: `台账.xlsx` with the sheet
/// 填写说明 and one sheet per table named by its title — a bold frozen header row with a
/// filter, date columns formatted as dates, drop-down lists on enumerated and 是/否 columns
/// (from a sheet 选项 when a list is longer than Excel's 255 characters). Both come with a
/// commented `dataset.yaml`. The target folder must be new or empty; files are created, never
/// replaced, and a failed run removes what it made.
public struct DatasetTemplate {
    /// One file written, and what it holds, for the command's summary.
    public struct File: Equatable, Sendable {
        public var name: String
        public var contents: String
    }

    /// The workbook of the `xlsx` format.
    public static let workbookName = "台账.xlsx"
    /// The instructions sheet (and, as CSV, `填写说明.csv`).
    public static let guideName = "填写说明"
    /// The sheet holding drop-down lists too long to write inline.
    static let listsSheet = "选项"

    public let pack: Pack
    public let format: DatasetFormat
    let words: Wording

    public init(pack: Pack, format: DatasetFormat, language: ReportLanguage) {
        self.pack = pack
        self.format = format
        words = Wording(language: language)
    }

    /// Writes the template into `folder` (created when missing) and returns the files made.
    public func write(to folder: String) throws(TemplateError) -> [File] {
        let madeFolder = try prepare(folder)
        var made: [String] = []
        do throws(TemplateError) {
            var files: [File] = []
            for (name, contents, write) in plan() {
                let path = (folder as NSString).appendingPathComponent(name)
                try write(path)
                made.append(path)
                files.append(File(name: name, contents: contents))
            }
            return files
        } catch {
            for path in made.reversed() { unlink(path) }
            if madeFolder { rmdir(folder) }
            throw error
        }
    }

    /// The sheet each table is filled in on: its title when Excel takes it as a sheet name,
    /// else its name, else `表N`; never the guide's or the lists' name, never twice.
    var sheetNames: [String: String] {
        var taken: Set<String> = [Self.guideName.lowercased(), Self.listsSheet.lowercased()]
        var out: [String: String] = [:]
        for (i, t) in pack.tables.enumerated() {
            let candidates = [t.title, t.name, words.pick("表", "Table ") + "\(i + 1)"]
            let name = candidates.first { XLSXWriter.isValidSheetName($0) && !taken.contains($0.lowercased()) } ?? "T\(i + 1)"
            taken.insert(name.lowercased())
            out[t.name] = name
        }
        return out
    }

    // MARK: what is written

    private typealias Step = (name: String, contents: String, write: (String) throws(TemplateError) -> Void)

    private func plan() -> [Step] {
        var steps: [Step] = []
        var renamed: [(table: String, sheet: String)] = []
        switch format {
        case .csv:
            for t in pack.tables {
                let bytes = Self.csv([t.columns.map(\.name)])
                steps.append((t.file, t.title, { path throws(TemplateError) in try Self.create(path, bytes) }))
            }
            let guide = self.guide(places: Dictionary(uniqueKeysWithValues: pack.tables.map { ($0.name, $0.file) }))
            let rows = [guide.header] + guide.rows + [[]] + guide.notes.map { [$0] }
            let bytes = Self.csv(rows)
            steps.append((Self.guideName + ".csv", words.pick("各表各列的含义、类型、是否必填、可选值和引用", "each column's meaning, type, whether required, allowed values and references"),
                          { path throws(TemplateError) in try Self.create(path, bytes) }))
        case .xlsx:
            let names = sheetNames
            renamed = pack.tables.compactMap { t in
                let s = names[t.name] ?? t.title
                return s == t.title || s == t.name ? nil : (t.name, s)
            }
            let workbook = self.workbook(sheetNames: names)
            let contents = words.pick("\(pack.tables.count) 个表各一个工作表（下拉列表、日期格式）和\(Self.guideName)",
                                      "a sheet for each of the \(pack.tables.count) tables (drop-down lists, date formats) and \(Self.guideName)")
            steps.append((Self.workbookName, contents, { path throws(TemplateError) in
                do throws(XLSXWriter.Failure) { try workbook.write(to: path) } catch {
                    switch error {
                    case .exists: throw .cannotWrite(path: path, errno: EEXIST)
                    case .unwritable(_, let detail): throw .workbook(path: path, detail: detail)
                    default: throw .workbook(path: path, detail: "\(error)")
                    }
                }
            }))
        }
        let manifest = Array(ManifestTemplate(pack: pack, words: words, renamedSheets: renamed).text.utf8)
        steps.append((DatasetManifest.fileName, words.pick("本地列名和取值的对照（注释，按需启用）", "local column names and values (comments; enable as needed)"),
                      { path throws(TemplateError) in try Self.create(path, manifest) }))
        return steps
    }

    private func guide(places: [String: String]) -> TemplateGuide {
        TemplateGuide(pack: pack, words: words, places: places)
    }

    /// The `xlsx` template as one workbook in memory, for a server's upload page to hand out:
    /// its 填写说明 says to upload it rather than to edit `dataset.yaml` or run a command.
    public func uploadWorkbook() -> XLSXWriter {
        workbook(sheetNames: sheetNames, forUpload: true)
    }

    /// The workbook: 填写说明, a sheet per table, and 选项 when a list is too long to be inline.
    func workbook(sheetNames names: [String: String], forUpload: Bool = false) -> XLSXWriter {
        var lists = XLSXWriter.Sheet(name: Self.listsSheet, rows: [])
        var listColumns: [[String]] = []
        var tables: [XLSXWriter.Sheet] = []
        for t in pack.tables {
            var sheet = XLSXWriter.Sheet(name: names[t.name] ?? t.title, rows: [t.columns.map { .text($0.name) }])
            sheet.frozenRows = 1
            sheet.autoFilter = true
            sheet.columnWidths = t.columns.map { c in Double(max(c.name.displayWidth + 4, c.type == .text ? 24 : 12)) }
            sheet.dateColumns = t.columns.indices.filter { t.columns[$0].type == .date }
            for (i, c) in t.columns.enumerated() {
                let values = TemplateGuide.choices(c)
                guard !values.isEmpty else { continue }
                let rows = 2...Self.lastRow
                if XLSXWriter.fitsInline(values) {
                    sheet.validations.append(.init(column: i, rows: rows, values: values))
                } else {
                    listColumns.append(["\(t.title).\(c.name)"] + values)
                    let source = XLSXWriter.ListValidation.Source.cells(sheet: Self.listsSheet, column: listColumns.count - 1, rows: 2...values.count + 1)
                    sheet.validations.append(.init(column: i, rows: rows, source: source))
                }
            }
            tables.append(sheet)
        }
        var guide = self.guide(places: names)
        guide.forUpload = forUpload
        let texts = [guide.header] + guide.rows + [[]] + guide.notes.map { [$0] }
        var instructions = XLSXWriter.Sheet(name: Self.guideName, rows: texts.map { row in row.map { XLSXWriter.Cell.text($0) } })
        instructions.frozenRows = 1
        var sheets = [instructions] + tables
        if !listColumns.isEmpty {
            let height = listColumns.map(\.count).max() ?? 0
            lists.rows = (0..<height).map { r in listColumns.map { r < $0.count ? .text($0[r]) : .empty } }
            lists.frozenRows = 1
            sheets.append(lists)
        }
        return XLSXWriter(sheets: sheets)
    }

    /// Excel's last row: drop-down lists cover the whole column below the header.
    static let lastRow = 1_048_576

    // MARK: files

    /// Rows as CSV after a UTF-8 byte order mark; fields with a comma, quote or line break quoted.
    static func csv(_ rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            let line = row.map { field in
                field.contains { $0 == "," || $0 == "\"" || $0.isNewline } ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
            out += Array((line + "\r\n").utf8)
        }
        return out
    }

    /// Makes `folder` if it is missing (true), or accepts it when it is an empty folder.
    private func prepare(_ folder: String) throws(TemplateError) -> Bool {
        var st = stat()
        if lstat(folder, &st) != 0 {
            guard errno == ENOENT else { throw .cannotWrite(path: folder, errno: errno) }
            let code = Self.makeFolder(folder)
            guard code == 0 else { throw .cannotWrite(path: folder, errno: code) }
            return true
        }
        var isFolder = st.st_mode & S_IFMT == S_IFDIR
        if st.st_mode & S_IFMT == S_IFLNK, stat(folder, &st) == 0 { isFolder = st.st_mode & S_IFMT == S_IFDIR }
        guard isFolder else { throw .notAFolder(path: folder) }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw .cannotWrite(path: folder, errno: EACCES)
        }
        guard entries.isEmpty else { throw .notEmpty(path: folder, entries: Array(entries.prefix(3)), count: entries.count) }
        return false
    }

    /// `mkdir -p`: 0, or the errno of the first folder that could not be made.
    private static func makeFolder(_ path: String) -> Int32 {
        let parent = (path as NSString).deletingLastPathComponent
        var st = stat()
        if !parent.isEmpty, parent != path, stat(parent, &st) != 0 {
            let code = makeFolder(parent)
            if code != 0 { return code }
        }
        return mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : errno
    }

    /// Creates `path` with `bytes`; never over anything already there (not even a dangling link).
    static func create(_ path: String, _ bytes: [UInt8]) throws(TemplateError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, errno: errno) }
        var failure = writeAll(fd, bytes)
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw .cannotWrite(path: path, errno: failure)
        }
    }
}

/// Writes all of `bytes` to `fd`: 0, or the errno that stopped it.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, bytes.count - done) }
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return n < 0 ? errno : EIO }
        done += n
    }
    return 0
}
