/// Decodes the cells of one table's rows from bytes into `RowValues`, and finds the
/// data-quality problems a row carries on its own: bad values, missing required values,
/// unknown references and failed row checks.
final class RowDecoder {
    /// The per-row facts of one column, plain values only, so reading one costs no reference
    /// counting on the hot path.
    struct Column {
        var schemaIndex: Int
        var header: Int
        var type: ColumnSchema.ValueType
        var optional: Bool
        var defaultCell: Cell?
        var referenceInvalidates: Bool
        var codes: CodeMode
    }

    /// What a column needs only now and then: declared values, conditions, reference targets.
    struct ColumnRules {
        var enumBytes: [[UInt8]]
        var requiredWhen: CompiledCondition?
        var references: [Int]
        var referenceWhen: CompiledCondition?
    }

    /// How an id or text cell gets its code.
    enum CodeMode {
        /// Added to the id space (rows kept in memory, whose keys others reference).
        case intern
        /// Looked up in the id space (streamed rows: unknown values get -1).
        case lookup
        /// Nothing compares the value: only whether it is empty matters.
        case presence
    }

    let table: TableSchema
    let tableIndex: Int
    let columns: [Column]
    let rules: [ColumnRules]
    let checks: [(when: CompiledCondition?, require: CompiledCondition, field: Int)]

    init(table: TableSchema, tableIndex: Int, columns: [Column], rules: [ColumnRules],
         checks: [(when: CompiledCondition?, require: CompiledCondition, field: Int)]) {
        self.table = table
        self.tableIndex = tableIndex
        self.columns = columns
        self.rules = rules
        self.checks = checks
    }

    static let yes = Array("是".utf8)
    static let no = Array("否".utf8)

    /// Decodes the row's cells (no checks yet).
    func decode(_ row: CSVRow, into values: inout RowValues, ids: inout IdSpace) {
        values.reset(line: row.line)
        columns.withUnsafeBufferPointer { cols in
            for i in cols.indices {
                let bytes = row.field(cols[i].header)
                values.cells[cols[i].schemaIndex] = bytes.isEmpty ? (cols[i].defaultCell ?? .empty)
                    : cols[i].type == .enumeration ? enumCell(bytes, i) : Self.parse(bytes, cols[i], ids: &ids)
            }
        }
    }

    static func parse(_ bytes: UnsafeRawBufferPointer, _ c: Column, ids: inout IdSpace) -> Cell {
        switch c.type {
        case .id, .text:
            switch c.codes {
            case .intern: return .of(Int64(ids.interner.intern(bytes)))
            case .lookup: return .of(ids.interner.code(of: bytes).map(Int64.init) ?? -1)
            case .presence: return .of(-1)
            }
        case .date:
            return ValueParser.day(bytes).map { .of(Int64($0.rawValue)) } ?? .invalid
        case .amount:
            return ValueParser.amount(bytes).map { .of($0.micros) } ?? .invalid
        case .integer:
            guard bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .invalid }
            return .of(bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) })
        case .yesNo:
            if ValueParser.bytesEqual(bytes, yes) { return .of(1) }
            if ValueParser.bytesEqual(bytes, no) { return .of(0) }
            return .invalid
        case .enumeration:
            return .invalid  // enum cells are decoded by `enumCell`, which knows the declared values
        }
    }

    private func enumCell(_ bytes: UnsafeRawBufferPointer, _ column: Int) -> Cell {
        let values = rules[column].enumBytes
        for i in values.indices where ValueParser.bytesEqual(bytes, values[i]) { return .of(Int64(i)) }
        return .invalid
    }

    /// Decodes a default value written in the pack.
    static func parse(text: String, _ c: Column, enumValues: [String], ids: inout IdSpace) -> Cell {
        if c.type == .enumeration { return enumValues.firstIndex(of: text).map { .of(Int64($0)) } ?? .invalid }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { p in parse(UnsafeRawBufferPointer(p), c, ids: &ids) }
    }

    /// Fills `values.invalid` and `values.unknown` (references need the rosters loaded).
    func check(_ values: inout RowValues, context: EvaluationContext) {
        for i in columns.indices {
            let index = columns[i].schemaIndex
            let cell = values.cells[index]
            switch cell.state {
            case .invalid:
                values.invalid.append(index)
            case .empty:
                if !columns[i].optional { values.invalid.append(index) }
                else if let rw = rules[i].requiredWhen, rw.evaluate(values, context) { values.invalid.append(index) }
            case .value:
                guard columns[i].type == .id || columns[i].type == .text, columns[i].codes != .presence,
                      !rules[i].references.isEmpty else { continue }
                if let w = rules[i].referenceWhen, !w.evaluate(values, context) { continue }
                var known = false
                for t in rules[i].references where context.ids.row(of: cell.value, in: t) != nil {
                    known = true
                    break
                }
                if !known {
                    values.unknown.append(index)
                    if columns[i].referenceInvalidates { values.unknownInvalidates = true }
                }
            }
        }
        for check in checks {
            if values.invalid.contains(check.field) || values.unknown.contains(check.field) { continue }
            if let w = check.when, !w.evaluate(values, context) { continue }
            if !check.require.evaluate(values, context) {
                values.invalid.append(check.field)
            }
        }
        if values.invalid.count > 1 { values.invalid.sort() }
    }
}
