/// A JSON document built in code, with object keys kept in the order they were added, so the
/// same result always serializes to the same bytes.
enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already in JSON form (amounts: `800`, `12.5`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Pretty-printed with two-space indentation and a final newline.
    func serialized() -> String {
        var out = JSONWriter()
        write(to: &out)
        out.endDocument()
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func write(to out: inout JSONWriter) {
        switch self {
        case .null: out.null()
        case .bool(let b): out.bool(b)
        case .int(let i): out.int(i)
        case .number(let n): out.number(n)
        case .string(let s): out.string(s)
        case .array(let items):
            out.beginArray()
            for item in items {
                out.item()
                item.write(to: &out)
            }
            out.endArray()
        case .object(let members):
            out.beginObject()
            for (key, value) in members {
                out.key(key)
                value.write(to: &out)
            }
            out.endObject()
        }
    }
}
