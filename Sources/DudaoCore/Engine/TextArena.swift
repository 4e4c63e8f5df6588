/// Texts stored back to back in one byte array and found by their end offsets, so a roster
/// of hundreds of thousands of rows keeps its cell texts in two allocations instead of one
/// `String` (for longer texts, a heap object) per cell. Strings are made only when asked for.
struct TextArena {
    private var bytes: [UInt8] = []
    /// Text `i` is `bytes[ends[i - 1]..<ends[i]]`, the first starting at 0.
    private var ends: [UInt32] = []

    /// Adds a copy of `text`'s bytes as the next text.
    mutating func append(_ text: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: text)
        precondition(bytes.count <= Int(UInt32.max), "TextArena is full")
        ends.append(UInt32(bytes.count))
    }

    /// Gives back the room kept for growth.
    mutating func shrinkToFit() {
        bytes = bytes.exactlySized()
        ends = ends.exactlySized()
    }

    /// The bytes of text `i`, valid only inside `body`.
    func withBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        let end = Int(ends[i])
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Text `i` as a `String`.
    subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }
}
