import Testing
@testable import DudaoTable

/// Matching a cell against declared values: exact bytes, by position, whatever the lengths.
@Suite struct ValueSetTests {
    static let values = ["法律体检", "赶大集", "法律体检日", "A", "", "12345678", "123456789", "12345679"]
    let set = ValueSet(values.map { Array($0.utf8) })

    private func index(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { set.index(of: $0) }
    }

    @Test func everyValueIsFoundAtItsPosition() {
        for (i, v) in Self.values.enumerated() { #expect(index(v) == i, "\(v)") }
        #expect(set.count == Self.values.count)
    }

    @Test func nearMissesAreNotFound() {
        // Same head, other tail; a prefix; a longer text; one byte off in the head.
        for text in ["法律体验", "法律", "赶大集 ", "B", "1234567", "123456780", "12345678 ", "法律体检日日"] {
            #expect(index(text) == nil, "\(text)")
        }
    }

    @Test func yesNo() {
        let yesNo = ValueSet([Array("否".utf8), Array("是".utf8)])
        #expect(Array("是".utf8).withUnsafeBytes { yesNo.index(of: $0) } == 1)
        #expect(Array("否".utf8).withUnsafeBytes { yesNo.index(of: $0) } == 0)
        #expect(Array("是是".utf8).withUnsafeBytes { yesNo.index(of: $0) } == nil)
    }
}
