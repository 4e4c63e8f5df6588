/// One pass over the rows of a sheet: the sheet's XML inflated and scanned into rows
/// (`SheetRowSink`), each handed to `emit`. It holds only values and the package, so it can
/// run on a thread of its own beside the reader of its rows (`RowRing`).
struct SheetRowPass: Sendable {
    let package: XLSXPackage
    let sheet: XLSXSheet
    let sharedStrings: XLSXSharedStrings
    let styles: XLSXStyles
    let date1904: Bool
    /// The sheet's merged ranges; nil when they are not known yet, so the pass reads the rows
    /// without them and goes on past the rows to collect them.
    let merges: [XLSXMergedRange]?

    /// Reads the rows; returns the merged ranges found after them (none when `merges` was given).
    func run(_ emit: (XLSXRow) throws -> Void) throws -> [XLSXMergedRange] {
        try withoutActuallyEscaping(emit) { emit in
            var sink = SheetRowSink(file: package.file, sheet: sheet.name, sharedStrings: sharedStrings, styles: styles,
                                    date1904: date1904, merges: merges, emit: emit)
            var scanner = XMLScanner()
            try package.stream(sheet.part, isSheet: true) { try scanner.feed($0, into: &sink) }
            if !sink.finished || merges == nil {
                do {
                    try scanner.finish()
                } catch let problem as XMLProblem {
                    throw XLSXError.malformedPart(file: package.file, part: sheet.part, detail: problem.detail)
                }
                try sink.finishSheet()
            }
            return sink.foundMerges
        }
    }
}
