import DudaoCore

extension ReportOutline {
    /// Only the tallies per office (in section order) and in total, without grouping the
    /// findings: what the JSON summary needs, cheap for millions of findings.
    static func tallies(_ result: AuditResult) -> (offices: [(String, Tally)], total: Tally) {
        var byOffice = OfficeTallies()
        var total = Tally()
        // Only the fields counted are read: a copy of a whole finding would touch each of its strings.
        for i in result.findings.indices {
            let status = result.findings[i].status, severity = result.findings[i].severity
            total.count(status, severity)
            for office in result.findings[i].offices { byOffice.count(status, severity, of: office) }
        }
        for i in result.due.indices {
            total.due += 1
            for office in result.due[i].offices { byOffice.countDue(of: office) }
        }
        // An office the roster lists twice is counted in its first section only, as in `init`.
        var counted = Set<String>()
        let ids = officeIDs(result) { byOffice.offices }.ids
        return (ids.map { ($0, counted.insert($0).inserted ? byOffice.tally(of: $0) : Tally()) }, total)
    }
}

/// A tally per office id that findings and due items name.
private struct OfficeTallies {
    private var slots: [String: Int] = [:]
    private var tallies: [ReportOutline.Tally] = []
    /// Items in report order mostly name the office the item before them named, so its slot is
    /// kept at hand rather than hashed again.
    private var last: (office: String, slot: Int)?

    var offices: Set<String> { Set(slots.keys) }

    func tally(of office: String) -> ReportOutline.Tally {
        slots[office].map { tallies[$0] } ?? ReportOutline.Tally()
    }

    mutating func count(_ status: FindingStatus, _ severity: Severity, of office: String) {
        tallies[slot(of: office)].count(status, severity)
    }

    mutating func countDue(of office: String) {
        tallies[slot(of: office)].due += 1
    }

    private mutating func slot(of office: String) -> Int {
        if let last, last.office == office { return last.slot }
        let slot: Int
        if let known = slots[office] {
            slot = known
        } else {
            slot = tallies.count
            slots[office] = slot
            tallies.append(ReportOutline.Tally())
        }
        last = (office, slot)
        return slot
    }
}
