import Foundation

/// Draws a `SpotCheck` from a dataset: streams each ledger once, keeping per office only the
/// rows with the smallest hashes so far (memory grows with offices × sample size).
public enum SpotCheckSampler {
    /// What to draw.
    public struct Request: Sendable {
        public var asOf: Day
        public var seed: UInt64
        public var perOffice: Int
        /// Only these offices (empty: all).
        public var offices: [String]
        /// Ledgers by table name (empty: every ledger of the pack).
        public var tables: [String]
        public var english: Bool

        public init(asOf: Day, seed: UInt64, perOffice: Int, offices: [String] = [], tables: [String] = [], english: Bool = false) {
            self.asOf = asOf
            self.seed = seed
            self.perOffice = perOffice
            self.offices = offices
            self.tables = tables
            self.english = english
        }
    }

    /// A folder is read through the intake first (workbooks, folders of parts, local column
    /// names), and each record is then named where the office wrote it: `file[sheet]` and its
    /// row there, not its line in the table the intake assembled.
    public static func draw(pack: Pack, dataset: Dataset, _ request: Request) throws(RunError) -> SpotCheck {
        let dataset = try dataset.prepared(for: pack, english: request.english)
        var check = try drawPrepared(pack: pack, dataset: dataset, request)
        guard case .intake(let intake) = dataset else { return check }
        for o in check.offices.indices {
            for r in check.offices[o].records.indices {
                let record = check.offices[o].records[r]
                guard let place = intake.origins(record.table)?.place(ofLine: record.line) else { continue }
                check.offices[o].records[r].file = place.sheet.map { "\(place.file)[\($0)]" } ?? place.file
                check.offices[o].records[r].line = place.line
            }
        }
        return check
    }

    private static func drawPrepared(pack: Pack, dataset: Dataset, _ request: Request) throws(RunError) -> SpotCheck {
        let ledgers = request.tables.isEmpty ? pack.tables.filter(\.isStreamed) : request.tables.compactMap(pack.table(named:))
        var offices = OfficeDirectory(pack: pack, dataset: dataset, english: request.english)
        var drawn = Drawn(limit: request.perOffice, wanted: Set(request.offices))
        for t in ledgers { try scan(t, dataset: dataset, request: request, offices: &offices, into: &drawn) }
        let roster = try offices.roster()
        let rostered = Set(roster.map(\.id))
        var ids = roster.map(\.id) + drawn.slots.keys.compactMap { $0 }.filter { !rostered.contains($0) }.sorted()
        if !request.offices.isEmpty { ids = ids.filter(drawn.wanted.contains) }
        let names = Dictionary(roster.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out = ids.map { id in
            let kept = drawn.slots[id].map { drawn.kept[$0] }
            return SpotCheck.Office(id: id, name: names[id] ?? nil, population: kept?.population ?? 0, records: kept?.records ?? [])
        }
        if let none = drawn.slots[nil].map({ drawn.kept[$0] }) {
            out.append(SpotCheck.Office(id: nil, name: nil, population: none.population, records: none.records))
        }
        return SpotCheck(seed: request.seed, asOf: request.asOf, perOffice: request.perOffice, tables: ledgers.map(\.name), offices: out)
    }

    /// Where a row is, and its date.
    private typealias Place = (table: String, file: String, line: Int, date: Day)

    /// What has been drawn so far, office by office.
    private struct Drawn {
        let limit: Int
        let wanted: Set<String>
        var kept: [Kept] = []
        /// Each office's place in `kept` (nil: records of no office).
        var slots: [String?: Int] = [:]

        init(limit: Int, wanted: Set<String>) {
            self.limit = limit
            self.wanted = wanted
        }

        /// The slot of `office`'s records, or nil when the office was not asked for.
        mutating func slot(for office: String?) -> Int? {
            guard wanted.isEmpty || office.map(wanted.contains) == true else { return nil }
            if let s = slots[office] { return s }
            kept.append(Kept(limit: limit))
            slots[office] = kept.count - 1
            return kept.count - 1
        }
    }

    /// The rows of one office with the smallest hashes seen so far.
    private struct Kept {
        let limit: Int
        var population = 0
        /// Ascending by hash; at most `limit`.
        var best: [(hash: UInt64, record: SpotCheck.Record)] = []

        init(limit: Int) { self.limit = limit }

        /// Counts the row and keeps it if its hash is among the smallest; `texts` is asked
        /// only then, so most rows make no strings.
        mutating func offer(hash: UInt64, place: Place, texts: () -> (String?, [String], [String])) {
            population += 1
            guard limit > 0, best.count < limit || hash < best[best.count - 1].hash else { return }
            let (id, columns, values) = texts()
            let at = best.firstIndex { hash < $0.hash } ?? best.count
            best.insert((hash, SpotCheck.Record(table: place.table, file: place.file, line: place.line, id: id,
                                                date: place.date, columns: columns, values: values)), at: at)
            if best.count > limit { best.removeLast() }
        }

        /// In ledger order, as the team will look them up.
        var records: [SpotCheck.Record] { best.map(\.record).sorted { ($0.file, $0.line) < ($1.file, $1.line) } }
    }

    /// Streams one ledger, offering every row dated on or before the as-of date to its
    /// office's draw. Rows of an office come together, so the office is worked out again only
    /// when the office cell changes; no String is made for a row that is not kept, and the
    /// file's pages are given back as the scan passes them.
    private static func scan(_ t: TableSchema, dataset: Dataset, request: Request, offices: inout OfficeDirectory,
                             into drawn: inout Drawn) throws(RunError) {
        let required = [t.dateColumn, officeColumn(t)].compactMap { $0 }
        try dataset.withRows(of: t, required: required, english: request.english) { file, header, scanner, row in
            // The row's other cells as written (its id and date have fields of their own).
            let present = t.columns.filter { $0.name != t.idColumn && $0.name != t.dateColumn }
                .compactMap { c in header.column(c.name).map { (c.name, $0) } }
            // The date column is required above, so the header has it; a table without one
            // has no records dated on or before the as-of date to draw.
            guard let dateAt = t.dateColumn.flatMap(header.column) else { return }
            let idAt = t.idColumn.flatMap(header.column)
            let officeAt = officeColumn(t).flatMap(header.column)
            var lastOfficeCell: [UInt8]?
            var slot = officeAt == nil ? drawn.slot(for: nil) : nil
            var released = 0
            var rowStart = scanner.position.offset
            while try scanner.next(&row) {
                defer { rowStart = scanner.position.offset }
                if rowStart - released > 16 << 20 {
                    file.releasePages(released..<rowStart)  // pages before this row's
                    released = rowStart
                }
                if row.isBlank { continue }
                guard let day = ValueParser.day(row.field(dateAt)), day <= request.asOf else { continue }
                if let at = officeAt, lastOfficeCell.map({ !row.field(at).elementsEqual($0) }) ?? true {
                    lastOfficeCell = Array(row.field(at))
                    slot = drawn.slot(for: try offices.office(of: t, text: row.string(at)))
                }
                guard let s = slot else { continue }
                let idBytes = idAt.map { row.field($0) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
                let hash = idBytes.isEmpty ? Self.hash(seed: request.seed, table: t.name, key: "line \(row.line)")
                    : Self.hash(seed: request.seed, table: t.name, key: idBytes)
                drawn.kept[s].offer(hash: hash, place: (t.name, t.file, row.line, day)) {
                    (idBytes.isEmpty ? nil : String(decoding: idBytes, as: UTF8.self), present.map(\.0), present.map { row.string($0.1) })
                }
            }
            file.releasePages(0..<file.count)
        }
    }

    static func officeColumn(_ t: TableSchema) -> String? {
        if case .column(let name)? = t.office { return name }
        return nil
    }

    /// FNV-1a over the seed and the key, then SplitMix64's finaliser: the same on every machine.
    static func hash(seed: UInt64, table: String, key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { hash(seed: seed, table: table, key: UnsafeRawBufferPointer($0)) }
    }

    static func hash(seed: UInt64, table: String, key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<8 { h = (h ^ ((seed >> UInt64(8 * i)) & 0xFF)) &* 0x0000_0100_0000_01b3 }
        for b in table.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        var z = h
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
