import DudaoCore
import Foundation

/// How a district server runs: its pack, where files go, and its limits.
public struct ServerSettings: Sendable {
    public var pack: Pack
    /// The folder for stored uploads and rosters (and the runs' scratch folders).
    public var files: String
    /// The most bytes one upload may have.
    public var maxUploadBytes = 200 << 20
    /// The most bytes a zip may unpack to.
    public var maxUnpackedBytes = 1 << 30
    /// How long a session lasts after login.
    public var sessionSeconds = 8 * 3600
    /// Failed logins allowed per account, and per address, in `loginWindowSeconds`.
    public var loginFailuresPerAccount = 5
    public var loginFailuresPerAddress = 30
    public var loginWindowSeconds = 15 * 60
    /// Cookies carry `Secure` (the site is served over TLS, here or at a proxy in front).
    public var secureCookies = false
    /// bcrypt's cost for passwords changed on the site.
    public var bcryptCost: UInt8 = 12
    /// Threads per engine run.
    public var threads = 1
    /// Engine runs at a time (uploads read, checks, audits); more requests wait for a turn.
    public var concurrentRuns = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    /// The clock (seconds since 1970); tests move it.
    public var now: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }

    public init(pack: Pack, files: String) {
        self.pack = pack
        self.files = files
    }

    /// Today in the server's time zone, the default as-of date.
    var today: Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(now())))
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(rawValue: 0)
    }
}
