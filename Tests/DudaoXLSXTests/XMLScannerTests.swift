import Testing
@testable import DudaoXLSX

@Suite struct XMLScannerTests {
    /// Records every event as text, so that two feedings can be compared.
    struct Recorder: XMLSink {
        var events: [String] = []

        mutating func start(_ tag: XMLTag) throws {
            let name = String(decoding: UnsafeBufferPointer(start: tag.base + tag.nameStart, count: tag.nameLength), as: UTF8.self)
            events.append("<\(name) r=\(tag.string("r") ?? "-") id=\(tag.string("id") ?? "-")\(tag.isSelfClosing ? "/" : "")>")
        }

        mutating func end(_ tag: XMLTag) throws {
            events.append("</\(String(decoding: UnsafeBufferPointer(start: tag.base + tag.nameStart, count: tag.nameLength), as: UTF8.self))>")
        }

        mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {
            var out: [UInt8] = []
            if cdata { out = Array(bytes) } else { XMLText.append(bytes, to: &out, underscoreEscapes: true) }
            if let last = events.last, last.hasPrefix("text:") {
                events[events.count - 1] += String(decoding: out, as: UTF8.self)
            } else {
                events.append("text:" + String(decoding: out, as: UTF8.self))
            }
        }
    }

    static let xml = """
        <?xml version="1.0"?><!-- a > comment --><x:root xmlns:r="ns" r:id='a>b'>\
        <row r="1"><c r="A1">x &amp; y &lt;&#x4E2D;&#25991;&gt; _x0041_ &bogus; a&amp</c><c r="B1"/></row>\
        <t><![CDATA[<not a tag>]]></t>line\r\nend\r</x:root>
        """

    static func events(chunk: Int) throws -> [String] {
        var sink = Recorder()
        var scanner = XMLScanner()
        let bytes = Array(xml.utf8)
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + chunk)
            try bytes[i..<end].withUnsafeBytes { try scanner.feed($0, into: &sink) }
            i = end
        }
        try scanner.finish()
        return sink.events
    }

    @Test func tokensEntitiesCDATAAndLineEnds() throws {
        #expect(try Self.events(chunk: 1 << 20) == [
            "<root r=- id=a>b>",
            "<row r=1 id=->", "<c r=A1 id=->", "text:x & y <中文> A &bogus; a&amp", "</c>", "<c r=B1 id=-/>", "</row>",
            "<t r=- id=->", "text:<not a tag>", "</t>", "text:line\nend\n", "</root>",
        ])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 16, 64])
    func anyChunkingGivesTheSameEvents(chunk: Int) throws {
        #expect(try Self.events(chunk: chunk) == Self.events(chunk: 1 << 20))
    }

    /// Tokens longer than the part of the next chunk first taken to complete them
    /// (`XMLScanner.carryStep`), straddling chunk ends anywhere.
    @Test(arguments: [4095, 4096, 5000, 8192, 20_000])
    func longTokensAcrossChunksGiveTheSameEvents(chunk: Int) throws {
        var xml = "<root>"
        for i in 0..<40 {
            let long = String(repeating: "字", count: 500 * i)
            xml += #"<row r="\#(i)" id="\#(long)">\#(long)&amp;</row><c r="A\#(i)"/>"#
        }
        xml += "</root>"
        func events(_ chunk: Int) throws -> [String] {
            var sink = Recorder()
            var scanner = XMLScanner()
            let bytes = Array(xml.utf8)
            var i = 0
            while i < bytes.count {
                let end = min(bytes.count, i + chunk)
                try bytes[i..<end].withUnsafeBytes { try scanner.feed($0, into: &sink) }
                i = end
            }
            try scanner.finish()
            return sink.events
        }
        let whole = try events(1 << 22)
        #expect(whole.count == 40 * 4 + 2)
        #expect(try events(chunk) == whole)
    }

    @Test func aTruncatedPartAndADoctypeAreProblems() throws {
        var sink = Recorder()
        var scanner = XMLScanner()
        try Array("<a><b c=\"1".utf8).withUnsafeBytes { try scanner.feed($0, into: &sink) }
        #expect(throws: XMLProblem.self) { try scanner.finish() }
        var other = XMLScanner()
        #expect(throws: XMLProblem.self) {
            try Array("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>".utf8).withUnsafeBytes { try other.feed($0, into: &sink) }
        }
    }
}
