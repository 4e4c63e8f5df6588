import Foundation

/// GB18030 (and GBK) text turned into UTF-8 a stretch at a time, several stretches at once on
/// all cores, so a large file never has to be one String. A stretch ends after a line feed:
/// no multi-byte GB18030 sequence holds the byte 0A, so a stretch never cuts one.
enum GB18030Transcoder {
    /// GB18030-2000 as CoreFoundation numbers it; Foundation on Linux decodes it (and GBK).
    static let encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `raw`, handing its UTF-8 to `write` stretch by stretch in order (a leading BOM
    /// dropped) and each stretch's range of `raw` to `decoded` once written. False when `raw`
    /// is not GB18030 or `write` fails. Foundation's decoder returns nil on malformed input
    /// rather than substituting U+FFFD (the tests check this); it accepts a lone 0x80 as `€`,
    /// as Windows code page 936 does.
    static func transcode(_ raw: UnsafeRawBufferPointer, stretch: Int = 8 << 20, decoded: (Range<Int>) -> Void,
                          write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard let base = raw.baseAddress else { return true }
        let text = Shared(base)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < raw.count {
            // The next few stretches, decoded at once.
            var bounds = [start]
            while bounds.count <= width, let last = bounds.last, last < raw.count {
                var end = min(last + stretch, raw.count)
                while end < raw.count, raw[end - 1] != 0x0A { end += 1 }
                bounds.append(end)
            }
            let cuts = bounds
            var texts = [String?](repeating: nil, count: bounds.count - 1)
            texts.withUnsafeMutableBufferPointer { out in
                let sink = Shared(out)
                DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { i in
                    let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: text.value + cuts[i]),
                                    count: cuts[i + 1] - cuts[i], deallocator: .none)
                    sink.value[i] = String(data: data, encoding: encoding)
                }
            }
            for (i, decodedText) in texts.enumerated() {
                guard var utf8 = decodedText else { return false }
                if bounds[i] == 0, utf8.unicodeScalars.first == "\u{FEFF}" { utf8.unicodeScalars.removeFirst() }
                guard utf8.withUTF8({ write(UnsafeRawBufferPointer($0)) }) else { return false }
                decoded(bounds[i]..<bounds[i + 1])
            }
            start = bounds[bounds.count - 1]
        }
        return true
    }
}

/// What the decoding threads share: the bytes they read, the slots they each write one of.
private struct Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
