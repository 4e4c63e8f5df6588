import Foundation

/// An `.xlsx` workbook opened for reading: its sheets in tab order and its date system, with
/// rows streamed one sheet at a time (`forEachRow`).
///
/// Opening reads the small parts (package and workbook relationships, `workbook.xml`,
/// `styles.xml`); the shared strings are read on the first row pass and kept; a sheet is never
/// held whole. Not thread-safe: use one workbook value per thread.
public final class XLSXWorkbook {
    /// The file as messages name it.
    public let file: String
    public let sheets: [XLSXSheet]
    /// The 1904 date system (serial 0 = 1904-01-01) rather than the 1900 one.
    public let date1904: Bool

    private let package: XLSXPackage
    private let styles: XLSXStyles
    private let sharedStringsPart: String?
    private var sharedStrings: XLSXSharedStrings?
    /// Each sheet's merged ranges once a pass has found them, by part.
    private var knownMerges: [String: [XLSXMergedRange]] = [:]

    /// Opens the workbook at `path`; `file` is how errors name it (by default the path).
    public init(path: String, file: String? = nil, limits: XLSXLimits = .standard) throws(XLSXError) {
        let file = file ?? path
        self.file = file
        let package = try XLSXPackage(path: path, file: file, limits: limits)
        self.package = package
        do {
            let workbookPart = try Self.workbookPart(package)
            guard package.contains(workbookPart) else { throw XLSXError.missingWorkbook(file: file) }
            var workbook = WorkbookParts.WorkbookSink()
            try Self.read(workbookPart, from: package, into: &workbook)
            var rels = WorkbookParts.RelationshipsSink()
            let relsPart = WorkbookParts.relationshipsPart(of: workbookPart)
            if package.contains(relsPart) { try Self.read(relsPart, from: package, into: &rels) }
            let inPackage = rels.relationships.filter { !$0.isExternal }
            func target(_ suffix: String, _ fallback: String) -> String? {
                let found = inPackage.first { $0.type.hasSuffix(suffix) }
                    .map { WorkbookParts.resolve($0.target, from: workbookPart) } ?? fallback
                return package.contains(found) ? found : nil
            }
            let sheets = workbook.sheets.map { entry in
                let part = inPackage.first { $0.id == entry.relationship }
                    .map { WorkbookParts.resolve($0.target, from: workbookPart) } ?? ""
                return XLSXSheet(name: entry.name, part: part, isHidden: entry.isHidden)
            }
            var styles = XLSXStyles.Sink()
            if let stylesPart = target("/styles", "xl/styles.xml") { try Self.read(stylesPart, from: package, into: &styles) }
            self.sheets = sheets
            self.styles = styles.styles
            date1904 = workbook.date1904
            sharedStringsPart = target("/sharedStrings", "xl/sharedStrings.xml")
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .malformedPart(file: file, part: "workbook", detail: "\(error)")
        }
    }

    /// The sheet named `name` (exactly as on its tab).
    public func sheet(named name: String) throws(XLSXError) -> XLSXSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw .unknownSheet(file: file, sheet: name, available: sheets.map(\.name))
        }
        return sheet
    }

    /// The merged ranges of `sheet`, in the order the sheet lists them (a pass over its XML
    /// that only tokenizes from the first `mergeCell` on).
    public func mergedRanges(of sheet: XLSXSheet) throws -> [XLSXMergedRange] {
        var scan = MergeScan()
        try package.stream(sheet.part, isSheet: true) { try scan.feed($0) }
        let ranges = try scan.finish()
        try checkBounds(ranges, of: sheet)
        return ranges
    }

    /// Calls `body` with each non-blank row of `sheet` in order, cells formatted as INTAKE
    /// section 3 says and merged ranges filled.
    ///
    /// The sheet is inflated twice, chunk by chunk: once for its merged ranges (which follow the
    /// rows in the XML), once for the rows. Throws `XLSXError` for a broken or oversized sheet,
    /// and whatever `body` throws.
    public func forEachRow(sheet: XLSXSheet, _ body: (XLSXRow) throws -> Void) throws {
        try checkPart(of: sheet)
        let merges = try knownMerges[sheet.part] ?? mergedRanges(of: sheet)
        try readRows(sheet, merges: merges, body)
    }

    /// As `forEachRow(sheet:_:)`, but the sheet is inflated once unless it has merged ranges:
    /// the rows are read as if it had none, and the ranges looked for after them. If there are
    /// some, `rewind` is called (to forget the rows handed out) and the rows come again, filled.
    /// A ledger sheet of a million rows has none, and inflating it is most of reading it.
    public func forEachRow(sheet: XLSXSheet, rewind: () throws -> Void, _ body: (XLSXRow) throws -> Void) throws {
        try checkPart(of: sheet)
        if let merges = knownMerges[sheet.part] {
            try readRows(sheet, merges: merges, body)
            return
        }
        let found = try readRows(sheet, merges: nil, body)
        knownMerges[sheet.part] = found
        guard !found.isEmpty else { return }
        try rewind()
        try readRows(sheet, merges: found, body)
    }

    private func checkPart(of sheet: XLSXSheet) throws(XLSXError) {
        guard !sheet.part.isEmpty, package.contains(sheet.part) else {
            throw XLSXError.missingPart(file: file, part: sheet.part.isEmpty ? sheet.name : sheet.part)
        }
    }

    /// One pass over the rows. With `merges` nil the ranges are not known yet: the rows are
    /// read without them and the pass goes on past the rows to collect them, which it returns.
    ///
    /// A sheet of more than a few chunks is inflated and scanned on a thread of its own while
    /// `body` takes its rows here (`RowRing`), as the two halves of reading it cost about the
    /// same; `body` sees the same rows, in the same order, with the same errors after them.
    @discardableResult
    private func readRows(_ sheet: XLSXSheet, merges: [XLSXMergedRange]?, _ body: (XLSXRow) throws -> Void) throws -> [XLSXMergedRange] {
        let pass = SheetRowPass(package: package, sheet: sheet, sharedStrings: try loadSharedStrings(), styles: styles,
                                date1904: date1904, merges: merges)
        let found: [XLSXMergedRange]
        if package.uncompressedSize(of: sheet.part) > UInt64(ZipInflater.aheadSlots * XLSXPackage.chunkSize) {
            let ring = RowRing(batches: Self.rowBatchesAhead)
            Thread.detachNewThread {
                do {
                    ring.close(merges: try pass.run { try ring.put($0) }, failure: nil)
                } catch is SlotHandoff.Cancelled {
                    ring.close(merges: [], failure: nil)
                } catch {
                    ring.close(merges: [], failure: error)
                }
            }
            found = try ring.drain(body)
        } else {
            found = try pass.run(body)
        }
        try checkBounds(found, of: sheet)
        return found
    }

    /// Batches of rows the scanning thread may run ahead of the reader.
    static let rowBatchesAhead = 4

    private func checkBounds(_ ranges: [XLSXMergedRange], of sheet: XLSXSheet) throws(XLSXError) {
        if let beyond = ranges.first(where: { $0.lastRow > XLSXCellReference.maxRows || $0.lastColumn >= XLSXCellReference.maxColumns }) {
            throw XLSXError.sheetTooLarge(file: file, sheet: sheet.name, row: beyond.lastRow, column: beyond.lastColumn + 1)
        }
    }

    private func loadSharedStrings() throws -> XLSXSharedStrings {
        if let sharedStrings { return sharedStrings }
        var sink = XLSXSharedStrings.Sink()
        if let part = sharedStringsPart { try Self.read(part, from: package, into: &sink) }
        sharedStrings = sink.table
        return sink.table
    }

    /// The workbook part the package relationships name, else `xl/workbook.xml`.
    private static func workbookPart(_ package: XLSXPackage) throws -> String {
        var rels = WorkbookParts.RelationshipsSink()
        if package.contains("_rels/.rels") { try read("_rels/.rels", from: package, into: &rels) }
        let office = rels.relationships.first { $0.type.hasSuffix("/officeDocument") && !$0.isExternal }
        return office.map { WorkbookParts.resolve($0.target, from: "") } ?? "xl/workbook.xml"
    }

    private static func read<S: XMLSink>(_ part: String, from package: XLSXPackage, into sink: inout S) throws {
        var scanner = XMLScanner()
        try package.stream(part, isSheet: false) { try scanner.feed($0, into: &sink) }
        do {
            try scanner.finish()
        } catch let problem as XMLProblem {
            throw XLSXError.malformedPart(file: package.file, part: part, detail: problem.detail)
        }
    }
}
