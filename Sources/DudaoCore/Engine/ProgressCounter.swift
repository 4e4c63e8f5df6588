import Foundation

/// Rows and bytes read so far across the workers of a scan, for the progress callback.
final class ProgressCounter: @unchecked Sendable {  // its counts change under `lock` only
    private let lock = NSLock()
    private var rows = 0
    private var bytes = 0
    let total: Int
    let file: String
    let report: @Sendable (ScanProgress) -> Void

    init(file: String, total: Int, report: @escaping @Sendable (ScanProgress) -> Void) {
        self.file = file
        self.total = total
        self.report = report
    }

    func add(rows r: Int, bytes b: Int) {
        lock.lock()
        rows += r
        bytes += b
        let p = ScanProgress(file: file, rows: rows, bytesDone: bytes, bytesTotal: total, finished: false)
        lock.unlock()
        report(p)
    }

    func finish() {
        report(ScanProgress(file: file, rows: rows, bytesDone: total, bytesTotal: total, finished: true))
    }
}
