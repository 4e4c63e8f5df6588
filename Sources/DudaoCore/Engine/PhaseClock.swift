#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's time goes: the wall and CPU time of each stage, read at the stage's end
/// (`dudao audit --timings`; the phase tables of docs/scaling.md). CPU time is the process's,
/// summed over its threads, so a stage on two cores shows about twice its wall time.
public struct PhaseClock: Sendable {
    /// The stages of a run, in order.
    public enum Stage: String, Sendable, CaseIterable {
        case load, scan, kept, judge, order, report

        public func title(english: Bool) -> String {
            switch self {
            case .load: english ? "load, review, compile" : "读取名册、检查、编译规则"
            case .scan: english ? "ledger scan" : "扫描台账"
            case .kept: english ? "kept tables, statistics" : "名册类记录、统计"
            case .judge: english ? "judge requirements" : "判定要求"
            case .order: english ? "order findings" : "排序发现"
            case .report: english ? "write the report" : "写出报告"
            }
        }
    }

    /// One stage and its times in seconds.
    public struct Phase: Sendable, Equatable {
        public var stage: Stage
        public var wall: Double
        public var cpu: Double
    }

    public private(set) var phases: [Phase] = []
    private var lastWall: Double
    private var lastCPU: Double

    public init() {
        (lastWall, lastCPU) = Self.now()
    }

    /// Ends `stage` here: the time since the previous lap (or the start).
    public mutating func lap(_ stage: Stage) {
        let (wall, cpu) = Self.now()
        phases.append(Phase(stage: stage, wall: wall - lastWall, cpu: cpu - lastCPU))
        (lastWall, lastCPU) = (wall, cpu)
    }

    private static func now() -> (wall: Double, cpu: Double) {
        (seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID))
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var t = timespec()
        guard clock_gettime(clock, &t) == 0 else { return 0 }
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
