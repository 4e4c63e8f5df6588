/// Hands a buffer to concurrent writers that write disjoint elements of it (the blocks of a
/// JSON array, the batches of a report's office sections).
struct UnsafeSendableBuffer<T: ~Copyable>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
