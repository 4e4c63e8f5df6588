/// Loads one YAML document from UTF-8 bytes into `YAMLNode`s that remember where they came from.
///
/// A thin layer over libyaml's event API: no type resolution, no merge-key semantics
/// (`<<` is an ordinary key), one document per file, and alias expansion bounded by `YAMLLimits`.
public enum YAMLLoader {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Returns the document's root node, or nil for an empty stream or an empty document.
    /// A duplicate key is an error, like any other.
    public static func load(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try build(bytes, file: file, limits: limits, keepsFirstOfDuplicateKeys: false).root
    }

    /// Loads a document whose duplicate keys are problems to report, not reasons to stop:
    /// each mapping keeps the first occurrence of a key, and every later one is returned in
    /// `duplicateKeys` (at the repeated key, naming the first). Other errors still throw.
    public static func loadKeepingFirstKeys(_ bytes: [UInt8], file: String,
                                            limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        try build(bytes, file: file, limits: limits, keepsFirstOfDuplicateKeys: true)
    }

    private static func build(_ bytes: [UInt8], file: String, limits: YAMLLimits,
                              keepsFirstOfDuplicateKeys: Bool) throws(YAMLError) -> YAMLDocument {
        // Dropping the BOM here, not in libyaml's scanner, keeps columns on line 1 right.
        let text = bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...]
        return try text.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLDocument in
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return YAMLDocument(root: nil, duplicateKeys: []) }
            var reader = try EventReader(start: start, count: buffer.count, file: file)
            var builder = TreeBuilder(limits: limits, keepsFirstOfDuplicateKeys: keepsFirstOfDuplicateKeys)
            while true {
                let event = try reader.next()
                if case .streamEnd = event { return YAMLDocument(root: builder.document, duplicateKeys: builder.duplicateKeys) }
                try builder.consume(event)
            }
        }
    }
}
