import DudaoTable

/// Writes `activities.csv` (活动台账): per practitioner the rows that meet the pack's
/// requirements (a few dropped), then everyday casework, in date order, with a few percent of
/// planted violations and malformed cells. `standard` writes each practitioner's rows as one
/// block; `wide` writes the whole district's rows in date order, interleaved.
///
/// The hot loop only copies prepared byte strings and writes integers digit by digit.
struct ActivityLedger {
    static let header = "记录编号,日期,所编号,工作者编号,活动类型,对象编号,事项,涉及民生,收费,处理结果,备注"

    /// 活动类型, indexed by `Kind.rawValue`.
    enum Kind: UInt8 {
        case checkup = 0, marketFair, lecture, advice, consultation, legalMatter, legalAid,
             visit, mediation, contactCard
    }
    static let kindText: [[UInt8]] = [
        "法律体检", "赶大集", "法制课", "法律建议", "法律咨询", "法律事务", "法律援助", "接访", "纠纷调处", "联系卡发放",
    ].map { Array($0.utf8) }

    enum ObjectKind: UInt8 { case none, street, community, enterprise }

    /// One row before it is written.
    struct Entry {
        var day: Int32
        var kind: Kind
        var objectKind: ObjectKind
        var object: Int32
        var actor: Int32
    }

    /// A row of the `wide` ledger before it is placed among the district's rows of its day.
    struct PlacedEntry {
        var entry: Entry
        /// The practitioner whose plan made it, and its number there (its 记录编号).
        var practitioner: Int32
        var sequence: Int32
    }

    /// 收费标准 rows: 事项 and 最低标准 (yuan).
    static let feeSchedule: [(item: String, cap: Int)] = [
        ("合同审查", 300), ("代写法律文书", 100), ("民事诉讼代理", 1500), ("劳动争议代理", 800),
        ("婚姻家庭代理", 1000), ("法律顾问服务", 2000), ("法律见证", 200), ("非诉调解代理", 500),
        ("遗嘱代书", 150), ("债权催收代理", 600),
    ]
    private static let feeItems = feeSchedule.map { Array($0.item.utf8) }
    private static let topics: [[UInt8]] = [
        "婚姻家庭", "劳动争议", "土地承包", "邻里纠纷", "合同纠纷", "房屋租赁", "继承", "人身损害", "物业纠纷", "欠薪",
    ].map { Array($0.utf8) }
    private static let outcomes: [[UInt8]] = [
        "已调解", "已答复", "已办结", "已转交相关部门", "调解成功", "当事人撤回", "已出具意见",
    ].map { Array($0.utf8) }
    private static let remarks: [[UInt8]] = [
        "电话回访", "现场办理", "材料齐全", "\"已回访,当事人满意\"", "\"涉及多方,需再次调解\"",
        "\"当事人称\"\"已和解\"\"\"", "\"村委会,司法所共同参与\"",
    ].map { Array($0.utf8) }
    private static let badDates: [[UInt8]] = [
        "2022/2/30", "2022-13-01", "2022年7月", "20220705", "2022-07-05 09:30", "待补", "2022-6-31",
    ].map { Array($0.utf8) }
    private static let badFees: [[UInt8]] = ["-50", "50元", "面议", "\"1,000\"", "-200"].map { Array($0.utf8) }
    private static let yes = Array("是".utf8)
    private static let no = Array("否".utf8)
    private static let unknownType = Array("法律宣传".utf8)
    private static let spaces: [[UInt8]] = [" ", "  ", "\u{3000}"].map { Array($0.utf8) }
    private static let decimalTail = Array(".00".utf8)

    let district: District
    let ids: DistrictIds
    let days = ProgramDays()
    private let unknownOffice, unknownPractitioner, unknownObject: [UInt8]
    /// Per-million chances, scaled by `anomalyScale`.
    private let dropRequired, badDate, outOfWindow, unknownRef, badFee, badKind, officeMismatch,
        missingObject, duplicate, missingOutcome, overCap, paidConsultation, padding: Int

    init(district: District, ids: DistrictIds) {
        self.district = district
        self.ids = ids
        let scale = district.options.anomalyScale
        func p(_ perMillion: Int) -> Int { Int(Double(perMillion) * scale) }
        /// Malformed, unknown and duplicate rows: more of them in the `wide` profile.
        func malformed(_ perMillion: Int) -> Int { Int(Double(perMillion) * scale * district.options.profile.ledgerAnomalyFactor) }
        dropRequired = p(10_000)
        badDate = malformed(1_500)
        outOfWindow = malformed(800)
        unknownRef = malformed(1_500)
        badFee = malformed(800)
        badKind = malformed(300)
        officeMismatch = malformed(1_000)
        missingObject = malformed(300)
        duplicate = malformed(3_000)
        missingOutcome = p(20_000)
        overCap = p(20_000)
        paidConsultation = p(10_000)
        unknownOffice = Array(ids.unknownOffice.utf8)
        unknownPractitioner = Array(ids.unknownPractitioner.utf8)
        unknownObject = Array(ids.unknownObject.utf8)
        padding = 20_000  // padded cells are not violations: keep them at any scale
    }

    func write(to path: String, byteOrderMark: Bool) throws(GeneratorError) {
        var sink = try ByteSink(path: path)
        if byteOrderMark { sink.append([0xEF, 0xBB, 0xBF]) }
        sink.append(Self.header + "\n")
        switch district.options.profile {
        case .standard: writeByPractitioner(to: &sink)
        case .wide: writeInDateOrder(to: &sink)
        }
        try sink.finish()
    }

    /// Each practitioner's rows as one block, a duplicate right after its original.
    private func writeByPractitioner(to sink: inout ByteSink) {
        var entries: [Entry] = []
        entries.reserveCapacity(district.options.activitiesPerPractitioner * 2)
        for p in 0..<district.practitioners {
            var rng = SplitMix64(seed: district.options.seed, stream: 0x4143_0000_0000 | UInt64(p))
            entries.removeAll(keepingCapacity: true)
            plan(practitioner: p, into: &entries, &rng)
            var sequence = 0
            for entry in entries {
                sink.reserveRow()
                sequence += 1
                let copy = rng.chance(duplicate)
                writeRow(entry, practitioner: p, sequence: sequence, to: &sink, &rng)
                if copy {
                    sequence += 1
                    writeRow(entry, practitioner: p, sequence: sequence, to: &sink, &rng)
                }
            }
        }
    }

    /// The district's rows by day (a stable counting sort of the practitioners' plans), a
    /// duplicate at the end of its day. Each row draws its cells from its own stream, so its
    /// bytes do not depend on where it lands.
    private func writeInDateOrder(to sink: inout ByteSink) {
        let options = district.options
        var placed: [PlacedEntry] = []
        placed.reserveCapacity(options.practitioners * (options.activitiesPerPractitioner + options.activitiesPerPractitioner / 8))
        var copies: [PlacedEntry] = []
        var entries: [Entry] = []
        for p in 0..<district.practitioners {
            var rng = SplitMix64(seed: options.seed, stream: 0x4143_0000_0000 | UInt64(p))
            entries.removeAll(keepingCapacity: true)
            plan(practitioner: p, into: &entries, &rng)
            var sequence: Int32 = 0
            for entry in entries {
                sequence += 1
                placed.append(PlacedEntry(entry: entry, practitioner: Int32(p), sequence: sequence))
                if rng.chance(duplicate) {
                    sequence += 1
                    copies.append(PlacedEntry(entry: entry, practitioner: Int32(p), sequence: sequence))
                }
            }
        }
        placed.append(contentsOf: copies)
        copies = []
        let window = ProgramDays.window
        func bucket(_ e: PlacedEntry) -> Int {
            min(max(Int(e.entry.day), window.lowerBound), window.upperBound) - window.lowerBound
        }
        var next = [Int](repeating: 0, count: window.count + 1)
        for e in placed { next[bucket(e) + 1] += 1 }
        for d in 0..<window.count { next[d + 1] += next[d] }
        var order = [Int32](repeating: 0, count: placed.count)
        for (i, e) in placed.enumerated() {
            order[next[bucket(e)]] = Int32(i)
            next[bucket(e)] += 1
        }
        for i in order {
            let e = placed[Int(i)]
            let p = Int(e.practitioner)
            var rng = SplitMix64(seed: options.seed, stream: 0x5744_0000_0000_0000 ^ UInt64(p) << 20 ^ UInt64(e.sequence))
            sink.reserveRow()
            writeRow(e.entry, practitioner: p, sequence: Int(e.sequence), to: &sink, &rng)
        }
    }

    // MARK: planning

    private func plan(practitioner p: Int, into entries: inout [Entry], _ rng: inout SplitMix64) {
        let d = district
        let office = d.office(ofPractitioner: p)
        let total = max(0, d.options.activitiesPerPractitioner * 9 / 10
            + rng.below(d.options.activitiesPerPractitioner / 5 + 1))

        func add(_ kind: Kind, _ objectKind: ObjectKind, _ object: Int, on day: Int, by actor: Int) {
            entries.append(Entry(day: Int32(day), kind: kind, objectKind: objectKind,
                                 object: Int32(object), actor: Int32(actor)))
        }
        /// A required record for `primary`'s duty somewhere in `range`, unless dropped.
        func duty(_ kind: Kind, _ objectKind: ObjectKind, _ object: Int, in range: ClosedRange<Int>,
                  primary: Int, _ rng: inout SplitMix64) {
            let day = rng.within(range.lowerBound, range.upperBound)
            if rng.chance(dropRequired) { return }
            add(kind, objectKind, object, on: day, by: d.actor(primary: primary, on: day))
        }

        // The office lead's market fair each quarter; the street adviser's lecture for the street.
        if p == d.lead(ofOffice: office) {
            for q in ProgramDays.quarters {
                duty(.marketFair, .none, 0, in: q, primary: p, &rng)
            }
        }
        let street = d.street(ofOffice: office)
        if p == d.adviser(ofStreet: street) {
            for q in ProgramDays.quarters {
                duty(.lecture, .street, street, in: q, primary: p, &rng)
            }
        }
        // Contact points: a lecture each quarter and a contact card during 组织实施.
        let communities = d.communitiesPerPractitioner
        let firstCommunity = p * communities
        for c in firstCommunity..<(firstCommunity + communities) {
            for q in ProgramDays.quarters {
                duty(.lecture, .community, c, in: q, primary: p, &rng)
            }
            duty(.contactCard, .community, c, in: ProgramDays.implementation, primary: p, &rng)
        }
        // Enterprises: a check-up each, and lectures where the practitioner is 法律顾问.
        let firstEnterprise = p * District.enterprisesPerPractitioner
        for e in firstEnterprise..<(firstEnterprise + District.enterprisesPerPractitioner) {
            duty(.checkup, .enterprise, e, in: ProgramDays.implementation, primary: p, &rng)
            if d.hasAdviser(enterprise: e) {
                for q in ProgramDays.quarters {
                    duty(.lecture, .enterprise, e, in: q, primary: p, &rng)
                }
            }
        }
        // Monthly advice to the street and to a community, in every month the practitioner works.
        for month in ProgramDays.months {
            guard let active = d.activeDays(p, within: month) else { continue }
            for (kind, object) in [(ObjectKind.street, street), (.community, firstCommunity)] {
                let day = rng.within(active.lowerBound, active.upperBound)
                if rng.chance(dropRequired) { continue }
                add(.advice, kind, object, on: day, by: p)
            }
        }

        // Everyday casework, spread evenly over the days the practitioner works.
        let casework = max(0, total - entries.count)
        guard casework > 0, let active = d.activeDays(p, within: ProgramDays.window) else {
            entries.sort { $0.day < $1.day }
            return
        }
        let span = active.upperBound - active.lowerBound + 1
        // Keys (day, type, object) already used: casework must not duplicate a planned row by accident.
        var used = Set<UInt64>(minimumCapacity: entries.count + casework)
        let wide = d.options.profile == .wide
        let streetPractitioners = d.practitioners(ofStreet: street)
        for entry in entries { used.insert(Self.key(entry)) }
        for k in 0..<casework {
            let day = active.lowerBound + k * span / casework
            // Whose enterprises and communities the casework names: the practitioner's own,
            // or in the `wide` profile anyone's in the street.
            let owner = wide ? streetPractitioners.lowerBound + rng.below(streetPractitioners.count) : p
            let ownEnterprise = owner * District.enterprisesPerPractitioner
            let ownCommunity = owner * communities
            let kind: Kind
            switch rng.below(1000) {
            case 0..<300: kind = .consultation
            case 300..<450: kind = .visit
            case 450..<600: kind = .mediation
            case 600..<750: kind = .legalMatter
            case 750..<810: kind = .legalAid
            case 810..<870: kind = .advice
            case 870..<930: kind = .lecture
            default: kind = .checkup
            }
            var objectKind = ObjectKind.none
            var object = 0
            switch kind {
            case .checkup, .legalMatter:
                if kind == .checkup || rng.below(10) < 4 {
                    objectKind = .enterprise
                    object = ownEnterprise + rng.below(District.enterprisesPerPractitioner)
                }
            case .contactCard:
                objectKind = .community
                object = ownCommunity + rng.below(communities)
            case .lecture, .advice:
                switch rng.below(3) {
                case 0:
                    objectKind = .street
                    object = street
                case 1:
                    objectKind = .community
                    object = ownCommunity + rng.below(communities)
                default:
                    objectKind = .enterprise
                    object = ownEnterprise + rng.below(District.enterprisesPerPractitioner)
                }
            case .marketFair:
                break
            case .consultation, .visit, .mediation, .legalAid:
                switch rng.below(4) {
                case 0:
                    objectKind = .community
                    object = ownCommunity + rng.below(communities)
                case 1:
                    objectKind = .enterprise
                    object = ownEnterprise + rng.below(District.enterprisesPerPractitioner)
                default:
                    break
                }
            }
            var entry = Entry(day: Int32(day), kind: kind, objectKind: objectKind, object: Int32(object), actor: Int32(p))
            if used.contains(Self.key(entry)) {
                entry.objectKind = .none
                entry.object = 0
                for alternative in [Kind.consultation, .visit, .mediation, .legalAid] {
                    entry.kind = alternative
                    if !used.contains(Self.key(entry)) { break }
                }
                if used.contains(Self.key(entry)) { continue }
            }
            used.insert(Self.key(entry))
            entries.append(entry)
        }
        entries.sort { $0.day < $1.day }
    }

    /// The duplicate-record key of a row within one practitioner's block.
    @inline(__always)
    private static func key(_ entry: Entry) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: entry.day)) << 48 | UInt64(entry.kind.rawValue) << 40
            | UInt64(entry.objectKind.rawValue) << 32 | UInt64(UInt32(bitPattern: entry.object))
    }

    // MARK: writing

    private func writeRow(_ entry: Entry, practitioner p: Int, sequence: Int,
                          to sink: inout ByteSink, _ rng: inout SplitMix64) {
        let d = district
        let actor = Int(entry.actor)
        var office = d.office(ofPractitioner: actor)
        let padded = rng.chance(padding) ? rng.below(4) : -1

        // 记录编号
        ids.writeRecord(practitioner: p, sequence: sequence, to: &sink)
        sink.append(UInt8(ascii: ","))
        // 日期
        if padded == 0 { sink.append(Self.spaces[0]) }
        if rng.chance(badDate) {
            sink.append(Self.badDates[rng.below(Self.badDates.count)])
        } else if rng.chance(outOfWindow) {
            let day = rng.below(2) == 0 ? rng.within(-40, -1) : rng.within(335, 400)
            sink.append(days.bytes(day, ProgramDays.randomShape(&rng)))
        } else {
            sink.append(days.bytes(Int(entry.day), ProgramDays.randomShape(&rng)))
        }
        if padded == 0 { sink.append(Self.spaces[rng.below(Self.spaces.count)]) }
        sink.append(UInt8(ascii: ","))
        // 所编号, 工作者编号
        let unknown = rng.chance(unknownRef) ? rng.below(3) : -1
        if rng.chance(officeMismatch) && d.offices > 1 { office = (office + 1) % d.offices }
        if unknown == 0 {
            sink.append(unknownOffice)
        } else {
            ids.writeOffice(office, to: &sink)
        }
        sink.append(UInt8(ascii: ","))
        if padded == 1 { sink.append(Self.spaces[0]) }
        if unknown == 1 {
            sink.append(unknownPractitioner)
        } else {
            ids.writePractitioner(actor, to: &sink)
        }
        if padded == 1 { sink.append(Self.spaces[0]) }
        sink.append(UInt8(ascii: ","))
        // 活动类型
        if padded == 2 { sink.append(Self.spaces[rng.below(Self.spaces.count)]) }
        sink.append(rng.chance(badKind) ? Self.unknownType : Self.kindText[Int(entry.kind.rawValue)])
        sink.append(UInt8(ascii: ","))
        // 对象编号
        if unknown == 2 {
            sink.append(unknownObject)
        } else if !rng.chance(missingObject) {
            if padded == 3 { sink.append(Self.spaces[0]) }
            writeObject(entry.objectKind, Int(entry.object), to: &sink)
        }
        sink.append(UInt8(ascii: ","))
        // 事项, 涉及民生, 收费, 处理结果
        switch entry.kind {
        case .consultation:
            sink.append(Self.topics[rng.below(Self.topics.count)])
            sink.append(UInt8(ascii: ","))
            let livelihood = rng.below(10)
            if livelihood < 6 { sink.append(Self.yes) } else if livelihood < 9 { sink.append(Self.no) }
            sink.append(UInt8(ascii: ","))
            if livelihood < 6 && !rng.chance(paidConsultation) {
                if rng.below(2) == 0 { sink.append(UInt8(ascii: "0")) }
            } else {
                writeFee(rng.within(1, 6) * 50, &rng, to: &sink)
            }
            sink.append(UInt8(ascii: ","))
            if rng.below(2) == 0 { sink.append(Self.outcomes[1]) }
        case .legalMatter:
            // About one 事项 in fifty is not in the fee schedule.
            let item = rng.below(50) == 0 ? Self.feeSchedule.count : rng.below(Self.feeSchedule.count)
            if item < Self.feeSchedule.count {
                sink.append(Self.feeItems[item])
            } else {
                sink.append(Self.topics[rng.below(Self.topics.count)])  // not in the schedule
            }
            sink.append(UInt8(ascii: ","))
            let cap = Self.feeSchedule[min(item, Self.feeSchedule.count - 1)].cap
            if rng.below(2) == 0 {
                sink.append(Self.yes)
                sink.append(UInt8(ascii: ","))
                if rng.chance(overCap) {
                    writeFee(cap + rng.within(1, 10) * 50, &rng, to: &sink)
                } else {
                    switch rng.below(4) {
                    case 0: writeFee(cap, &rng, to: &sink)
                    case 1: sink.append(UInt8(ascii: "0"))
                    default: writeFee(cap / 2, &rng, to: &sink)
                    }
                }
            } else {
                sink.append(Self.no)
                sink.append(UInt8(ascii: ","))
                writeFee(rng.within(2, 60) * 50, &rng, to: &sink)
            }
            sink.append(UInt8(ascii: ","))
            sink.append(Self.outcomes[2])
        case .visit, .mediation:
            if rng.below(3) == 0 { sink.append(Self.topics[rng.below(Self.topics.count)]) }
            sink.append(UInt8(ascii: ","))
            if rng.below(2) == 0 { sink.append(Self.yes) }
            sink.append(UInt8(ascii: ","))
            if rng.chance(badFee) { sink.append(Self.badFees[rng.below(Self.badFees.count)]) }
            sink.append(UInt8(ascii: ","))
            if !rng.chance(missingOutcome) { sink.append(Self.outcomes[rng.below(Self.outcomes.count)]) }
        default:
            if entry.kind == .legalAid { sink.append(Self.topics[rng.below(Self.topics.count)]) }
            sink.append(UInt8(ascii: ","))
            sink.append(UInt8(ascii: ","))
            if rng.chance(badFee) {
                sink.append(Self.badFees[rng.below(Self.badFees.count)])
            } else if rng.below(3) == 0 {
                sink.append(UInt8(ascii: "0"))
            }
            sink.append(UInt8(ascii: ","))
        }
        sink.append(UInt8(ascii: ","))
        // 备注
        let remark = rng.below(100)
        if remark < 15 { sink.append(Self.remarks[remark % Self.remarks.count]) }
        sink.append(UInt8(ascii: "\n"))
    }


    /// A fee in yuan, sometimes written with a decimal part (`300.00` equals `300`).
    @inline(__always)
    private func writeFee(_ yuan: Int, _ rng: inout SplitMix64, to sink: inout ByteSink) {
        sink.append(decimal: yuan)
        if rng.below(10) == 0 { sink.append(Self.decimalTail) }
    }

    @inline(__always)
    func writeObject(_ kind: ObjectKind, _ n: Int, to sink: inout ByteSink) {
        switch kind {
        case .none: break
        case .street: ids.writeStreet(n, to: &sink)
        case .community: ids.writeCommunity(n, to: &sink)
        case .enterprise: ids.writeEnterprise(n, to: &sink)
        }
    }
}
