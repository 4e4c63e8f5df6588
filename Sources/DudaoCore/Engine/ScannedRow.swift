/// The row a scanner fills, kept where a `RowSource` can refer to it without copying.
///
/// The row lives in memory this object owns (allocated and initialized at `init`,
/// deinitialized and freed at `deinit`), so the scan loop fills it through a pointer: an
/// `inout` access to a stored class property would be checked for exclusivity on every row.
/// Used by one thread at a time: the worker that made it.
final class ScannedRow {
    private let storage: UnsafeMutablePointer<CSVRow>
    let decoder: RowDecoder

    init(decoder: RowDecoder) {
        self.decoder = decoder
        storage = .allocate(capacity: 1)
        storage.initialize(to: CSVRow())
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The row, to fill or read.
    var row: UnsafeMutablePointer<CSVRow> { storage }
}
