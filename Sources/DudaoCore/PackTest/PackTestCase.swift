import DudaoYAML

/// A rule test written in the pack: small inline data, an as-of date, and exactly the
/// findings and due items expected (in the manner of `opa test` and SwiftLint's examples).
public struct PackTestCase: Sendable {
    /// One expected finding or due item.
    public struct Expected: Sendable, Hashable, CustomStringConvertible {
        public var rule: String
        /// Entity id, record id, or `file:line` for a record.
        public var subject: String?
        /// The start of the period (YYYY-MM-DD); nil matches any.
        public var period: String?
        public var line: Int

        public var description: String {
            [rule, subject, period].compactMap { $0 }.joined(separator: " ")
        }
    }

    public var name: String
    /// The rules this case is about; only their findings and due items are compared (all when empty).
    public var rules: [String]
    public var asOf: Day
    public var parameters: [String: String]
    /// Table name → CSV text (header and rows); tables left out are empty.
    public var data: [String: String]
    public var findings: [Expected]
    public var due: [Expected]
    public var mark: Mark
}
