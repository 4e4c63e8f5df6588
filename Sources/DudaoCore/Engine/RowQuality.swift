/// The data-quality findings of one table's rows, from the table's declarations (PACK-SPEC
/// section 5).
struct RowQuality {
    let plan: TablePlan
    let builder: FindingBuilder

    var english: Bool { builder.english }

    /// Reports the row's data-quality findings; true when the row is valid and counts.
    func check(_ values: inout RowValues, source: RowSource, duplicates: DuplicateLog?, into sink: inout [Finding]) -> Bool {
        let ti = plan.index
        var valid = values.invalid.isEmpty && !values.unknownInvalidates
        var texts: [String]?
        func text() -> [String] {
            if let texts { return texts }
            texts = source.texts
            return texts!  // unwrap: assigned on the line above
        }
        if !values.invalid.isEmpty {
            let t = plan.schema
            let names = values.invalid.map { t.columns[$0].name }
            let shown = values.invalid.map { c -> String in
                let v = text()[c]
                if english { return v.isEmpty ? "\(t.columns[c].name) (empty)" : "\(t.columns[c].name) '\(v)'" }
                return v.isEmpty ? "\(t.columns[c].name)（空）" : "\(t.columns[c].name)“\(v)”"
            }
            let message = english ? "invalid or missing value: \(shown.joined(separator: ", "))"
                : "取值无效或缺失：\(shown.joined(separator: "，"))"
            builder.addRecordFinding(.invalidValue, table: ti, values: values, texts: text(), message: message,
                             details: [("fields", .texts(names))], into: &sink)
        }
        if !values.unknown.isEmpty {
            let t = plan.schema
            let names = values.unknown.map { t.columns[$0].name }
            let shown = values.unknown.map { c -> String in
                // Rosters by title in Chinese, by table name in English (as `dudao explain` does).
                let targets = t.columns[c].references?.tables.compactMap { english ? $0 : builder.pack.table(named: $0)?.title } ?? []
                let v = text()[c]
                return english ? "\(t.columns[c].name) '\(v)' is in none of: \(targets.joined(separator: ", "))"
                    : "\(t.columns[c].name)“\(v)”不在\(targets.joined(separator: "、"))中"
            }
            builder.addRecordFinding(.unknownReference, table: ti, values: values, texts: text(),
                             message: shown.joined(separator: english ? "; " : "；"), details: [("fields", .texts(names))], into: &sink)
        }
        if let span = plan.window, let dc = plan.dateColumn, values.cells[dc].hasValue {
            let day = Day(rawValue: Int32(values.cells[dc].value))
            if !span.range.contains(day) {
                valid = false
                let message = english ? "dated \(day.iso), outside \(PeriodText.describe(span, english: true))"
                    : "日期\(day.chinese)不在\(PeriodText.describe(span, english: false))（\(span.start.chinese)至\(span.end.chinese)）内"
                builder.addRecordFinding(.dateOutOfWindow, table: ti, values: values, texts: text(), message: message,
                                 details: [("date", .text(day.iso))], into: &sink)
            }
        }
        if let problem = consistencyProblem(values) { reportInconsistency(problem, values, text(), into: &sink) }
        duplicates?.add(values, source: source)
        return valid
    }

    /// `data.office-mismatch`: whether the row disagrees with the roster row it references
    /// (checked on every row, so it reads plain arrays only).
    private func consistencyProblem(_ values: borrowing RowValues) -> (code: Int, mismatch: Bool, outside: Bool)? {
        guard let refCol = plan.consistencyColumn else { return nil }
        let ref = values.cells[refCol]
        guard ref.hasValue, ref.value >= 0, ref.value < Int64(plan.codes) else { return nil }
        let code = Int(ref.value)
        guard plan.entityTable[code] >= 0 else { return nil }
        var mismatch = false
        for k in 0..<plan.sameCount {
            let mine = plan.sameMine[k]
            let cell = values.cells[mine]
            if cell.hasValue, !values.unknown.contains(mine), cell != plan.sameCells[code * plan.sameCount + k] { mismatch = true }
        }
        var outside = false
        if plan.dateWithinActive, let dc = plan.dateColumn, values.cells[dc].hasValue {
            let day = Int32(values.cells[dc].value)
            outside = day < plan.activeStart[code] || day > plan.activeEnd[code]
        }
        return mismatch || outside ? (code, mismatch, outside) : nil
    }

    /// Reports a `consistencyProblem`.
    private func reportInconsistency(_ problem: (code: Int, mismatch: Bool, outside: Bool), _ values: RowValues,
                                     _ texts: [String], into sink: inout [Finding]) {
        let (code, mismatch, outside) = problem
        guard let refCol = plan.consistencyColumn, let c = plan.schema.consistency,
              let otherTable = builder.rosters.tables[Int(plan.entityTable[code])] else { return }
        let other = otherTable.rows[Int(plan.entityRow[code])]
        let t = plan.schema, rt = builder.pack.tables[Int(plan.entityTable[code])]
        let sameName = c.same.first ?? ""
        let mineText = t.columnIndex(sameName).map { texts[$0] } ?? ""
        let theirsText = rt.columnIndex(sameName).map { other.texts[$0] } ?? ""
        var parts: [String] = []
        if mismatch {
            parts.append(english ? "\(sameName) is \(mineText), but \(c.reference) \(texts[refCol]) belongs to \(theirsText) in the roster"
                         : "\(sameName)为\(mineText)，但\(c.reference) \(texts[refCol]) 在名册中属于\(theirsText)")
        }
        if outside {
            parts.append(english ? "dated outside the active interval of \(c.reference) \(texts[refCol])"
                         : "日期不在\(c.reference) \(texts[refCol]) 的执业（有效）期间内")
        }
        builder.addRecordFinding(.officeMismatch, table: plan.index, values: values, texts: texts,
                         message: parts.joined(separator: english ? "; " : "；"),
                         expected: .text(theirsText), actual: .text(mineText),
                         details: [("outsideActiveInterval", .bool(outside))], into: &sink)
    }

    /// `data.duplicate-record` for a row repeating the row on line `first`.
    /// `duplicateOf` is the earlier row's line (or row) in its own file; the message names
    /// that file too when it is another part of the table.
    func addDuplicateFinding(_ values: RowValues, texts: [String], first: Int, into sink: inout [Finding]) {
        let earlier = builder.place(table: plan.index, line: first)
        let mine = builder.place(table: plan.index, line: values.line)
        let elsewhere = earlier.file != mine.file || earlier.sheet != mine.sheet
        let shown = elsewhere ? RecordPlace.file(earlier.file, sheet: earlier.sheet) : nil
        builder.addRecordFinding(.duplicateRecord, table: plan.index, values: values, texts: texts,
                         message: duplicateMessage(first: earlier.line, in: shown),
                         details: [("duplicateOf", .int(earlier.line))], into: &sink)
    }

    func duplicateMessage(first: Int, in file: String? = nil) -> String {
        let columns = plan.schema.duplicates
        if let file {
            return english ? "repeats the record on line \(first) of \(file) (\(columns.joined(separator: ", ")))"
                : "与 \(file) 第\(first)行记录重复（\(columns.joined(separator: "、"))相同）"
        }
        return english ? "repeats the record on line \(first) (\(columns.joined(separator: ", ")))"
            : "与第\(first)行记录重复（\(columns.joined(separator: "、"))相同）"
    }
}
