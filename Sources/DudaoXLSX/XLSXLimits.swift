/// The bounds that keep a hostile or broken workbook from exhausting memory or time.
///
/// Both are checked on the central directory's declared size before a part is opened and again
/// on the bytes actually inflated, chunk by chunk, so a part that lies about its size is stopped
/// after at most one chunk past the bound; nothing is held whole, so memory stays bounded either way.
public struct XLSXLimits: Sendable, Equatable {
    /// The most bytes a sheet part may inflate to. 2 GiB is over three times the 450–620 MB of
    /// XML in a 1M-row ledger sheet (xlsxwriter), itself near the most rows Excel allows, while
    /// a 3 GiB sheet is refused.
    public var maxSheetBytes: UInt64
    /// The most bytes any other part (workbook, rels, styles, shared strings) may inflate to.
    /// Shared strings are kept in memory, so this bounds their arena: 256 MiB.
    public var maxPartBytes: UInt64
    /// The most a part may inflate relative to its compressed size. Ledger sheets pack about
    /// 10× (the 1M-row ledger: 447 MB of XML in a 41 MB workbook, 11×); deflate's own maximum
    /// is about 1032×, which is what zip bombs use. 100× is Apache POI's default
    /// (`ZipSecureFile` minimum inflate ratio 0.01).
    public var maxCompressionRatio: UInt64
    /// Below this many inflated bytes the ratio is not checked: tiny parts (a two-cell sheet,
    /// a rels file of repeated text) can pack very well and are harmless.
    public var ratioGraceBytes: UInt64

    public init(maxSheetBytes: UInt64 = 2 << 30, maxPartBytes: UInt64 = 256 << 20,
                maxCompressionRatio: UInt64 = 100, ratioGraceBytes: UInt64 = 1 << 20) {
        self.maxSheetBytes = maxSheetBytes
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
    }

    public static let standard = XLSXLimits()
}
