/// A sheet as the workbook lists it, in tab order.
public struct XLSXSheet: Hashable, Sendable {
    /// The name on its tab.
    public var name: String
    /// Its part in the archive (`xl/worksheets/sheet1.xml`).
    public var part: String
    /// Hidden or very hidden: still readable, reported so a caller may choose.
    public var isHidden: Bool

    public init(name: String, part: String, isHidden: Bool) {
        self.name = name
        self.part = part
        self.isHidden = isHidden
    }
}
