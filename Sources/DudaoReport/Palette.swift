import DudaoCore

/// ANSI colours for terminal text, or none at all when colour is off.
struct Palette {
    var enabled: Bool

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: paint(text, "31")
        case .warning: paint(text, "33")
        case .info: paint(text, "36")
        }
    }

    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }
}
