import Testing
@testable import DudaoCore

/// The parallel ledger scan must give exactly what one thread gives: same findings (lines,
/// messages, details, fingerprints) and due items, for any number of chunks, also when a
/// split falls inside a quoted field or duplicates lie in different chunks.
struct ParallelScanTests {
    /// ~600 activity rows with duplicates far apart, a triple copy, quoted fields that span
    /// lines (LF and CRLF inside quotes), bad values and rows after the as-of date.
    static let fixture = make(multiline: true)
    /// The same without fields that span lines, so no split can fall inside a quoted field
    /// and the chunks are always merged (never rescanned as one).
    static let singleLineFixture = make(multiline: false)

    static func make(multiline: Bool) -> Fixture {
        Fixture(["activities.csv": rows(multiline: multiline), "contacts.csv": ["P1,C1,联系点,2022-01-01,", "P2,S2,法律顾问,2022-01-01,"]])
    }

    static func rows(multiline: Bool) -> [String] {
        let types = ["法律咨询", "接访", "纠纷调处", "法律事务", "法律建议", "赶大集", "法制课", "法律体检"]
        var rows: [String] = []
        for i in 0..<600 {
            let month = 5 + i % 10, year = month > 12 ? 2023 : 2022
            let m = month > 12 ? month - 12 : month
            let date = i % 3 == 0 ? "\(year)-\(m)-\(1 + i % 28)" : i % 3 == 1 ? "\(year)/\(m)/\(1 + i % 28)" : "\(year)年\(m)月\(1 + i % 28)日"
            let type = types[i % types.count]
            let object = ["E1", "C1", "S1", "C2", ""][i % 5]
            let note = !multiline ? "\"备注，\"\"\(i)\"\"\"" : i % 7 == 0 ? "\"第一行\n第二行，含逗号\"" : i % 11 == 0 ? "\"回车\r\n换行 \"\"引号\"\"\"" : "备注\(i)"
            let fee = i % 13 == 0 ? "-5" : i % 17 == 0 ? "30" : ""
            let outcome = i % 19 == 0 ? "" : "已办结"
            rows.append("A\(i),\(date),O1,P1,\(type),\(object),合同审查,是,\(fee),\(outcome),\(note)")
        }
        rows.append(rows[10].replacingOccurrences(of: "A10,", with: "A10b,"))   // a far duplicate
        rows.insert(rows[250].replacingOccurrences(of: "A250,", with: "A250b,"), at: 400)
        rows.append(rows[250].replacingOccurrences(of: "A250,", with: "A250c,"))  // a third copy
        rows.append("A999,2022/2/30,O1,P9,法律咨询,C1,,是,abc,,")                  // bad date, unknown practitioner
        rows.append("A998,2024-01-01,O1,P1,法律咨询,C1,,是,50,,")                  // after as-of
        return rows
    }

    func run(threads: Int, chunk: Int, asOf: String = "2023-04-30", fixture: Fixture = fixture) throws -> AuditResult {
        var options = AuditOptions(asOf: day(asOf), threads: threads)
        options.minimumChunkBytes = chunk
        return try Audit.run(pack: TestPack.everyRule.load(), dataset: fixture.dataset(), options: options)
    }

    @Test(arguments: [true, false], [(2, 4096), (3, 2000), (7, 500), (16, 64)])
    func sameAsOneThread(multiline: Bool, split: (threads: Int, chunk: Int)) throws {
        let fixture = multiline ? Self.fixture : Self.singleLineFixture
        let one = try run(threads: 1, chunk: 1 << 30, fixture: fixture)
        let many = try run(threads: split.threads, chunk: split.chunk, fixture: fixture)
        #expect(one.findings.count > 20)
        #expect(one.findings.contains { $0.rule == "data.duplicate-record" && $0.subject.id == "A250c" })
        #expect(many.findings == one.findings)
        #expect(many.due == one.due)
        #expect(many.tables == one.tables)
        #expect(one.tables.allSatisfy { $0.balances })
    }

    @Test func sameAsOneThreadWhileRunning() throws {
        let one = try run(threads: 1, chunk: 1 << 30, asOf: "2022-10-15")
        let many = try run(threads: 5, chunk: 300, asOf: "2022-10-15")
        #expect(many.findings == one.findings)
        #expect(many.due == one.due)
    }

    @Test func aCopyInALaterChunkPointsAtTheFirstRow() throws {
        let result = try run(threads: 4, chunk: 500, fixture: Self.singleLineFixture)
        func firstOf(_ id: String) -> DetailValue? {
            result.findings("data.duplicate-record").first { $0.subject.id == id }?.details.first { $0.key == "duplicateOf" }?.value
        }
        #expect(firstOf("A250b") != nil)
        #expect(firstOf("A250b") == firstOf("A250c"))
        guard case .int(let first)? = firstOf("A10b"),
              let line = result.findings("data.duplicate-record").first(where: { $0.subject.id == "A10b" })?.subject.line else {
            Issue.record("A10b is not reported as a duplicate")
            return
        }
        #expect(first < 30 && line > 600)
    }

    /// Duplicates are found by line and read again from the row start before them (every
    /// 32nd row); the lines must be the physical lines, counted here independently.
    @Test(arguments: [(1, 1 << 30), (4, 500)])
    func duplicatesAreReadBackOnTheirPhysicalLines(split: (threads: Int, chunk: Int)) throws {
        let rows = Self.rows(multiline: true)
        var lineOf: [String: Int] = [:]
        var line = 2
        for row in rows {
            lineOf[String(row.prefix { $0 != "," })] = line
            line += row.unicodeScalars.filter { $0 == "\n" }.count + 1   // a CRLF inside quotes is one line end
        }
        let result = try run(threads: split.threads, chunk: split.chunk)
        let found = result.findings("data.duplicate-record")
        // Row i repeats the key of row i - 280 (the fixture's cycles meet again), and the three copies.
        #expect(Set(found.compactMap(\.subject.id)) == Set((280..<600).map { "A\($0)" } + ["A10b", "A250b", "A250c"]))
        #expect(found.count == 323)
        for f in found { #expect(f.subject.line == lineOf[f.subject.id ?? ""]) }
        for (copy, original) in [("A10b", "A10"), ("A250b", "A250"), ("A250c", "A250")] {
            let f = found.first { $0.subject.id == copy }
            #expect(f?.subject.line == lineOf[copy])
            #expect(f?.detail("duplicateOf") == .int(lineOf[original]!))
        }
    }

    /// A duplicate is read again into a small buffer that grows: rows far longer than it,
    /// between two checkpoints and after the last one (read to the end of the file).
    @Test(arguments: [(1, 1 << 30), (3, 2000)])
    func longDuplicatesAreReadBackWhole(split: (threads: Int, chunk: Int)) throws {
        let long = String(repeating: "很长的备注", count: 2000)   // 30,000 bytes
        func row(_ id: String, _ day: Int, note: String) -> String {
            "\(id),2022-\(6 + day / 28)-\(1 + day % 28),O1,P1,法律咨询,C1,合同审查,是,,已办结,\(note)"
        }
        var rows = [row("L1", 0, note: long), row("L2", 1, note: "\"\(long)\n\(long)\"")]
        rows += (2..<72).map { row("F\($0)", $0, note: "备注\($0)") }
        rows.append(row("L1b", 0, note: long))                          // between two checkpoints
        rows += (72..<102).map { row("F\($0)", $0, note: "备注\($0)") }
        rows.append(row("L2b", 1, note: "\"\(long)\n\(long)\""))  // after the last checkpoint
        let fixture = Fixture(["activities.csv": rows])
        let result = try run(threads: split.threads, chunk: split.chunk, fixture: fixture)
        let found = result.findings("data.duplicate-record")
        #expect(found.map(\.subject.id) == ["L1b", "L2b"])
        #expect(found.map(\.subject.line) == [75, 106])
        #expect(found.map { $0.detail("duplicateOf") } == [.int(2), .int(3)])
    }

    @Test func checkpointsFindTheStretchAroundALine() {
        var c = LedgerCheckpoints()
        #expect(c.stretch(around: 5) == nil)
        for (offset, line) in [(10, 2), (400, 34), (800, 70)] { c.append(CSVRowStart(offset: offset, line: line)) }
        #expect(c.stretch(around: 1) == nil)
        for (line, start, end) in [(2, 10, 400), (33, 10, 400), (34, 400, 800), (69, 400, 800)] {
            #expect(c.stretch(around: line)?.start.offset == start && c.stretch(around: line)?.end == end, "line \(line)")
        }
        // After the last checkpoint the stretch runs to the end of the file.
        #expect(c.stretch(around: 70)?.start.offset == 800 && c.stretch(around: 70)?.end == nil)
        #expect(c.stretch(around: 10_000)?.start.offset == 800 && c.stretch(around: 10_000)?.end == nil)
    }

    @Test func chunkBoundsFallAfterLineEnds() {
        let text = Array("h\r\na,b\r\nc,d\ne,f\rg,h\n".utf8)
        text.withUnsafeBytes { bytes in
            let bounds = LedgerLayout.chunkBounds(bytes, from: 3, parts: 4)
            #expect(bounds.first == 3 && bounds.last == text.count)
            for b in bounds.dropFirst().dropLast() {
                #expect(text[b - 1] == 0x0A || (text[b - 1] == 0x0D && text[b] != 0x0A))
            }
        }
    }
}
