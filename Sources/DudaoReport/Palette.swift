import DudaoCore

/// The one set of ANSI colours for terminal text (reports, lint, rule tests), or none at all
/// when colour is off.
struct Palette {
    var enabled: Bool

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: error(text)
        case .warning: warning(text)
        case .info: paint(text, "36")
        }
    }

    func error(_ text: String) -> String { paint(text, "31") }
    func warning(_ text: String) -> String { paint(text, "33") }
    func success(_ text: String) -> String { paint(text, "32") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }
}
