extension Array {
    /// A copy whose storage holds its elements and little more; `self` when the room it keeps
    /// for growth is already small (under a sixteenth). Arrays grow by doubling, so one filled
    /// once and then kept for a whole run can otherwise hold twice what it needs.
    func exactlySized() -> [Element] {
        guard capacity - count > count / 16 else { return self }
        return withUnsafeBufferPointer { Array($0) }
    }
}
