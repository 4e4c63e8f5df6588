/// A date written as text with a time of day after it (`2022-07-05 14:30`,
/// `2022/7/5 14:30:00`, `2022-07-05T14:30`): the time is dropped (INTAKE section 3).
enum DateText {
    /// `text` without a trailing time of day; `text` itself when it has none.
    static func droppingTime(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > 8, let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }),
              cut >= 8, isTime(bytes[(cut + 1)...].drop { $0 == UInt8(ascii: " ") }) else { return text }
        return String(decoding: bytes[..<cut], as: UTF8.self)
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` (with an optional fraction of a second).
    private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        for (i, part) in parts.enumerated() {
            let digits = i == 2 ? part.prefix { $0 != UInt8(ascii: ".") } : part
            guard (1...2).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            if i == 2, digits.count < part.count, !part.dropFirst(digits.count + 1).allSatisfy({ (0x30...0x39).contains($0) }) {
                return false
            }
        }
        return true
    }
}
