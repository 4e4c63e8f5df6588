/// How a district spells its ids, as Strings for the rosters and as bytes for the ledger's
/// hot loop. `standard` pads every number to one width per table (`P0000007`, `E00000012`);
/// `wide` writes them unpadded (`P7`, `C12`) and gives enterprises an 18-character
/// 统一社会信用代码, so ids differ in length within and across tables. Ids never collide
/// across tables (PACK-SPEC makes them unique district-wide), and the unknown ids planted as
/// broken references name nothing in any roster.
struct DistrictIds {
    private let padded: Bool
    /// The `wide` profile's credit codes, `codeLength` bytes each, made once for the ledger.
    private let creditCodes: [UInt8]
    private static let codeLength = 18

    init(profile: GeneratorProfile, enterprises: Int) {
        padded = profile == .standard
        creditCodes = padded ? [] : (0..<enterprises).flatMap(Self.creditCode)
    }

    /// Characters of a 统一社会信用代码 (digits and capitals without I, O, S, V, Z).
    private static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    func office(_ o: Int) -> String { "SO" + number(o + 1, 5) }
    func practitioner(_ p: Int) -> String { "P" + number(p + 1, 7) }
    func street(_ s: Int) -> String { "S" + number(s + 1, 4) }
    func community(_ c: Int) -> String { "C" + number(c + 1, 7) }
    func enterprise(_ e: Int) -> String {
        padded ? "E" + number(e + 1, 8) : String(decoding: Self.creditCode(e), as: UTF8.self)
    }

    /// Ids that name nothing: numbers start at 1 in `wide`, and `standard` stays below 10^5 offices.
    var unknownOffice: String { padded ? "SO99999" : "SO0" }
    var unknownPractitioner: String { padded ? "P9999999" : "P0" }
    var unknownStreet: String { padded ? "S9999" : "S0" }
    var unknownObject: String { padded ? "X0000001" : "X0" }

    private func number(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        guard padded, digits.count < width else { return digits }
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// `91`, a six-digit region, then ten characters that spell a scrambled `e`: the scramble
    /// is a bijection on 40 bits and 31^10 > 2^40, so distinct enterprises get distinct codes.
    static func creditCode(_ e: Int) -> [UInt8] {
        var code: [UInt8] = Array("913301".utf8)
        let region = (e / 997) % 100
        code.append(UInt8(48 + region / 10))
        code.append(UInt8(48 + region % 10))
        let mask: UInt64 = (1 << 40) - 1
        var x = UInt64(e) & mask
        x = (x &* 0x9E37_79B9_7F) & mask  // odd multiplier: invertible modulo 2^40
        x ^= x >> 21
        var tail = [UInt8](repeating: 0, count: 10)
        for i in stride(from: 9, through: 0, by: -1) {
            tail[i] = Self.creditAlphabet[Int(x % 31)]
            x /= 31
        }
        code.append(contentsOf: tail)
        return code
    }

    // MARK: bytes for the ledger

    @inline(__always)
    func writeOffice(_ o: Int, to sink: inout ByteSink) {
        sink.append(UInt8(ascii: "S"))
        sink.append(UInt8(ascii: "O"))
        sink.append(decimal: o + 1, width: padded ? 5 : 1)
    }

    @inline(__always)
    func writePractitioner(_ p: Int, to sink: inout ByteSink) {
        sink.append(UInt8(ascii: "P"))
        sink.append(decimal: p + 1, width: padded ? 7 : 1)
    }

    @inline(__always)
    func writeStreet(_ s: Int, to sink: inout ByteSink) {
        sink.append(UInt8(ascii: "S"))
        sink.append(decimal: s + 1, width: padded ? 4 : 1)
    }

    @inline(__always)
    func writeCommunity(_ c: Int, to sink: inout ByteSink) {
        sink.append(UInt8(ascii: "C"))
        sink.append(decimal: c + 1, width: padded ? 7 : 1)
    }

    @inline(__always)
    func writeEnterprise(_ e: Int, to sink: inout ByteSink) {
        if padded {
            sink.append(UInt8(ascii: "E"))
            sink.append(decimal: e + 1, width: 8)
        } else {
            creditCodes.withUnsafeBufferPointer { codes in
                sink.append(UnsafeBufferPointer(rebasing: codes[(e * Self.codeLength)..<((e + 1) * Self.codeLength)]))
            }
        }
    }

    @inline(__always)
    func writeRecord(practitioner p: Int, sequence: Int, to sink: inout ByteSink) {
        sink.append(UInt8(ascii: "R"))
        if padded {
            sink.append(decimal: p, width: 7)
            sink.append(decimal: sequence, width: 4)
        } else {
            sink.append(decimal: p)
            sink.append(UInt8(ascii: "-"))
            sink.append(decimal: sequence)
        }
    }
}
