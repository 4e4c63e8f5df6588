extension UnsafeRawBufferPointer {
    /// Up to eight bytes from `offset` as a little-endian integer, zero-padded past the end:
    /// a short key compared as one or two integers.
    @inlinable
    public func paddedWord(at offset: Int) -> UInt64 {
        guard let base = baseAddress, offset < count else { return 0 }
        let n = count &- offset
        if n >= 8 { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        // Four, two and one bytes as the length's bits say: no loop, no call.
        var word: UInt64 = 0
        var at = offset
        var shift: UInt64 = 0
        if n & 4 != 0 {
            word = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            at &+= 4
            shift = 32
        }
        if n & 2 != 0 {
            word |= UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt16.self))) << shift
            at &+= 2
            shift &+= 16
        }
        if n & 1 != 0 { word |= UInt64(base.load(fromByteOffset: at, as: UInt8.self)) << shift }
        return word
    }
}
