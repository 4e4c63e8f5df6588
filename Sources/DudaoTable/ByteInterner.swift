import Foundation

/// Gives each distinct byte string (an id, an enum cell) a dense `Int32` code, so rows can carry
/// small integers instead of Strings.
///
/// The bytes of every key are stored once, back to back, in an arena; an open-addressing table
/// (linear probing, at most half full) holds codes, each with the low half of its key's hash to
/// skip most byte comparisons and to grow without rehashing keys. Looking up allocates nothing.
public struct ByteInterner: Sendable {
    @usableFromInline var arena: [UInt8] = []
    /// Key `c` is `arena[starts[c]..<starts[c + 1]]`.
    @usableFromInline var starts: [UInt32] = [0]
    /// Codes by slot (-1 is empty), each with the low half of its key's hash so a probe
    /// usually decides without touching the key. The count is a power of two.
    @usableFromInline var slots: [Slot]

    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var code: Int32
        @usableFromInline var hash: UInt32
    }

    /// The number of distinct keys; codes are `0..<count`.
    public var count: Int { starts.count - 1 }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(code: -1, hash: 0), count: size)
    }

    /// The code of `bytes` if it has been interned.
    @inlinable
    public func code(of bytes: UnsafeRawBufferPointer) -> Int32? {
        let hash = ByteInterner.hash(bytes)
        let code = slots[find(bytes, hash)].code
        return code < 0 ? nil : code
    }

    /// The code of `bytes`, giving it the next code if it is new.
    @discardableResult
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = ByteInterner.hash(bytes)
        let slot = find(bytes, hash)
        if slots[slot].code >= 0 { return slots[slot].code }
        precondition(count < Int(Int32.max) && arena.count + bytes.count <= Int(UInt32.max), "ByteInterner is full")
        let code = Int32(count)
        arena.append(contentsOf: bytes)
        starts.append(UInt32(arena.count))
        slots[slot] = Slot(code: code, hash: UInt32(truncatingIfNeeded: hash))
        if count * 2 > slots.count { grow() }
        return code
    }

    /// The code of `text`'s UTF-8, giving it the next code if it is new (values named in rules).
    @discardableResult
    public mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The key of `code` as a String.
    public func string(_ code: Int32) -> String {
        let c = Int(code)
        return String(decoding: arena[Int(starts[c])..<Int(starts[c + 1])], as: UTF8.self)
    }

    /// The slot holding `bytes`, or the empty slot where it would go.
    @inlinable
    func find(_ bytes: UnsafeRawBufferPointer, _ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let low = UInt32(truncatingIfNeeded: hash)
        while true {
            let entry = slots[slot]
            if entry.code < 0 { return slot }
            if entry.hash == low && equals(Int(entry.code), bytes) { return slot }
            slot = (slot &+ 1) & mask
        }
    }

    @inlinable
    func equals(_ c: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = Int(starts[c])
        guard Int(starts[c + 1]) - start == bytes.count else { return false }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }  // unwrap: the arena holds this entry, so it is not empty
    }

    private mutating func grow() {
        let size = slots.count * 2
        let mask = size - 1
        var grown = [Slot](repeating: Slot(code: -1, hash: 0), count: size)
        // Codes fit in Int32, so the table never has more than 2^32 slots and the low half of
        // the hash is all that places a key.
        for entry in slots where entry.code >= 0 {
            var slot = Int(entry.hash) & mask
            while grown[slot].code >= 0 { slot = (slot &+ 1) & mask }
            grown[slot] = entry
        }
        slots = grown
    }

    /// A fast 64-bit hash: eight bytes at a time, multiply-xorshift mixing, and the SplitMix64
    /// finaliser so the low bits used by the table depend on every byte.
    @inlinable
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress else { return finalize(h) }
        var i = 0
        while i &+ 8 <= n {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i &+= 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift &+= 8
                i &+= 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return finalize(h)
    }

    @inlinable
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
