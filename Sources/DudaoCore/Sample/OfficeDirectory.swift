import Foundation

/// The office of a ledger row from its office column's text, read as `OfficeAttribution`
/// reads the pack (as the engine does): an office id, or a key of a roster whose own rows name
/// their office (a practitioner, say). Rosters are read once, as needed, into key → office maps.
struct OfficeDirectory {
    let pack: Pack
    let dataset: Dataset
    let english: Bool
    private let attribution: OfficeAttribution
    private var officesByKey: [String: [String: String]] = [:]

    init(pack: Pack, dataset: Dataset, english: Bool) {
        self.pack = pack
        self.dataset = dataset
        self.english = english
        attribution = OfficeAttribution(pack: pack)
    }

    /// The office named by `text` in `t`'s office column; nil when it names none.
    mutating func office(of t: TableSchema, text: String) throws(RunError) -> String? {
        try office(of: t, text: text, depth: 0)
    }

    private mutating func office(of t: TableSchema, text: String, depth: Int) throws(RunError) -> String? {
        guard !text.isEmpty, depth < pack.tables.count else { return nil }
        let targets: [String]
        switch attribution.way(of: t.name) {
        case .officeID?: return text
        case .via(_, let rosters)?: targets = rosters
        case .assignments?, nil: return nil
        }
        for target in targets {
            guard let r = pack.table(named: target) else { continue }
            if officesByKey[target] == nil { officesByKey[target] = try keyOffices(r, depth: depth + 1) }
            if let office = officesByKey[target]?[text] { return office }
        }
        return nil
    }

    /// Each key of roster `r` with its row's office (the first row of a key counts).
    private mutating func keyOffices(_ r: TableSchema, depth: Int) throws(RunError) -> [String: String] {
        guard let key = r.key, let officeName = SpotCheckSampler.officeColumn(r) else { return [:] }
        var out: [String: String] = [:]
        for row in try rows(r, columns: [key, officeName]) where out[row[0]] == nil && !row[0].isEmpty {
            if let office = try office(of: r, text: row[1], depth: depth) { out[row[0]] = office }
        }
        return out
    }

    /// The office roster's offices, in file order, with their names.
    func roster() throws(RunError) -> [(id: String, name: String?)] {
        guard let t = pack.table(named: pack.attribution.officeTable), let key = t.key else { return [] }
        var seen = Set<String>()
        var out: [(id: String, name: String?)] = []
        for row in try rows(t, columns: [key] + (t.nameColumn.map { [$0] } ?? [])) where !row[0].isEmpty && seen.insert(row[0]).inserted {
            out.append((row[0], row.count > 1 ? row[1] : nil))
        }
        return out
    }

    /// The texts of `columns` in every row of `t`.
    private func rows(_ t: TableSchema, columns: [String]) throws(RunError) -> [[String]] {
        var out: [[String]] = []
        try dataset.withRows(of: t, required: columns, english: english) { _, header, scanner, row in
            let at = columns.compactMap(header.column)
            while try scanner.next(&row) {
                if !row.isBlank { out.append(at.map { row.string($0) }) }
            }
        }
        return out
    }
}
