import Dispatch

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
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func indent(_ n: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: n))
    }

    /// A member of a document written item by item: a value, or an array whose items are
    /// made one at a time, so a large report never exists as one tree.
    enum StreamedMember {
        case value(JSONValue)
        /// Items are made concurrently, so `item` must only read.
        case array(count: Int, item: @Sendable (Int) -> JSONValue)
    }

    /// The same bytes as `.object(members).serialized()`, with arrays made item by item.
    static func serializedObject(_ members: [(String, StreamedMember)]) -> String {
        var all: [UInt8] = []
        writeObject(members) { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    /// Writes the object in pieces of about a megabyte to `emit`.
    static func writeObject(_ members: [(String, StreamedMember)], emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        func flushIfFull() {
            if out.count >= 1 << 20 {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        append("{\n", to: &out)
        for (i, (key, member)) in members.enumerated() {
            indent(2, &out)
            writeQuoted(key, to: &out)
            append(": ", to: &out)
            switch member {
            case .value(let v):
                v.write(to: &out, indent: 2)
            case .array(let count, let item):
                if count == 0 {
                    append("[]", to: &out)
                } else {
                    append("[\n", to: &out)
                    // Items are rendered in blocks on all cores, and written in order.
                    let block = 4096
                    var next = 0
                    while next < count {
                        let blocks = min(8, (count - next + block - 1) / block)
                        var pieces = [[UInt8]](repeating: [], count: blocks)
                        let from = next
                        pieces.withUnsafeMutableBufferPointer { buffer in
                            let sink = UnsafeSendableBuffer(buffer)
                            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                                var piece: [UInt8] = []
                                for j in (from + b * block)..<min(from + (b + 1) * block, count) {
                                    indent(4, &piece)
                                    item(j).write(to: &piece, indent: 4)
                                    j == count - 1 ? append("\n", to: &piece) : append(",\n", to: &piece)
                                }
                                sink.buffer[b] = piece
                            }
                        }
                        for piece in pieces {
                            out += piece
                            flushIfFull()
                        }
                        next = min(from + blocks * block, count)
                    }
                    indent(2, &out)
                    out.append(UInt8(ascii: "]"))
                }
            }
            i == members.count - 1 ? append("\n", to: &out) : append(",\n", to: &out)
        }
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        emit(out)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case .bool(let b): b ? JSONValue.append("true", to: &out) : JSONValue.append("false", to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): JSONValue.writeQuoted(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else { JSONValue.append("[]", to: &out); return }
            JSONValue.append("[\n", to: &out)
            for (i, item) in items.enumerated() {
                JSONValue.indent(indent + 2, &out)
                item.write(to: &out, indent: indent + 2)
                i == items.count - 1 ? JSONValue.append("\n", to: &out) : JSONValue.append(",\n", to: &out)
            }
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { JSONValue.append("{}", to: &out); return }
            JSONValue.append("{\n", to: &out)
            for (i, (key, value)) in members.enumerated() {
                JSONValue.indent(indent + 2, &out)
                JSONValue.writeQuoted(key, to: &out)
                JSONValue.append(": ", to: &out)
                value.write(to: &out, indent: indent + 2)
                i == members.count - 1 ? JSONValue.append("\n", to: &out) : JSONValue.append(",\n", to: &out)
            }
            JSONValue.indent(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8259 string escaping over UTF-8 bytes; everything outside the control range stays as UTF-8.
    private static func writeQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x0D: append("\\r", to: &out)
            case 0x09: append("\\t", to: &out)
            case 0x08: append("\\b", to: &out)
            case 0x0C: append("\\f", to: &out)
            case 0x00...0x1F:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00", to: &out)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    init(_ text: String?) {
        self = text.map { .string($0) } ?? .null
    }
}

/// Hands a buffer to concurrent renderers that write disjoint elements of it.
struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
