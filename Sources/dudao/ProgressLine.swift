import DudaoCore
import Foundation

/// A one-line progress display on stderr for long scans: rows, MB/s and time left.
/// Silent unless stderr is a terminal and outside CI; appears only after 1.5 seconds.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()
    private let english: Bool

    init(english: Bool) { self.english = english }

    /// A progress callback, or nil where nobody would see it.
    static func callback(english: Bool) -> (@Sendable (ScanProgress) -> Void)? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, env["CI"] == nil, env["NO_PROGRESS"] == nil else { return nil }
        let line = ProgressLine(english: english)
        return { line.update($0) }
    }

    func update(_ p: ScanProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if p.finished {
            if drawn { StandardError.write("\r\u{1B}[K") }
            drawn = false
            return
        }
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1.5, now.timeIntervalSince(lastDraw) > 0.25 else { return }
        lastDraw = now
        let mb = Double(p.bytesDone) / 1_048_576
        let rate = mb / max(elapsed, 0.001)
        let left = rate > 0 ? (Double(p.bytesTotal - p.bytesDone) / 1_048_576) / rate : 0
        let rows = p.rows.formatted(.number.grouping(.automatic))
        let text = english
            ? String(format: "%@: %@ rows, %.0f MB/s, about %.0f s left", p.file, rows, rate, left)
            : String(format: "%@：%@ 行，%.0f MB/s，约剩 %.0f 秒", p.file, rows, rate, left)
        StandardError.write("\r\u{1B}[K" + text)
        drawn = true
    }
}
