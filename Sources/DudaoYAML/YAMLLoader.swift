/// Loads one YAML document from UTF-8 bytes into `YAMLNode`s that remember where they came from.
///
/// A thin layer over libyaml's event API: no type resolution, no merge-key semantics
/// (`<<` is an ordinary key), one document per file, and alias expansion bounded by `YAMLLimits`.
public enum YAMLLoader {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Returns the document's root node, or nil for an empty stream or an empty document.
    public static func load(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        // Dropping the BOM here, not in libyaml's scanner, keeps columns on line 1 right.
        let text = bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...]
        return try text.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var reader = try EventReader(start: start, count: buffer.count, file: file)
            var builder = TreeBuilder(limits: limits)
            while true {
                let event = try reader.next()
                if case .streamEnd = event { return builder.document }
                try builder.consume(event)
            }
        }
    }
}
