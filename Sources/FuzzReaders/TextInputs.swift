import DudaoTable
import DudaoYAML

/// Inputs read as text alone: a YAML document, and the text check.
enum TextInputs {
    /// A document or a YAML error, never a trap.
    static func yaml(_ bytes: [UInt8]) {
        _ = try? YAMLLoader.load(bytes, file: "fuzz.yaml")
    }

    /// The text check agrees with Swift's UTF-8 validation and with counting line ends one
    /// byte at a time.
    static func inspect(_ bytes: [UInt8]) {
        let r = bytes.withUnsafeBytes { TextInspector.inspect($0) }
        let valid = String(validating: bytes, as: UTF8.self) != nil
        Fuzz.check(r.validUTF8 == valid, "UTF-8 validity differs from Swift's")
        guard valid else { return }
        var lines = 0
        for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            lines += 1
        }
        Fuzz.check(r.lineEnds == lines, "line ends differ")
    }
}
