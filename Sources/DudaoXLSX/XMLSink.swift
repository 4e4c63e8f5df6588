/// Receives the tags and text an `XMLScanner` finds, in document order.
protocol XMLSink {
    mutating func start(_ tag: XMLTag) throws
    mutating func end(_ tag: XMLTag) throws
    /// Character data between tags, undecoded; `cdata` for a CDATA section (taken literally).
    mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws
}
