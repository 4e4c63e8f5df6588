import Foundation

/// What a run is asked to do besides the pack and the data.
public struct AuditOptions: Sendable {
    public var asOf: Day
    public var parameters: [String: String]
    /// Only findings and due items of these offices (empty: all).
    public var offices: [String]
    public var exemptions: [Exemption]
    public var english: Bool
    /// Called now and then while a ledger streams (the CLI draws a progress line from it).
    public var progress: (@Sendable (ScanProgress) -> Void)?
    /// Threads for scanning ledgers; results are the same for any number.
    public var threads: Int
    /// A ledger is split for threads only into chunks at least this large (tests and the
    /// fuzzer make it small, so that small files are split too).
    public var minimumChunkBytes = 4 << 20

    public init(asOf: Day, parameters: [String: String] = [:], offices: [String] = [], exemptions: [Exemption] = [],
                english: Bool = false, progress: (@Sendable (ScanProgress) -> Void)? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.asOf = asOf
        self.parameters = parameters
        self.offices = offices
        self.exemptions = exemptions
        self.english = english
        self.progress = progress
        self.threads = threads
    }
}

/// How far the scan of one ledger file has come.
public struct ScanProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var finished: Bool
}

/// Evaluates a dataset against a pack: the library's one entry point for audits.
public enum Audit {
    public static func run(pack: Pack, dataset: Dataset, options: AuditOptions) throws(RunError) -> AuditResult {
        let run = try AuditRun(pack: pack, dataset: dataset, options: options)
        try run.loadTables()
        let known = Set(run.offices.map(\.id))
        for id in options.offices where !known.contains(id) {
            throw .unknownOffice(id: id, suggestion: suggestion(for: id, among: known.sorted()))
        }
        run.judgeRules()
        return run.result()
    }
}
