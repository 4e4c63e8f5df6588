import DudaoYAML

/// `dataset.yaml`: what one data folder calls things, written once for that folder
/// (INTAKE section 4). Per table: where its parts are (`files`), the sheet to read (`sheet`),
/// local header texts for the pack's columns (`columns`) and local values (`values`).
public struct DatasetManifest: Sendable {
    /// The file's name in a data folder.
    public static let fileName = "dataset.yaml"

    /// What the manifest says of one table of the pack.
    public struct Table: Sendable {
        public var name: String
        /// Paths or glob patterns relative to the data folder, in the order written.
        public var files: [String] = []
        /// The sheet to read in the table's workbooks and in the top-level ones.
        public var sheet: String?
        /// Local header text → the pack's column, in the order written.
        public var columns: [(local: String, column: String)] = []
        /// The pack's column → (local value → the pack's value).
        public var values: [String: [String: String]] = [:]
        public var mark: Mark
    }

    /// The file as messages name it.
    public var path: String
    public var tables: [String: Table] = [:]

    public init(path: String) { self.path = path }

    public func table(_ name: String) -> Table? { tables[name] }
}
