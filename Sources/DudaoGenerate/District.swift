import DudaoTable

/// The shape of a generated district: how many of each roster there are, who belongs where,
/// and when each practitioner is active. Everything is a pure function of the options, so the
/// roster writers and the ledger writer agree without sharing state.
///
/// Layout: practitioner i works in office i / 10; office o lies in street o / 5; community c
/// is the 联系点 of practitioner c / 2 (c / 20 in the `wide` profile); enterprise e belongs to the office of practitioner
/// e / 20, and every tenth enterprise has that practitioner as 法律顾问; street s has the
/// first practitioner of its first office (50 s) as 法律顾问. The first practitioner of each
/// office (its "lead") is never a joiner or leaver and takes over a leaver's duties.
struct District {
    static let practitionersPerOffice = 10
    static let officesPerStreet = 5
    static let enterprisesPerPractitioner = 20
    /// Open-ended interval bounds.
    static let openStart = Int.min / 2
    static let openEnd = Int.max / 2

    let options: GeneratorOptions
    let communitiesPerPractitioner: Int
    let practitioners: Int
    let offices: Int
    let streets: Int
    let communities: Int
    let enterprises: Int
    /// First active day of each practitioner (`openStart` when 执业起始 is empty or before the program).
    let firstDay: [Int]
    /// Last active day (`openEnd` when 执业终止 is empty).
    let lastDay: [Int]
    /// Practitioners whose roster row is planted invalid (never active for the audit).
    let invalidRow: [Bool]

    init(_ options: GeneratorOptions) {
        self.options = options
        communitiesPerPractitioner = options.profile.communitiesPerPractitioner
        practitioners = options.practitioners
        offices = (practitioners + Self.practitionersPerOffice - 1) / Self.practitionersPerOffice
        streets = (offices + Self.officesPerStreet - 1) / Self.officesPerStreet
        communities = practitioners * communitiesPerPractitioner
        enterprises = practitioners * Self.enterprisesPerPractitioner
        var first = [Int](repeating: Self.openStart, count: practitioners)
        var last = [Int](repeating: Self.openEnd, count: practitioners)
        var invalid = [Bool](repeating: false, count: practitioners)
        let invalidPerMillion = Int(2_500 * options.anomalyScale)
        for i in 0..<practitioners where !Self.isFixed(i) {
            var rng = SplitMix64(seed: options.seed, stream: 0x5052_0000_0000 | UInt64(i))
            let kind = rng.below(1000)
            if kind < 30 {
                first[i] = rng.within(45, 150)  // joins 2022-06-15 … 2022-09-28
            } else if kind < 50 {
                last[i] = rng.within(153, 275)  // leaves 2022-10-01 … 2023-01-31
            }
            invalid[i] = rng.chance(invalidPerMillion)
        }
        firstDay = first
        lastDay = last
        invalidRow = invalid
    }

    /// Leads and street advisers work the whole program.
    static func isFixed(_ practitioner: Int) -> Bool {
        practitioner % practitionersPerOffice == 0
    }

    func office(ofPractitioner p: Int) -> Int { p / Self.practitionersPerOffice }
    func street(ofOffice o: Int) -> Int { o / Self.officesPerStreet }
    func lead(ofOffice o: Int) -> Int { o * Self.practitionersPerOffice }
    func primary(ofCommunity c: Int) -> Int { c / communitiesPerPractitioner }
    func primary(ofEnterprise e: Int) -> Int { e / Self.enterprisesPerPractitioner }
    func office(ofEnterprise e: Int) -> Int { office(ofPractitioner: primary(ofEnterprise: e)) }
    func hasAdviser(enterprise e: Int) -> Bool { e % 10 == 0 }
    func adviser(ofStreet s: Int) -> Int { s * Self.practitionersPerOffice * Self.officesPerStreet }

    /// The practitioners of street `s`'s offices.
    func practitioners(ofStreet s: Int) -> Range<Int> {
        let perStreet = Self.practitionersPerOffice * Self.officesPerStreet
        return (s * perStreet)..<min(practitioners, (s + 1) * perStreet)
    }

    func isActive(_ p: Int, on day: Int) -> Bool {
        !invalidRow[p] && firstDay[p] <= day && day <= lastDay[p]
    }

    /// Who does `primary`'s duty on `day`: the primary while active, otherwise the office lead.
    func actor(primary p: Int, on day: Int) -> Int {
        isActive(p, on: day) ? p : lead(ofOffice: office(ofPractitioner: p))
    }

    /// The days of `range` on which `p` is active per the roster (invalid rows ignored), or nil.
    func activeDays(_ p: Int, within range: ClosedRange<Int>) -> ClosedRange<Int>? {
        let low = max(range.lowerBound, firstDay[p])
        let high = min(range.upperBound, lastDay[p])
        return low <= high ? low...high : nil
    }
}
