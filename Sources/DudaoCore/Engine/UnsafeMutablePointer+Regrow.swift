extension UnsafeMutablePointer {
    /// A new block of `size` elements whose first `count` are moved from `old` (then freed):
    /// how the plain-memory buffers of the scan and its tallies grow.
    static func regrow(_ old: UnsafeMutablePointer?, count: Int, to size: Int) -> UnsafeMutablePointer {
        let grown = UnsafeMutablePointer.allocate(capacity: size)
        if let old {
            grown.moveInitialize(from: old, count: count)
            old.deallocate()
        }
        return grown
    }
}
