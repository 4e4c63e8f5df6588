/// Decoding of XML character data: the five entities, numeric references, line-end
/// normalisation and, in cell text, Excel's `_xHHHH_` escapes.
enum XMLText {
    /// Appends `bytes` decoded to `out`. Unknown entities are kept as written.
    static func append(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8], underscoreEscapes: Bool) {
        let n = bytes.count
        guard n > 0 else { return }
        var i = 0
        var plain = 0
        func flush(_ upTo: Int) {
            if upTo > plain { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[plain..<upTo])) }
        }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "&") {
                guard let semicolon = (i + 1..<min(n, i + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                    i += 1
                    continue
                }
                let name = UnsafeRawBufferPointer(rebasing: bytes[(i + 1)..<semicolon])
                if let scalar = entity(name) {
                    flush(i)
                    appendScalar(scalar, to: &out)
                    i = semicolon + 1
                    plain = i
                } else {
                    i += 1
                }
            } else if b == UInt8(ascii: "\r") {
                flush(i)
                out.append(UInt8(ascii: "\n"))
                i += (i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n")) ? 2 : 1
                plain = i
            } else if underscoreEscapes && b == UInt8(ascii: "_") && i + 6 < n && bytes[i + 1] == UInt8(ascii: "x")
                        && bytes[i + 6] == UInt8(ascii: "_"),
                      let code = hex(UnsafeRawBufferPointer(rebasing: bytes[(i + 2)..<(i + 6)])),
                      let scalar = Unicode.Scalar(code) {
                flush(i)
                appendScalar(scalar, to: &out)
                i += 7
                plain = i
            } else {
                i += 1
            }
        }
        flush(n)
    }

    private static func entity(_ name: UnsafeRawBufferPointer) -> Unicode.Scalar? {
        switch Array(name) {
        case Array("amp".utf8): return "&"
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default:
            guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
            let code: UInt32?
            if name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X") {
                code = hex(UnsafeRawBufferPointer(rebasing: name[2...]))
            } else {
                code = decimal(UnsafeRawBufferPointer(rebasing: name[1...]))
            }
            return code.flatMap(Unicode.Scalar.init)
        }
    }

    private static func hex(_ digits: UnsafeRawBufferPointer) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(d - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }

    private static func decimal(_ digits: UnsafeRawBufferPointer) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 7 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard d &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + UInt32(d - UInt8(ascii: "0"))
        }
        return value
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// A non-negative decimal integer of at most 18 digits, surrounding blanks allowed.
    static func integer(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var n = raw.count
        while i < n && raw[i] <= 0x20 { i += 1 }
        while n > i && raw[n - 1] <= 0x20 { n -= 1 }
        guard i < n, n - i <= 18 else { return nil }
        var value = 0
        while i < n {
            let d = raw[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
            i += 1
        }
        return value
    }
}
