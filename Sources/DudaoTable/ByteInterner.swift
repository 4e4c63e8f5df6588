/// Gives each distinct byte string (an id, an enum cell) a dense `Int32` code, so rows can carry
/// small integers instead of Strings.
///
/// The bytes of every key are stored once, back to back, in an arena. An open-addressing table
/// (linear probing, at most half full) holds one 16-byte slot per key: its code, a 32-bit
/// fingerprint (the hash's high half, independent of the low bits that chose the slot), and
/// where its bytes are in the arena. A probe compares length and fingerprint first, so a key
/// that is not there almost never touches key bytes (a false match is one in 2^32 per slot
/// visited), and a key that is there touches its bytes once, through the slot, with no second
/// table to read on the way. Four slots share a cache line. Lookups cost the same whatever the
/// order or repetition of the keys looked up. The table doubles while keys are added (the
/// rosters, before a scan) and is then between a quarter and half full: sized to the rosters
/// for the ledger's lookups, which add nothing. Looking up allocates nothing.
public struct ByteInterner: Sendable {
    @usableFromInline var arena: [UInt8] = []
    /// Key `c` is `arena[starts[c]..<starts[c + 1]]`.
    @usableFromInline var starts: [UInt32] = [0]
    /// By slot; `code` -1 is empty. The count is a power of two.
    @usableFromInline var slots: [Slot]

    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var code: Int32
        @usableFromInline var fingerprint: UInt32
        @usableFromInline var start: UInt32
        @usableFromInline var length: UInt32

        @usableFromInline static let empty = Slot(code: -1, fingerprint: 0, start: 0, length: 0)
    }

    /// The number of distinct keys; codes are `0..<count`.
    public var count: Int { starts.count - 1 }

    public init(capacity: Int = 16) {
        slots = Array(repeating: .empty, count: Self.tableSize(for: capacity))
    }

    /// The code of `bytes` if it has been interned.
    @inlinable
    public func code(of bytes: UnsafeRawBufferPointer) -> Int32? {
        let code = slots[find(bytes, ByteInterner.hash(bytes))].code
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
        let start = UInt32(arena.count)
        arena.append(contentsOf: bytes)
        starts.append(UInt32(arena.count))
        slots[slot] = Slot(code: code, fingerprint: Self.fingerprint(hash), start: start, length: UInt32(bytes.count))
        if count * 2 > slots.count { rebuild(size: slots.count * 2) }
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
        let fingerprint = Self.fingerprint(hash)
        let length = UInt32(truncatingIfNeeded: bytes.count)
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = table[slot]
                if entry.code < 0 { return slot }
                if entry.fingerprint == fingerprint && entry.length == length
                    && arena.withUnsafeBytes({ Self.same(bytes, $0, at: Int(entry.start)) }) {
                    return slot
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Whether `key` equals the `key.count` bytes of `arena` at `start`, a word at a time: the
    /// last word is read ending at the last byte (overlapping the one before), so nothing is
    /// read past either end.
    @inlinable
    static func same(_ key: UnsafeRawBufferPointer, _ arena: UnsafeRawBufferPointer, at start: Int) -> Bool {
        let n = key.count
        guard n > 0, let a = key.baseAddress, let arenaBase = arena.baseAddress else { return true }
        let b = arenaBase + start
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i &+= 8
            }
            return a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        if n >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
        }
        // One to three bytes: the first, the middle and the last.
        return a.load(as: UInt8.self) == b.load(as: UInt8.self)
            && a.load(fromByteOffset: n >> 1, as: UInt8.self) == b.load(fromByteOffset: n >> 1, as: UInt8.self)
            && a.load(fromByteOffset: n &- 1, as: UInt8.self) == b.load(fromByteOffset: n &- 1, as: UInt8.self)
    }

    /// A table of `size` slots with every key placed again, hashed anew from the arena (each
    /// doubling rehashes the keys so far, so all doublings together hash each key about twice).
    private mutating func rebuild(size: Int) {
        let mask = size - 1
        var table = [Slot](repeating: .empty, count: size)
        arena.withUnsafeBytes { bytes in
            for c in 0..<count {
                let start = Int(starts[c]), end = Int(starts[c + 1])
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot].code >= 0 { slot = (slot &+ 1) & mask }
                table[slot] = Slot(code: Int32(c), fingerprint: Self.fingerprint(hash),
                                   start: UInt32(start), length: UInt32(end - start))
            }
        }
        slots = table
    }

    /// A power of two at least twice `keys` (at most half full), and at least 16.
    private static func tableSize(for keys: Int) -> Int {
        var size = 16
        while size < keys * 2 { size *= 2 }
        return size
    }

    /// The high half of the hash: the table places keys by the low bits, so within one probe
    /// run the fingerprints still differ.
    @inlinable
    static func fingerprint(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

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
            h = (h ^ bytes.paddedWord(at: i)) &* 0x94D0_49BB_1331_11EB
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
