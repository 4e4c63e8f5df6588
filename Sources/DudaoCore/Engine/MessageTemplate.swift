/// Message templates with `{name}` placeholders, as written in rule packs.
public enum MessageTemplate {
    /// The placeholder names in a template, in order.
    public static func placeholders(in template: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { out.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return out
    }

    /// Fills the placeholders; unknown names are left as written.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        render(template) { values[$0] }
    }

    /// Fills the placeholders with what `value` gives for each name; unknown names stay as written.
    public static func render(_ template: String, _ value: (String) -> String?) -> String {
        var out = ""
        var current: String?
        for ch in template {
            if ch == "{" {
                if let c = current { out += "{" + c }
                current = ""
            } else if ch == "}", let c = current {
                out += value(c) ?? "{\(c)}"
                current = nil
            } else if current != nil {
                current!.append(ch)
            } else {
                out.append(ch)
            }
        }
        if let c = current { out += "{" + c }
        return out
    }
}
