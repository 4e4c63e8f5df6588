/// A date written as text with a time of day after it (`2022-07-05 14:30`,
/// `2022/7/5 14:30:00`, `2022-07-05T14:30`): the time is dropped (INTAKE section 3).
enum DateText {
    /// How many leading bytes of `text` are the date, when a time of day follows it; nil when
    /// there is none (the text is kept whole).
    static func dateLength(_ text: UnsafeRawBufferPointer) -> Int? {
        guard text.count > 8,
              let cut = text.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }), cut >= 8 else { return nil }
        var from = cut + 1
        while from < text.count && text[from] == UInt8(ascii: " ") { from += 1 }
        return isTime(UnsafeRawBufferPointer(rebasing: text[from...])) ? cut : nil
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` (with an optional fraction of a second).
    private static func isTime(_ bytes: UnsafeRawBufferPointer) -> Bool {
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
