/// Receives the tags and text an `XMLScanner` finds, in document order.
protocol XMLSink {
    mutating func start(_ tag: XMLTag) throws
    mutating func end(_ tag: XMLTag) throws
    /// Character data between tags, undecoded; `cdata` for a CDATA section (taken literally).
    mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws
    /// Offered each element before its start tag is tokenized (`p[i]` is its `<`, the buffer
    /// ends at `n`): a sink may take the whole element itself and return the offset just past
    /// it, or return nil to have it tokenized tag by tag.
    mutating func element(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> Int?
}

extension XMLSink {
    @inline(__always)
    mutating func element(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> Int? { nil }
}
