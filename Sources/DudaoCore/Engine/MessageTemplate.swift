/// Message templates with `{name}` placeholders, as written in rule packs.
public enum MessageTemplate {
    /// The placeholder names in a template, in order.
    public static func placeholders(in template: String) -> [String] {
        Compiled(template).placeholders
    }

    /// A template split once into literal text and placeholders, so that filling it for each
    /// of many findings walks no characters.
    public struct Compiled: Sendable {
        enum Part: Sendable {
            case literal(String)
            case placeholder(String)
        }

        let parts: [Part]

        public init(_ template: String) {
            var parts: [Part] = []
            var literal = ""
            var current: String?
            for ch in template {
                if ch == "{" {
                    if let c = current { literal += "{" + c }
                    current = ""
                } else if ch == "}", let c = current {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.placeholder(c))
                    current = nil
                } else if current != nil {
                    current!.append(ch)  // unwrap: checked non-nil on the line above
                } else {
                    literal.append(ch)
                }
            }
            if let c = current { literal += "{" + c }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            self.parts = parts
        }

        /// The placeholder names, in order.
        public var placeholders: [String] {
            parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
        }

        /// Fills the placeholders with what `value` gives for each name; unknown names stay
        /// as written.
        public func render(_ value: (String) -> String?) -> String {
            var out = ""
            for part in parts {
                switch part {
                case .literal(let text): out += text
                case .placeholder(let name): out += value(name) ?? "{\(name)}"
                }
            }
            return out
        }
    }
}
