/// One kernel of the ledger path measured against a plain reference doing comparable work on
/// the same bytes in the same run, with the most the ratio may grow before the run fails.
///
/// Both closures return a checksum, so the optimiser cannot drop the work, and report how many
/// items (rows, cells, keys) they handled, so times print per item.
struct Kernel {
    /// A short name for the table (`csv-scan`, `intern-ids`, …).
    let name: String
    /// What the reference does, for the table's last column.
    let reference: String
    /// The largest `kernel time / reference time` that passes. Set with headroom over what
    /// release builds measure on 2 shared cores, so only a real regression trips it.
    let threshold: Double
    /// The kernel's work over the prepared input.
    let run: () -> (items: Int, checksum: UInt64)
    /// The reference's work over the same input.
    let baseline: () -> (items: Int, checksum: UInt64)
}
