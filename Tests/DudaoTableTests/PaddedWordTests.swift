import Testing
import DudaoTable

/// `paddedWord(at:)` reads up to eight bytes as an integer, zeros past the end, for every
/// remaining length (the 4-2-1 loads must line up).
@Suite struct PaddedWordTests {
    @Test func everyLengthAndOffset() {
        let bytes: [UInt8] = (0..<20).map { UInt8(truncatingIfNeeded: 0x11 * ($0 + 1)) }
        for count in 0...bytes.count {
            bytes.withUnsafeBytes { all in
                let buffer = UnsafeRawBufferPointer(rebasing: all[0..<count])
                for offset in 0...(count + 1) {
                    var expected: UInt64 = 0
                    for i in 0..<8 where offset + i < count { expected |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
                    #expect(buffer.paddedWord(at: offset) == expected, "count \(count) offset \(offset)")
                }
            }
        }
    }
}
