import Foundation

/// A reproducible random spot-check list (不定期抽查): from each office, a few ledger records
/// for the 督导检查组 to verify in person.
///
/// A record is chosen by a hash of the seed and its id (its line where it has none): the
/// records of an office with the smallest hashes are its sample. The same seed and data give
/// the same list on any machine; records added to or dropped from a ledger change another
/// record's chance of being picked only through its office's size. Only records dated on or
/// before the as-of date count.
public struct SpotCheck: Sendable, Equatable {
    /// One sampled ledger row: where it is, its id, and its cells as written.
    public struct Record: Sendable, Equatable {
        public var table: String
        public var file: String
        public var line: Int
        public var id: String?
        public var date: Day
        /// The declared columns present in the file but the id and date, with the row's text in each.
        public var columns: [String]
        public var values: [String]

        public init(table: String, file: String, line: Int, id: String?, date: Day, columns: [String], values: [String]) {
            self.table = table
            self.file = file
            self.line = line
            self.id = id
            self.date = date
            self.columns = columns
            self.values = values
        }
    }

    /// One office's sample; `id` nil for records whose office could not be told.
    public struct Office: Sendable, Equatable {
        public var id: String?
        public var name: String?
        /// How many records of the office could have been picked.
        public var population: Int
        public var records: [Record]

        public init(id: String?, name: String?, population: Int, records: [Record]) {
            self.id = id
            self.name = name
            self.population = population
            self.records = records
        }
    }

    public var seed: UInt64
    public var asOf: Day
    public var perOffice: Int
    /// The ledgers sampled, by table name.
    public var tables: [String]
    /// Roster order first, then offices only the ledgers name, then the unattributed.
    public var offices: [Office]

    public init(seed: UInt64, asOf: Day, perOffice: Int, tables: [String], offices: [Office]) {
        self.seed = seed
        self.asOf = asOf
        self.perOffice = perOffice
        self.tables = tables
        self.offices = offices
    }
}
