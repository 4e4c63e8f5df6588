import DudaoYAML

/// Turns the YAML files of a pack into a `Pack`, reporting every problem at once.
public enum PackLoader {
    /// The pack, or all its problems (errors and warnings) when any is an error.
    public static func load(_ source: PackSource) -> (pack: Pack?, diagnostics: [Diagnostic]) {
        let reader = PackReader()
        var decoder = PackDecoder(reader: reader)
        var unparsed = false
        for file in source.files {
            do {
                // A repeated key is reported where it stands; the rest of its file is still read,
                // so one slip in the tables does not turn every rule's table into an unknown one.
                let document = try YAMLLoader.loadKeepingFirstKeys(file.bytes, file: file.path)
                for duplicate in document.duplicateKeys { reader.report(duplicate.mark, .yaml(duplicate)) }
                guard let root = document.root else { continue }
                decoder.file(root, path: file.path)
            } catch {
                reader.report(error.mark, .yaml(error))
                unparsed = true
            }
        }
        var pack = decoder.finish(location: source.location, files: source.files.map(\.path), unparsed: unparsed)
        if pack != nil, let sourceFile = decoder.sourceFile {
            if !PackValidator.staysInside(sourceFile) {
                reader.report(decoder.sourceFileMark ?? .init(file: source.location, line: 1, column: 1),
                              .outsideFolder(path: sourceFile, packFolder: true))
            } else if let text = source.attachments[sourceFile] {
                pack?.sourceText = String(decoding: text, as: UTF8.self)
                pack?.sourceFilePath = source.location.hasSuffix("/") ? source.location + sourceFile : source.location + "/" + sourceFile
            } else {
                reader.report(decoder.sourceFileMark ?? .init(file: source.location, line: 1, column: 1),
                              .unreadable(path: sourceFile))
            }
        }
        if let p = pack {
            PackValidator(pack: p, reader: reader, declared: decoder.seen, testedRules: decoder.testedRules,
                          testReferences: decoder.testReferences).validate(brokenRules: decoder.brokenRules)
        }
        let diagnostics = reader.diagnostics.sorted()
        if diagnostics.contains(where: { $0.level == .error }) { return (nil, diagnostics) }
        return (pack, diagnostics)
    }
}

/// Decodes the sections of each file; sections from all files are merged.
struct PackDecoder {
    let reader: PackReader
    var header: (id: String, title: String, titleEN: String?, version: Int, document: String?, attribution: Attribution, mark: Mark)?
    var sourceFile: String?
    var sourceFileMark: Mark?
    var parameters: [Parameter] = []
    var periods: [PeriodDefinition] = []
    var tables: [TableSchema] = []
    var rules: [Rule] = []
    var statistics: [Statistic] = []
    var tests: [PackTestCase] = []
    var plan: PlanMap?
    var seen: [String: [String: Mark]] = [:]
    /// Rules, tables and parameters named by test cases, where each name is written.
    var testReferences: [NameUse] = []
    /// Rules named by test cases, including cases that are themselves invalid.
    var testedRules: Set<String> = []
    /// A `pack` section was written, even if it was invalid.
    var packKeySeen = false
    /// Rules with a broken title, severity or message: left out of the pack, but validated.
    var brokenRules: [Rule] = []

    init(reader: PackReader) { self.reader = reader }

    mutating func claim(_ kind: String, _ name: String, _ mark: Mark) -> Bool {
        if let first = seen[kind]?[name] {
            reader.report(mark, .duplicateName(kind: kind, name: name, first: first))
            return false
        }
        seen[kind, default: [:]][name] = mark
        return true
    }

    mutating func file(_ root: YAMLNode, path: String) {
        guard let f = reader.fields(root, PackSchema.file) else { return }
        if let n = f["pack"] {
            packKeySeen = true
            packHeader(n)
        }
        if let n = f["parameters"] {
            for e in reader.entries(n, context: "parameters") where claim("parameter", e.name, e.mark) {
                if let p = parameter(e.name, e.value) { parameters.append(p) }
            }
        }
        if let n = f["periods"] {
            for e in reader.entries(n, context: "periods") where claim("period", e.name, e.mark) {
                if let p = period(e.name, e.value) { periods.append(p) }
            }
        }
        if let n = f["tables"] {
            for e in reader.entries(n, context: "tables") where claim("table", e.name, e.mark) {
                if let t = table(e.name, e.value, mark: e.mark) { tables.append(t) }
            }
        }
        if let items = f.list("rules") {
            for item in items {
                if let r = rule(item, file: path) { rules.append(r) }
            }
        }
        if let items = f.list("statistics") {
            for item in items {
                if let s = statistic(item) { statistics.append(s) }
            }
        }
        if let n = f["plan"] { planSection(n) }
        if let items = f.list("tests") {
            for item in items {
                if let t = testCase(item) { tests.append(t) }
            }
        }
    }

    private mutating func testCase(_ node: YAMLNode) -> PackTestCase? {
        guard let f = reader.fields(node, PackSchema.testCase) else { return nil }
        if let n = f["rule"], let names = n.scalar.map({ [$0] }) ?? n.sequence?.compactMap(\.scalar) {
            testedRules.formUnion(names)
        }
        guard let name = f.string("name") else { return nil }
        guard claim("test", name, f.mark("name")) else { return nil }
        guard let asOfText = f.string("as_of") else { return nil }
        guard let asOf = Day(iso: asOfText) else {
            reader.report(f.mark("as_of"), .invalidDate(value: asOfText))
            return nil
        }
        var uses: [NameUse] = []
        if let n = f["rule"] {
            for (r, m) in n.scalar.map({ [($0, n.mark)] }) ?? n.sequence?.compactMap({ i in i.scalar.map { ($0, i.mark) } }) ?? [] {
                uses.append(NameUse(kind: "rule", name: r, mark: m))
            }
        }
        var params: [String: String] = [:]
        if let p = f["params"] {
            for e in reader.entries(p, context: "params") {
                uses.append(NameUse(kind: "parameter", name: e.name, mark: e.mark))
                if let v = reader.scalar(e.value, context: "params.\(e.name)") { params[e.name] = v }
            }
        }
        var data: [String: String] = [:]
        if let d = f["data"] {
            for e in reader.entries(d, context: "data") {
                uses.append(NameUse(kind: "table", name: e.name, mark: e.mark))
                if let v = reader.scalar(e.value, context: "data.\(e.name)") { data[e.name] = v }
            }
        }
        var findings: [PackTestCase.Expected] = [], due: [PackTestCase.Expected] = []
        if let e = f["expect"], let ef = reader.fields(e, PackSchema.testExpectation) {
            for (key, isDue) in [("findings", false), ("due", true)] {
                for item in ef.list(key) ?? [] {
                    guard let xf = reader.fields(item, PackSchema.expectedItem), let rule = xf.string("rule") else { continue }
                    uses.append(NameUse(kind: "rule", name: rule, mark: xf.mark("rule")))
                    let x = PackTestCase.Expected(rule: rule, subject: xf.string("subject"), period: xf.string("period"), line: item.mark.line)
                    if let p = x.period, Day(iso: p) == nil { reader.report(xf.mark("period"), .invalidDate(value: p)) }
                    if isDue { due.append(x) } else { findings.append(x) }
                }
            }
        }
        testReferences += uses
        return PackTestCase(name: name, rules: f.strings("rule")?.map(\.0) ?? [], asOf: asOf, parameters: params,
                            data: data, findings: findings, due: due, mark: node.mark)
    }

    /// The pack, when its header was read. A missing header is reported only when no file
    /// has a `pack` section and every file parsed: a broken header, or a file that failed to
    /// parse (the header may be in it), has already been reported.
    func finish(location: String, files: [String], unparsed: Bool = false) -> Pack? {
        guard let h = header else {
            if unparsed || packKeySeen { return nil }
            reader.report(.init(file: files.first ?? location, line: 1, column: 1), .missingKey(key: "pack", context: "规则包"))
            return nil
        }
        return Pack(id: h.id, title: h.title, titleEN: h.titleEN, version: h.version, sourceDocument: h.document,
                    sourceText: nil, plan: plan, attribution: h.attribution, parameters: parameters, periods: periods,
                    tables: tables, rules: rules, statistics: statistics, tests: tests, files: files)
    }

    // MARK: sections

    private mutating func packHeader(_ node: YAMLNode) {
        guard let f = reader.fields(node, PackSchema.pack) else { return }
        if let first = header?.mark {
            reader.report(node.mark, .duplicateName(kind: "pack", name: "pack", first: first))
            return
        }
        var document: String?
        if let s = f["source"], let sf = reader.fields(s, PackSchema.source) {
            document = sf.string("document")
            sourceFile = sf.string("file")
            sourceFileMark = sf.has("file") ? sf.mark("file") : nil
        }
        var attribution: Attribution?
        if let a = f["attribution"], let af = reader.fields(a, PackSchema.attribution),
           let offices = af.string("offices"), let street = af.string("street") {
            attribution = Attribution(officeTable: offices, streetColumn: street)
        }
        guard let id = f.string("id"), let title = f.string("title"), let attribution else { return }
        header = (id, title, f.string("title_en"), f.integer("version") ?? 1, document, attribution, node.mark)
    }

    private func parameter(_ name: String, _ node: YAMLNode) -> Parameter? {
        guard let f = reader.fields(node, PackSchema.parameter), let type = f.choice("type"),
              let def = f.string("default") else { return nil }
        let kind: Parameter.Kind
        switch type {
        case "date":
            if let d = Day(iso: def) {
                if !PackLimits.allows(d) {
                    reader.report(f.mark("default"), .outOfRange(context: "参数 \(name) 的默认值", value: def,
                                                                 lowest: "\(PackLimits.years.lowerBound)-01-01",
                                                                 highest: "\(PackLimits.years.upperBound)-12-31"))
                }
            } else {
                reader.report(f.mark("default"), .invalidDate(value: def))
            }
            kind = .date
        case "integer":
            if let n = Int(def) {
                if !PackLimits.count.contains(n) {
                    reader.report(f.mark("default"), .outOfRange(context: "参数 \(name) 的默认值", value: def,
                                                                 lowest: "\(PackLimits.count.lowerBound)",
                                                                 highest: "\(PackLimits.count.upperBound)"))
                }
            } else {
                reader.report(f.mark("default"), .wrongType(context: "参数 \(name) 的默认值", expected: "整数", found: "“\(def)”"))
            }
            kind = .integer
        default:
            let values = f.strings("values")?.map(\.0) ?? []
            if values.isEmpty { reader.report(node.mark, .missingKey(key: "values", context: "enum 参数 \(name)")) }
            if !values.isEmpty, !values.contains(def) {
                reader.report(f.mark("default"), .invalidValue(context: "参数 \(name)", value: def, expected: values,
                                                               suggestion: suggestion(for: def, among: values)))
            }
            kind = .choice(values)
        }
        return Parameter(name: name, kind: kind, defaultValue: def, title: f.string("title"), mark: node.mark)
    }

    private func period(_ name: String, _ node: YAMLNode) -> PeriodDefinition? {
        guard let f = reader.fields(node, PackSchema.period), let title = f.string("title") else { return nil }
        let shape: PeriodDefinition.Shape
        if let s = f["start"] {
            guard let end = f["end"] else {
                reader.report(node.mark, .missingKey(key: "end", context: "期间 \(name)"))
                return nil
            }
            guard let a = value(s), let b = value(end) else { return nil }
            shape = .span(start: a, end: b)
        } else if let list = f.strings("each") {
            shape = .each(list.map(\.0))
        } else if let of = f.string("months") {
            shape = .months(of: of)
        } else if let of = f.string("quarters") {
            shape = .quarters(of: of, align: f["align"].flatMap { value($0) })
        } else if let within = f.string("check_date") {
            shape = .checkDate(within: within)
        } else {
            return nil
        }
        return PeriodDefinition(name: name, title: title, titleEN: f.string("title_en"), label: f.string("label"), shape: shape, mark: node.mark)
    }

    private mutating func table(_ name: String, _ node: YAMLNode, mark: Mark) -> TableSchema? {
        guard let f = reader.fields(node, PackSchema.table), let title = f.string("title"),
              let file = f.string("file"), let colsNode = f["columns"] else { return nil }
        var columns: [ColumnSchema] = []
        for e in reader.entries(colsNode, context: "columns") where claim("column", "\(name).\(e.name)", e.mark) {
            if let c = column(e.name, e.value, mark: e.mark) { columns.append(c) }
        }
        var office: OfficeSource?
        if let o = f["office"] {
            if let s = o.scalar {
                office = .column(s)
            } else if let of = reader.fields(o, PackSchema.officeAssignments),
                      let t = of.string("assignments"), let st = of.string("street") {
                office = .assignments(table: t, street: st)
            }
        }
        var active: ActiveInterval?
        if let a = f["active"], let af = reader.fields(a, PackSchema.active),
           let from = af.string("from"), let to = af.string("to") {
            active = ActiveInterval(from: from, to: to, within: af.string("within"))
        }
        var assignment: AssignmentColumns?
        if let a = f["assignment"], let af = reader.fields(a, PackSchema.assignment),
           let holder = af.string("holder"), let object = af.string("object") {
            assignment = AssignmentColumns(holder: holder, object: object)
        }
        var checks: [RowCheck] = []
        for item in f.list("checks") ?? [] {
            guard let cf = reader.fields(item, PackSchema.check), let t = cf.string("title"),
                  let reqNode = cf["require"], let req = condition(reqNode) else { continue }
            checks.append(RowCheck(title: t, when: cf["when"].flatMap { condition($0) }, require: req, mark: item.mark))
        }
        var consistency: Consistency?
        if let c = f["consistency"], let cf = reader.fields(c, PackSchema.consistency), let ref = cf.string("reference") {
            consistency = Consistency(reference: ref, same: cf.strings("same")?.map(\.0) ?? [],
                                      dateWithinActive: cf.boolean("date_within_active") ?? false, mark: c.mark)
        }
        return TableSchema(name: name, title: title, file: file, entity: f.string("entity"), key: f.string("key"),
                           nameColumn: f.string("name"), idColumn: f.string("id"), dateColumn: f.string("date"),
                           window: f.string("window"), office: office, active: active, assignment: assignment,
                           columns: columns, checks: checks, duplicates: f.strings("duplicates")?.map(\.0) ?? [],
                           consistency: consistency, mark: mark,
                           marks: f.values.mapValues(\.mark))
    }

    private func column(_ name: String, _ node: YAMLNode, mark: Mark) -> ColumnSchema? {
        guard let f = reader.fields(node, PackSchema.column), let typeName = f.choice("type"),
              let type = ColumnSchema.ValueType(rawValue: typeName) else { return nil }
        let values = f.strings("values")?.map(\.0) ?? []
        if type == .enumeration, values.isEmpty {
            reader.report(node.mark, .missingKey(key: "values", context: "enum 列 \(name)"))
        }
        // The default is checked here, where its own position is known (the column's name is
        // lines away in a block mapping).
        let defaultValue = f.string("default")
        if let d = defaultValue {
            let at = f.mark("default")
            switch type {
            case .amount where ValueParser.amount(d) == nil,
                 .integer where Int(d) == nil:
                reader.report(at, .wrongType(context: "列 \(name) 的 default", expected: type.rawValue, found: "“\(d)”"))
            case .yesNo where d != "是" && d != "否":
                reader.report(at, .invalidValue(context: "列 \(name) 的 default", value: d, expected: ["是", "否"], suggestion: nil))
            case .enumeration where !values.isEmpty && !values.contains(d):
                reader.report(at, .valueNotInEnum(column: name, value: d, suggestion: suggestion(for: d, among: values)))
            default: break
            }
        }
        var reference: Reference?
        if let r = f["references"] {
            if r.mapping != nil {
                if let rf = reader.fields(r, PackSchema.reference), let tables = rf.strings("tables") {
                    reference = Reference(tables: tables.map(\.0), when: rf["when"].flatMap { condition($0) },
                                          invalidatesRow: rf.boolean("invalidates_row") ?? true, mark: r.mark)
                }
            } else if let tables = reader.scalars(r, context: "列 \(name) 的 references") {
                reference = Reference(tables: tables.map(\.0), when: nil, invalidatesRow: true, mark: r.mark)
            }
        }
        return ColumnSchema(name: name, type: type, values: values, optional: f.boolean("optional") ?? false,
                            requiredWhen: f["required_when"].flatMap { condition($0) },
                            defaultValue: defaultValue, references: reference,
                            aliases: f.strings("aliases")?.map(\.0) ?? [], mark: mark)
    }

    /// A rule; every part is decoded (and its problems reported) even when another part is
    /// broken, so one structural error does not hide the rule's other mistakes.
    private mutating func rule(_ node: YAMLNode, file: String) -> Rule? {
        guard let f = reader.fields(node, PackSchema.rule), let id = f.string("id") else { return nil }
        guard claim("rule", id, f.mark("id")) else { return nil }
        let title = f.string("title"), message = f.string("message")
        let severity = f.choice("severity").flatMap(Severity.init(rawValue:))
        guard let kindName = f.choice("kind"), let kindType = RuleKinds.named(kindName) else { return nil }
        let needed = kindType.fields.filter(\.required).map(\.key)
        for key in needed where !f.has(key) {
            reader.report(node.mark, .missingKey(key: key, context: "\(kindName) 规则 \(id)"))
        }
        let others = Set(RuleKinds.fields.map(\.key)).subtracting(kindType.fields.map(\.key))
        for key in others.sorted() where f.has(key) {
            reader.report(f.keyMarks[key] ?? node.mark, .unknownKey(key: key, context: "\(kindName) 规则 \(id)", suggestion: nil))
        }
        var marks = f.values.mapValues(\.mark)
        for key in ["count", "records"] {
            guard let sub = f.values[key]?.mapping else { continue }
            for pair in sub { if let k = pair.key.scalar { marks["\(key).\(k)"] = pair.value.mark } }
        }
        guard let kind = kindType.decode(f, decoder: self) else { return nil }
        let rule = Rule(id: id, title: title ?? "", titleEN: f.string("title_en"), severity: severity ?? .error, clause: f.string("clause"),
                        quote: f.string("quote"), message: message ?? "", messageEN: f.string("message_en"),
                        remedy: f.string("remedy"), remedyEN: f.string("remedy_en"), kind: kind,
                        file: file, mark: node.mark, marks: marks)
        guard title != nil, message != nil, severity != nil else {
            // Broken, but its other parts are still checked against the pack.
            brokenRules.append(rule)
            return nil
        }
        return rule
    }

    func subjects(_ node: YAMLNode) -> SubjectSelection? {
        guard let f = reader.fields(node, PackSchema.subjects) else { return nil }
        let named = f.has("table") ? f.strings("table") : f.strings("tables")
        let tables = named?.map(\.0) ?? []
        var cover: AssignmentCover?
        if let a = f["assignments"], let af = reader.fields(a, PackSchema.assignmentCover),
           let t = af.string("table"), let c = af.choice("cover"), let kind = AssignmentCover.Cover(rawValue: c) {
            cover = AssignmentCover(table: t, filter: af["where"].flatMap { condition($0) }, cover: kind)
        }
        return SubjectSelection(tables: tables, tableMarks: named?.map(\.1) ?? [], filter: f["where"].flatMap { condition($0) },
                                activeEveryDay: f.choice("active") == "every_day", assignments: cover,
                                assignmentsMark: f["assignments"]?.mark)
    }

    // MARK: conditions and values

    func condition(_ node: YAMLNode) -> Condition? {
        guard let f = reader.fields(node, PackSchema.condition) else { return nil }
        let ops = PackSchema.operators.filter { f.has($0) }
        if let items = f.list("all") {
            rejectOperators(ops, f)
            return .all(items.compactMap { condition($0) })
        }
        if let items = f.list("any") {
            rejectOperators(ops, f)
            return .any(items.compactMap { condition($0) })
        }
        if let n = f["not"] {
            rejectOperators(ops, f)
            return condition(n).map { .not($0) }
        }
        guard let field = f.string("field") else { return nil }
        guard ops.count == 1, let op = ops.first else {
            let mark = ops.dropFirst().first.flatMap { f.keyMarks[$0] } ?? node.mark
            reader.report(mark, .exclusiveKeys(context: "条件（field: \(field)）", keys: PackSchema.operators))
            return nil
        }
        let mark = ConditionMarks(field: f.mark("field"), op: f.keyMarks[op] ?? node.mark)
        switch op {
        case "in", "not_in":
            guard let items = f.list(op) else { return nil }
            return .oneOf(field: field, values: items.compactMap { value($0) }, negated: op == "not_in", mark: mark)
        case "empty":
            guard let b = f.boolean("empty") else { return nil }
            return .isEmpty(field: field, expected: b, mark: mark)
        case "in_table":
            guard let tables = f.strings("in_table") else { return nil }
            return .inTable(field: field, tables: tables.map(\.0), mark: mark)
        default:
            guard let n = f[op], let v = value(n), let cmp = Condition.Comparison(rawValue: op) else { return nil }
            return .compare(field: field, op: cmp, value: v, mark: mark)
        }
    }

    private func rejectOperators(_ ops: [String], _ f: Fields) {
        for op in ops {
            reader.report(f.keyMarks[op] ?? f.node.mark, .unknownKey(key: op, context: "组合条件（all/any/not）", suggestion: nil))
        }
    }

    func value(_ node: YAMLNode) -> ValueExpression? {
        if let s = node.scalar { return .literal(s, node.mark) }
        guard let f = reader.fields(node, PackSchema.valueSource) else { return nil }
        if let p = f.string("param") { return .parameter(p, f.mark("param")) }
        if let s = f.string("subject") { return .subject(s, f.mark("subject")) }
        if let p = f.string("period") { return .period(p, f.mark("period")) }
        if let l = f["lookup"], let lf = reader.fields(l, PackSchema.lookup), let t = lf.string("table"),
           let by = lf.string("by"), let c = lf.string("column") {
            return .lookup(table: t, by: by, column: c, l.mark)
        }
        return nil
    }
}
