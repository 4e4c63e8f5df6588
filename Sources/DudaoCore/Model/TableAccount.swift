/// What a run did with the rows of one table, so that nothing read goes unseen:
/// `read == counted + setAside + afterAsOf`.
///
/// Blank rows are not read (they hold nothing); a row that repeats another
/// (`data.duplicate-record`) still counts, as PACK-SPEC section 3 says, and so does a row whose
/// only finding is `data.office-mismatch`.
public struct TableAccount: Hashable, Sendable {
    /// The table's name in the pack, and its file as named in the dataset.
    public var table: String
    public var file: String
    /// Rows read (blank rows left out).
    public var read = 0
    /// Valid rows dated on or before the as-of date: the rows requirements count.
    public var counted = 0
    /// Rows set aside with a finding (`data.invalid-value`, `data.unknown-reference`,
    /// `data.date-out-of-window`).
    public var setAside = 0
    /// Rows dated after the as-of date, which do not exist for the run.
    public var afterAsOf = 0
    /// The first `LongField.kept` rows whose quoted field runs over many lines, in file order.
    public var longFields: [LongField] = []
    /// How many such rows there are in all.
    public var longFieldCount = 0

    public init(table: String, file: String) {
        self.table = table
        self.file = file
    }

    /// Whether the figures add up (they always do; reporters show it, tests check it).
    public var balances: Bool { read == counted + setAside + afterAsOf }

    /// Adds the rows of a later part of the same file.
    public mutating func add(_ later: TableAccount) {
        read += later.read
        counted += later.counted
        setAside += later.setAside
        afterAsOf += later.afterAsOf
        longFieldCount += later.longFieldCount
        longFields += later.longFields.prefix(LongField.kept - longFields.count)
    }

    /// Notes a row with a long quoted field (only the first `LongField.kept` are kept).
    public mutating func note(_ field: LongField) {
        longFieldCount += 1
        if longFields.count < LongField.kept { longFields.append(field) }
    }
}

/// A quoted field that runs over more lines than a note in a cell would, or holds lines that
/// look like rows of the table: most often a stray quote that swallowed the records after it.
public struct LongField: Hashable, Sendable {
    /// How many such fields a table's account lists by place.
    public static let kept = 10
    /// A row spanning more physical lines than this is noted.
    public static let lines = 5

    /// The line the row starts on, and the field's 1-based position in the row, with the
    /// name of the pack's column read from it (nil for a column the pack does not read).
    public var line: Int
    public var field: Int
    public var column: String?
    /// The physical lines the row spans.
    public var lines: Int
    /// Lines inside the field that have as many commas as a row of the table.
    public var rowLikeLines: Int

    public init(line: Int, field: Int, column: String?, lines: Int, rowLikeLines: Int) {
        self.line = line
        self.field = field
        self.column = column
        self.lines = lines
        self.rowLikeLines = rowLikeLines
    }
}
