import DudaoCore
import DudaoTable
import Foundation

/// The `--timings` table: each stage's wall and CPU time, then the total, aligned for a
/// terminal. CPU above wall means the stage ran on several cores.
struct PhaseTable {
    let phases: [PhaseClock.Phase]
    let english: Bool

    init(_ phases: [PhaseClock.Phase], english: Bool) {
        self.phases = phases
        self.english = english
    }

    var text: String {
        let rows = phases.map { ($0.stage.title(english: english), $0.wall, $0.cpu) }
            + [(english ? "total" : "合计", phases.reduce(0) { $0 + $1.wall }, phases.reduce(0) { $0 + $1.cpu })]
        let width = rows.map { $0.0.displayWidth }.max() ?? 0
        let head = english ? "stage" : "阶段"
        var out = pad(head, width) + "  " + right(english ? "wall" : "墙钟", 10) + "  " + right("CPU", 10) + "\n"
        for (title, wall, cpu) in rows {
            out += pad(title, width) + String(format: "  %8.3f s  %8.3f s\n", wall, cpu)
        }
        return out
    }

    private func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.displayWidth)) + text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.displayWidth))
    }
}
