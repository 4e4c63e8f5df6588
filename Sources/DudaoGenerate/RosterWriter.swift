import DudaoTable

/// Writes the rosters (名册), contacts, fee schedule and phase reports of a `District`. These
/// are small next to the ledger, so plain strings are fine here.
struct RosterWriter {
    let district: District
    let ids: DistrictIds
    private var options: GeneratorOptions { district.options }

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    private static let givenNames = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文辉玉梅鹏飞晓东海燕宇浩俊峰婷").map(String.init)
    private static let placeSyllables = Array("东西南北中新安和平兴华明光阳春泉山河湖桥林溪湾岭丰盛宁康福泰云龙凤金石坪口").map(String.init)
    private static let industries = ["科技", "建材", "食品", "物流", "纺织", "机械", "电子", "农业", "商贸", "置业", "医药", "化工"]
    private static let forms = ["有限公司", "股份有限公司", "有限责任公司", "合作社"]

    private func name(_ rng: inout SplitMix64) -> String {
        let surname = Self.surnames[rng.below(Self.surnames.count)]
        let first = Self.givenNames[rng.below(Self.givenNames.count)]
        return rng.below(3) == 0 ? surname + first : surname + first + Self.givenNames[rng.below(Self.givenNames.count)]
    }

    private func place(_ rng: inout SplitMix64) -> String {
        Self.placeSyllables[rng.below(Self.placeSyllables.count)] + Self.placeSyllables[rng.below(Self.placeSyllables.count)]
    }

    private func rng(_ table: UInt64) -> SplitMix64 {
        SplitMix64(seed: options.seed, stream: table << 40)
    }

    private func chance(_ perMillion: Int, _ rng: inout SplitMix64) -> Bool {
        rng.chance(Int(Double(perMillion) * options.anomalyScale))
    }

    private func sink(_ path: String) throws(GeneratorError) -> ByteSink {
        var sink = try ByteSink(path: path)
        if options.byteOrderMark { sink.append([0xEF, 0xBB, 0xBF]) }
        return sink
    }

    private func date(_ day: Int, _ rng: inout SplitMix64) -> String {
        ProgramDays.text(day, ProgramDays.randomShape(&rng))
    }

    func writeOffices(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(1)
        sink.append("所编号,所名称,所属街道,联系电话\n")
        for o in 0..<district.offices {
            let street = chance(1_000, &rng) ? ids.unknownStreet : ids.street(district.street(ofOffice: o))
            sink.append("\(ids.office(o)),\(place(&rng))法律服务所,\(street),0\(rng.within(100, 999))-\(rng.within(1_000_000, 9_999_999))\n")
        }
        try sink.finish()
    }

    func writePractitioners(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(2)
        sink.append("工作者编号,姓名,所编号,执业起始,执业终止\n")
        for p in 0..<district.practitioners {
            let first = district.firstDay[p]
            var start: String
            if first != District.openStart {
                start = date(first, &rng)
            } else if rng.below(10) < 6 {
                start = ""
            } else {
                start = date(-rng.within(30, 3000), &rng)  // licensed before the program
            }
            let last = district.lastDay[p]
            let end = last == District.openEnd ? "" : date(last, &rng)
            if district.invalidRow[p] { start = "2019.13.1" }
            sink.append("\(ids.practitioner(p)),\(name(&rng)),\(ids.office(district.office(ofPractitioner: p))),\(start),\(end)\n")
        }
        try sink.finish()
    }

    func writeStreets(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(3)
        sink.append("街道编号,名称,类型\n")
        for s in 0..<district.streets {
            let kind = rng.below(10)
            let (suffix, type) = kind < 8 ? ("街道", "街道") : kind < 9 ? ("开发区", "开发区") : ("管理区", "管理区")
            sink.append("\(ids.street(s)),\(place(&rng))\(suffix),\(type)\n")
        }
        try sink.finish()
    }

    func writeCommunities(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(4)
        sink.append("村居编号,名称,类型,所属街道\n")
        for c in 0..<district.communities {
            let office = district.office(ofPractitioner: district.primary(ofCommunity: c))
            let village = rng.below(2) == 0
            var type = village ? "村" : "居"
            if chance(500, &rng) { type = "社区" }  // not in the declared set
            sink.append("\(ids.community(c)),\(place(&rng))\(village ? "村" : "社区"),\(type),\(ids.street(district.street(ofOffice: office)))\n")
        }
        try sink.finish()
    }

    func writeEnterprises(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(5)
        sink.append("企业编号,企业名称,所编号\n")
        for e in 0..<district.enterprises {
            let office = chance(200, &rng) ? ids.unknownOffice : ids.office(district.office(ofEnterprise: e))
            let name = place(&rng) + Self.industries[rng.below(Self.industries.count)] + Self.forms[rng.below(Self.forms.count)]
            sink.append("\(ids.enterprise(e)),\(name),\(office)\n")
        }
        try sink.finish()
    }

    /// 联系点 for every community (handed to the office lead when its practitioner leaves),
    /// 法律顾问 for every street and every tenth enterprise, and a few broken rows.
    func writeContacts(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(6)
        sink.append("工作者编号,对象编号,关系,起始日期,终止日期\n")
        func assignment(_ p: Int, _ object: String, _ relation: String, _ sink: inout ByteSink, _ rng: inout SplitMix64) {
            let first = district.firstDay[p]
            let start = first != District.openStart ? first : -rng.within(0, 400)
            let last = district.lastDay[p]
            sink.append("\(ids.practitioner(p)),\(object),\(relation),\(date(start, &rng)),\(last == District.openEnd ? "" : date(last, &rng))\n")
            if last != District.openEnd {
                let lead = district.lead(ofOffice: district.office(ofPractitioner: p))
                sink.append("\(ids.practitioner(lead)),\(object),\(relation),\(date(last + 1, &rng)),\n")
            }
        }
        for s in 0..<district.streets where !chance(80_000, &rng) {
            assignment(district.adviser(ofStreet: s), ids.street(s), "法律顾问", &sink, &rng)
        }
        var uncovered = -1  // a practitioner whose contact points were never registered
        for c in 0..<district.communities {
            let primary = district.primary(ofCommunity: c)
            if c % district.communitiesPerPractitioner == 0 {
                uncovered = chance(4_000, &rng) && !District.isFixed(primary) ? primary : -1
            }
            if primary != uncovered {
                assignment(primary, ids.community(c), "联系点", &sink, &rng)
            }
            if chance(2_000, &rng) {  // a 联系点 cannot be an enterprise
                sink.append("\(ids.practitioner(district.primary(ofCommunity: c))),\(ids.enterprise(c)),联系点,\(date(0, &rng)),\n")
            }
            if chance(1_000, &rng) {
                sink.append("\(ids.unknownPractitioner),\(ids.community(c)),联系点,\(date(0, &rng)),\n")
            }
        }
        for e in 0..<district.enterprises where district.hasAdviser(enterprise: e) {
            assignment(district.primary(ofEnterprise: e), ids.enterprise(e), "法律顾问", &sink, &rng)
        }
        try sink.finish()
    }

    func writeFeeSchedule(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        sink.append("事项,最低标准\n")
        for (item, cap) in ActivityLedger.feeSchedule {
            sink.append("\(item),\(cap)\n")
        }
        try sink.finish()
    }

    /// Each office reports each phase within the grace period, a few late, a few never.
    func writeReports(to path: String) throws(GeneratorError) {
        var sink = try sink(path)
        var rng = rng(7)
        sink.append("所编号,阶段,报送日期\n")
        let phases = [("动员学习", ProgramDays.mobilisation), ("组织实施", ProgramDays.implementation),
                      ("检查验收", ProgramDays.inspection)]
        for o in 0..<district.offices {
            for (phase, days) in phases {
                if chance(10_000, &rng) { continue }
                let due = days.upperBound + 10
                let day = chance(20_000, &rng) ? due + rng.within(1, 19) : days.upperBound - 3 + rng.within(0, 13)
                sink.append("\(ids.office(o)),\(phase),\(date(day, &rng))\n")
            }
        }
        try sink.finish()
    }
}
