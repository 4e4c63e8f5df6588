extension UnsafeRawBufferPointer {
    /// Up to eight bytes from `offset` as a little-endian integer, zero-padded past the end:
    /// a short key compared as one or two integers.
    @inlinable
    public func paddedWord(at offset: Int) -> UInt64 {
        guard let base = baseAddress, offset < count else { return 0 }
        if offset &+ 8 <= count { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var word: UInt64 = 0
        for i in offset..<count { word |= UInt64(self[i]) << UInt64(8 &* (i &- offset)) }
        return word
    }
}
