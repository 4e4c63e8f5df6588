/// The part of `styles.xml` a reader needs: for each cell style index (`s` of a cell, an index
/// into `cellXfs`), whether its number format is a date or time.
struct XLSXStyles {
    var dateStyles: [Bool] = []

    func isDate(style: Int) -> Bool { style >= 0 && style < dateStyles.count && dateStyles[style] }

    /// Collects `numFmts` and `cellXfs` from the styles part.
    struct Sink: XMLSink {
        var customFormats: [Int: String] = [:]
        var formatIds: [Int] = []
        private var inCellXfs = false
        private var inNumFmts = false

        mutating func start(_ tag: XMLTag) throws {
            if tag.isNamed("numFmts") {
                inNumFmts = !tag.isSelfClosing
            } else if tag.isNamed("cellXfs") {
                inCellXfs = !tag.isSelfClosing
            } else if inNumFmts && tag.isNamed("numFmt") {
                if let id = tag.integer("numFmtId") { customFormats[id] = tag.string("formatCode") ?? "" }
            } else if inCellXfs && tag.isNamed("xf") {
                formatIds.append(tag.integer("numFmtId") ?? 0)
            }
        }

        mutating func end(_ tag: XMLTag) throws {
            if tag.isNamed("numFmts") { inNumFmts = false }
            if tag.isNamed("cellXfs") { inCellXfs = false }
        }

        mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {}

        /// A format id a workbook defines itself wins over the built-in meaning of that id.
        var styles: XLSXStyles {
            XLSXStyles(dateStyles: formatIds.map { id in
                if let code = customFormats[id] { return XLSXNumberFormat.isDate(code: code) }
                return XLSXNumberFormat.isBuiltInDate(id)
            })
        }
    }
}
