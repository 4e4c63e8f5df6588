/// The row pass over a sheet's XML: builds each `<row>` into an `XLSXRow` with every cell
/// formatted as INTAKE section 3 says, fills merged ranges, and hands on the non-blank rows.
struct SheetRowSink: XMLSink {
    private enum CellType {
        case number, shared, inline, formulaText, boolean, error, isoDate
    }

    private enum Capture {
        case none, value, inlineText
    }

    let file: String
    let sheet: String
    let sharedStrings: XLSXSharedStrings
    let styles: XLSXStyles
    let date1904: Bool
    let emit: (XLSXRow) throws -> Void
    private var fill: MergeFill
    private let hasMerges: Bool
    /// Whether the merged ranges are not known yet, so they are collected after the rows.
    private let collectsMerges: Bool
    /// The `<mergeCell>` ranges found after the rows when `collectsMerges`.
    private(set) var foundMerges: [XLSXMergedRange] = []

    private var row = XLSXRow()
    private var lastRow = 0
    private var inSheetData = false
    /// Whether `</sheetData>` (or the end of the part) has been reached.
    private(set) var finished = false
    private var column = -1
    /// Whether a `<c>` is open: a `</c>` without one (malformed XML, never Excel's) is ignored
    /// rather than setting a cell of no column, or the previous cell a second time.
    private var inCell = false
    private var type = CellType.number
    private var style = 0
    private var capture = Capture.none
    private var inInline = false
    private var phoneticDepth = 0
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    private var display: [UInt8] = []

    init(file: String, sheet: String, sharedStrings: XLSXSharedStrings, styles: XLSXStyles, date1904: Bool,
         merges: [XLSXMergedRange]?, emit: @escaping (XLSXRow) throws -> Void) {
        self.file = file
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.emit = emit
        fill = MergeFill(ranges: merges ?? [])
        hasMerges = !(merges ?? []).isEmpty
        collectsMerges = merges == nil
    }

    mutating func start(_ tag: XMLTag) throws {
        switch tag.nameLength {
        case 1:
            switch tag.firstNameByte {
            case UInt8(ascii: "c") where inSheetData:
                try startCell(tag)
            case UInt8(ascii: "v"):
                if !value.isEmpty { value.removeAll(keepingCapacity: true) }
                capture = tag.isSelfClosing ? .none : .value
            case UInt8(ascii: "t") where inInline && phoneticDepth == 0:
                capture = tag.isSelfClosing ? .none : .inlineText
            default:
                break
            }
        case 2 where tag.isNamed("is"):
            inInline = !tag.isSelfClosing
            if !inline.isEmpty { inline.removeAll(keepingCapacity: true) }
        case 3:
            if tag.isNamed("row") && inSheetData {
                try startRow(tag)
                if tag.isSelfClosing { try finishRow() }
            } else if tag.isNamed("rPh") && !tag.isSelfClosing {
                phoneticDepth += 1
            }
        case 9 where tag.isNamed("sheetData"):
            inSheetData = !tag.isSelfClosing
        case 9 where collectsMerges && tag.isNamed("mergeCell"):
            guard let ref = tag.attribute("ref"), let range = XLSXMergedRange(ref: ref) else {
                throw XMLProblem(detail: "a merged range without an A1-style ref")
            }
            foundMerges.append(range)
        default:
            break
        }
    }

    mutating func end(_ tag: XMLTag) throws {
        switch tag.nameLength {
        case 1:
            switch tag.firstNameByte {
            case UInt8(ascii: "c") where inSheetData: try finishCell()
            case UInt8(ascii: "v"), UInt8(ascii: "t"): capture = .none
            default: break
            }
        case 2 where tag.isNamed("is"):
            inInline = false
        case 3:
            if tag.isNamed("row") && inSheetData {
                try finishRow()
            } else if tag.isNamed("rPh") {
                phoneticDepth = max(0, phoneticDepth - 1)
            }
        case 9 where tag.isNamed("sheetData"):
            try finishSheet()
            inSheetData = false
            if !collectsMerges { throw XLSXPackage.Stop() }
        default:
            break
        }
    }

    /// Takes a cell of a common shape (`XLSXCellElement`) whole, as the tags one by one would.
    mutating func element(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> Int? {
        guard inSheetData, capture == .none, !inInline, phoneticDepth == 0,
              let cell = XLSXCellElement.read(p, i, n) else { return nil }
        try beginCell(ref: cell.ref, style: cell.style, type: cell.type, isSelfClosing: cell.isSelfClosing)
        guard !cell.isSelfClosing else { return cell.end }
        inCell = false
        if cell.isPlain {
            try setCell(value: cell.value, inline: cell.inline)
        } else {
            XMLText.append(cell.value, to: &value, underscoreEscapes: true)
            XMLText.append(cell.inline, to: &inline, underscoreEscapes: true)
            try setCellFromBuffers()
        }
        return cell.end
    }

    mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {
        switch capture {
        case .none: return
        case .value:
            if cdata { value.append(contentsOf: bytes) } else { XMLText.append(bytes, to: &value, underscoreEscapes: true) }
        case .inlineText:
            if cdata { inline.append(contentsOf: bytes) } else { XMLText.append(bytes, to: &inline, underscoreEscapes: true) }
        }
    }

    /// Hands on the rows that merged ranges cover below the last row read (also when the
    /// sheet ends without `</sheetData>`).
    mutating func finishSheet() throws {
        guard !finished else { return }
        finished = true
        while hasMerges, let covered = fill.nextCoveredRow(after: lastRow) {
            try synthesize(covered)
        }
    }

    private mutating func startRow(_ tag: XMLTag) throws {
        let number = tag.integer("r") ?? lastRow + 1
        guard number >= 1, number <= XLSXCellReference.maxRows else {
            throw XLSXError.sheetTooLarge(file: file, sheet: sheet, row: number, column: 1)
        }
        while hasMerges, let covered = fill.nextCoveredRow(after: lastRow), covered < number {
            try synthesize(covered)
        }
        row.reset(number: number)
        lastRow = number
        column = -1
        inCell = false
        if hasMerges { fill.begin(row: number) }
    }

    private mutating func synthesize(_ number: Int) throws {
        row.reset(number: number)
        lastRow = number
        fill.begin(row: number)
        try finishRow()
    }

    private mutating func finishRow() throws {
        if hasMerges { fill.apply(to: &row) }
        if !row.isBlank { try emit(row) }
    }

    private mutating func startCell(_ tag: XMLTag) throws {
        var ref: UnsafeBufferPointer<UInt8>?
        var styleIndex: UnsafeBufferPointer<UInt8>?
        var cellType: UnsafeBufferPointer<UInt8>?
        tag.forEachAttribute { name, value in
            guard name.count == 1 else { return }
            switch name[0] {
            case UInt8(ascii: "r"): ref = value
            case UInt8(ascii: "s"): styleIndex = value
            case UInt8(ascii: "t"): cellType = value
            default: break
            }
        }
        try beginCell(ref: ref, style: styleIndex, type: cellType, isSelfClosing: tag.isSelfClosing)
    }

    private mutating func beginCell(ref: UnsafeBufferPointer<UInt8>?, style styleIndex: UnsafeBufferPointer<UInt8>?,
                                    type cellType: UnsafeBufferPointer<UInt8>?, isSelfClosing: Bool) throws {
        if let ref, let parsed = XLSXCellReference.parse(ref) {
            column = parsed.column
        } else {
            column += 1
        }
        guard column < XLSXCellReference.maxColumns else {
            throw XLSXError.sheetTooLarge(file: file, sheet: sheet, row: row.number, column: column + 1)
        }
        style = styleIndex.flatMap(XMLText.integer) ?? 0
        type = Self.cellType(cellType)
        inCell = !isSelfClosing
        if !value.isEmpty { value.removeAll(keepingCapacity: true) }
        if !inline.isEmpty { inline.removeAll(keepingCapacity: true) }
    }

    private static func cellType(_ raw: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let raw, let first = raw.first else { return .number }
        switch (raw.count, first) {
        case (1, UInt8(ascii: "s")): return .shared
        case (1, UInt8(ascii: "b")): return .boolean
        case (1, UInt8(ascii: "e")): return .error
        case (1, UInt8(ascii: "d")): return .isoDate
        case (3, UInt8(ascii: "s")): return .formulaText
        case (9, UInt8(ascii: "i")): return .inline
        default: return .number
        }
    }

    private mutating func finishCell() throws {
        guard inCell else { return }
        inCell = false
        try setCellFromBuffers()
    }

    private mutating func setCellFromBuffers() throws {
        let value = value, inline = inline
        try value.withUnsafeBytes { value in
            try inline.withUnsafeBytes { inline in try setCell(value: value, inline: inline) }
        }
    }

    /// Sets the open cell from the decoded texts of its `<v>` and `<is><t>`.
    private mutating func setCell(value: UnsafeRawBufferPointer, inline: UnsafeRawBufferPointer) throws {
        switch type {
        case .inline:
            row.set(column: column, kind: .text, text: inline)
        case .formulaText:
            row.set(column: column, kind: .text, text: value)
        case .error:
            row.set(column: column, kind: .error, text: value)
        case .shared:
            guard !value.isEmpty else { return }
            guard let index = XMLText.integer(value.assumingMemoryBound(to: UInt8.self)), let range = sharedStrings.range(index) else {
                throw XMLProblem(detail: "cell \(row.number):\(column + 1) refers to a shared string that does not exist")
            }
            let strings = sharedStrings.bytes
            strings.withUnsafeBytes { row.set(column: column, kind: .text, text: UnsafeRawBufferPointer(rebasing: $0[range])) }
        case .boolean:
            guard !value.isEmpty else { return }
            row.set(column: column, kind: .boolean, text: value.elementsEqual(CollectionOfOne(UInt8(ascii: "0"))) ? Self.falseText : Self.trueText)
        case .isoDate:
            let isISO = value.count >= 10 && value[4] == UInt8(ascii: "-") && value[7] == UInt8(ascii: "-")
            row.set(column: column, kind: isISO ? .date : .text, text: isISO ? UnsafeRawBufferPointer(rebasing: value[..<10]) : value)
        case .number:
            guard !value.isEmpty else { return }
            var out: [UInt8] = []
            swap(&out, &display)
            out.removeAll(keepingCapacity: true)
            let kind = Self.format(number: value, asDate: styles.isDate(style: style), date1904: date1904, into: &out)
            if kind == .text { row.set(column: column, kind: kind, text: value) } else { row.set(column: column, kind: kind, text: out) }
            swap(&out, &display)
        }
    }

    /// Appends the display of the `<v>` text of a number cell; `.text` (nothing appended) when
    /// it is no number, `.date` when its format is a date and its serial a day.
    private static func format(number raw: UnsafeRawBufferPointer, asDate: Bool, date1904: Bool, into out: inout [UInt8]) -> XLSXCellKind {
        let raw = raw.assumingMemoryBound(to: UInt8.self)
        if asDate, let serial = XLSXNumber.parse(raw), XLSXDate.appendISO(serial: serial, date1904: date1904, to: &out) {
            return .date
        }
        return XLSXNumber.append(raw: raw, to: &out) ? .number : .text
    }

    private static let falseText = Array("FALSE".utf8)
    private static let trueText = Array("TRUE".utf8)
}
