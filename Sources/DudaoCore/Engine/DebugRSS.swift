import Foundation

private let debugStart = Date()

func debugRSS(_ label: String) {
    guard ProcessInfo.processInfo.environment["DUDAO_DEBUG_RSS"] != nil else { return }
    let s = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = s.split(separator: "\n").first { $0.hasPrefix("VmRSS") } ?? ""
    FileHandle.standardError.write(Data("\(String(format: "%.2f", Date().timeIntervalSince(debugStart))) \(label): \(line)\n".utf8))
}
