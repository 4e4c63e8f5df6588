import Testing
@testable import DudaoCore

/// A fingerprint's number is its 16 hex digits, and only those texts have one.
@Suite struct FingerprintTests {
    @Test func theNumberIsTheHexTheTextSpells() {
        for parts in [["a"], ["rule", "P1", "2022-07"], [""], ["记录", "R1"]] {
            let fp = Fingerprint.of(parts)
            #expect(fp.count == 16)
            #expect(Fingerprint.value(fp).map { String($0, radix: 16) }.map { String(repeating: "0", count: 16 - $0.count) + $0 } == fp)
        }
        #expect(Fingerprint.value("0000000000000000") == 0)
        #expect(Fingerprint.value("ffffffffffffffff") == .max)
    }

    @Test func otherTextsHaveNone() {
        for text in ["", "abc", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg", "0123456789abcdef line 3"] {
            #expect(Fingerprint.value(text) == nil, "\(text)")
        }
    }
}
