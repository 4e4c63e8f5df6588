import Testing
@testable import DudaoCore

/// `count` requirements: a subject × period is met when enough valid matching rows exist.
@Suite struct CountRuleTests {
    /// Subjects from one roster, counted in one period, bound by key and by another column.
    static let enterpriseCheckup = """
          - id: enterprise-checkup
            title: 企业法律体检
            severity: error
            kind: count
            subjects: {table: enterprises}
            period: implementation
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法律体检}
                  - {field: 对象编号, eq: {subject: key}}
                  - {field: 所编号, eq: {subject: 所编号}}
            at_least: 1
            message: "{subject}在{period}未接受法律体检"

        """

    /// One count per subject and quarter.
    static let marketFairQuarterly = """
          - id: market-fair-quarterly
            title: 每季度赶大集
            severity: error
            kind: count
            subjects: {table: offices}
            period: quarters
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 赶大集}
                  - {field: 所编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}{period}未组织赶大集"

        """

    /// Subjects from several rosters, each only while an assignment covers every day of the period.
    static let lectureQuarterly = """
          - id: lecture-quarterly
            title: 每季度法制课
            severity: error
            kind: count
            subjects:
              tables: [communities, streets, enterprises]
              assignments: {table: contacts, cover: every_day}
            period: quarters
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法制课}
                  - {field: 对象编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}{period}未听到法制课"

        """

    /// Subjects active on every day of the month; counted rows filtered by a roster.
    static let adviceMonthly = """
          - id: advice-monthly-street
            title: 每月向街道提建议
            severity: error
            kind: count
            subjects: {table: practitioners, active: every_day}
            period: months
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法律建议}
                  - {field: 工作者编号, eq: {subject: key}}
                  - {field: 对象编号, in_table: streets}
            at_least: 1
            message: "{subject}{period}未向街道提出法律建议"
          - id: advice-monthly-community
            title: 每月向村居提建议
            severity: error
            kind: count
            subjects: {table: practitioners, active: every_day}
            period: months
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法律建议}
                  - {field: 工作者编号, eq: {subject: key}}
                  - {field: 对象编号, in_table: communities}
            at_least: 1
            message: "{subject}{period}未向村居提出法律建议"

        """

    /// Counted on the check date: the assignment rows active that day.
    static let contactCoverage = """
          - id: contact-coverage
            title: 村村有联系点
            severity: error
            kind: count
            subjects: {table: communities}
            period: check_date
            count:
              table: contacts
              where:
                all:
                  - {field: 关系, eq: 联系点}
                  - {field: 对象编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}在{period}没有联系点"

        """

    /// Distinct objects counted, against a threshold from a parameter.
    static let practitionerContacts = """
          - id: practitioner-contacts
            title: 工作者联系村居
            severity: warning
            kind: count
            subjects: {table: practitioners, active: every_day}
            period: check_date
            count:
              table: contacts
              distinct: 对象编号
              where:
                all:
                  - {field: 关系, eq: 联系点}
                  - {field: 工作者编号, eq: {subject: key}}
            at_least: {param: min_contact_points}
            message: "{subject}在{period}联系的村居为{actual}个，少于{expected}个"

        """

    /// Another relation of the same assignment table.
    static let streetAdviser = """
          - id: street-adviser
            title: 街道有法律顾问
            severity: warning
            kind: count
            subjects: {table: streets}
            period: check_date
            count:
              table: contacts
              where:
                all:
                  - {field: 关系, eq: 法律顾问}
                  - {field: 对象编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}在{period}没有法律顾问"

        """

    static let checkDateRules = contactCoverage + practitionerContacts + streetAdviser

    /// Subjects with an assignment that overlaps the period on some day.
    static let contactCard = """
          - id: contact-card
            title: 发放联系卡
            severity: warning
            kind: count
            subjects:
              table: communities
              assignments:
                table: contacts
                where: {field: 关系, eq: 联系点}
                cover: some_day
            period: implementation
            count:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 联系卡发放}
                  - {field: 对象编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}在{period}未发放联系卡"

        """

    static let pack = TestPack(rules: enterpriseCheckup, marketFairQuarterly, lectureQuarterly, adviceMonthly,
                               checkDateRules, contactCard)

    // MARK: enterprise-checkup

    @Test(arguments: [
        // (activity row, finding expected)
        ("A1,2022-07-01,O1,P1,法律体检,E1,,,,,", false),    // its own office, in 组织实施
        ("A1,2022-07-01,O2,P2,法律体检,E1,,,,,", true),     // logged under another office
        ("A1,2022-07-01,O1,P2,法律体检,E1,,,,,", false),    // another office's practitioner, its office: counts
        ("A1,2022-05-15,O1,P1,法律体检,E1,,,,,", true),     // in 动员学习, not 组织实施
        ("A1,2022-07-01,O1,P1,法律咨询,E1,,,,,", true),     // another activity type
        ("A1,2022-07-01,O1,P1,法律体检,C1,,,,,", true),     // another object
        ("A1,2022-07-01,O1,P1,法律体检,E1,,,abc,,", true),  // invalid row (收费) does not count
    ])
    func enterpriseCheckup(row: String, finding: Bool) throws {
        let r = try Fixture(["activities.csv": [row]]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.subjects("enterprise-checkup") == (finding ? ["E1"] : []))
        if finding {
            let f = r.findings("enterprise-checkup")[0]
            #expect(f.period == range("2022-06-01", "2023-02-28"))
            #expect(f.offices == ["O1"])
            #expect(f.severity == .error)
        }
    }

    // MARK: market-fair-quarterly

    @Test func marketFairIsJudgedPerAlignedQuarter() throws {
        let r = try Fixture(["activities.csv": [
            "A1,2022-07-10,O1,P1,赶大集,,,,,,",
            "A2,2022-12-05,O1,P2,赶大集,,,,,,",   // another office's practitioner: the 所编号 decides
            "A3,2022-11-30,O2,P2,赶大集,,,,,,",   // last day of the second quarter
        ]]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.keyed("market-fair-quarterly") == [
            "O1@2022-09-01",
            "O2@2022-06-01", "O2@2022-12-01",
        ])
        #expect(r.findings("market-fair-quarterly").allSatisfy { $0.actual == .count(0) && $0.expected == .count(1) })
    }

    // MARK: lecture-quarterly

    /// Subjects need an active assignment on every day of the quarter (union over assignments).
    @Test(arguments: [
        // A one-day gap (07-16) in the first quarter: C1 is no subject there.
        (["P1,C1,联系点,2022-01-01,2022-07-15", "P1,C1,法律顾问,2022-07-17,"], ["C1@2022-09-01", "C1@2022-12-01"]),
        // Reassigned to another practitioner with no gap: C1 stays a subject.
        (["P1,C1,联系点,2022-01-01,2022-07-15", "P2,C1,联系点,2022-07-16,"], ["C1@2022-06-01", "C1@2022-09-01", "C1@2022-12-01"]),
        // Overlapping assignments count once.
        (["P1,C1,联系点,2022-01-01,2022-10-31", "P2,C1,法律顾问,2022-09-01,"], ["C1@2022-06-01", "C1@2022-09-01", "C1@2022-12-01"]),
        // Ends on the last day of the second quarter: not a subject in the third.
        (["P1,C1,联系点,2022-01-01,2022-11-30"], ["C1@2022-06-01", "C1@2022-09-01"]),
        // Starts a day into the first quarter.
        (["P1,C1,联系点,2022-06-02,"], ["C1@2022-09-01", "C1@2022-12-01"]),
        // Advisers of a street and an enterprise make them subjects too.
        (["P1,S1,法律顾问,2022-01-01,", "P1,E1,法律顾问,2022-09-01,"], ["E1@2022-09-01", "E1@2022-12-01", "S1@2022-06-01", "S1@2022-09-01", "S1@2022-12-01"]),
    ])
    func lectureSubjectsAreTheUnionOfAssignments(contacts: [String], expected: [String]) throws {
        let r = try Fixture(["contacts.csv": contacts]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.keyed("lecture-quarterly") == expected)
    }

    @Test func assignmentOutlivingItsPractitionerDoesNotCover() throws {
        let r = try Fixture([
            "practitioners.csv": ["P1,张一,O1,,2022-07-15", "P2,李二,O2,,"],
            "contacts.csv": ["P1,C1,联系点,2022-01-01,"],
        ]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.keyed("lecture-quarterly") == [])
        // The same assignment with a practitioner still active is a subject in every quarter.
        let active = try Fixture(["contacts.csv": ["P1,C1,联系点,2022-01-01,"]]).audit(Self.pack, asOf: "2023-03-15")
        #expect(active.keyed("lecture-quarterly") == ["C1@2022-06-01", "C1@2022-09-01", "C1@2022-12-01"])
    }

    @Test func lectureCountsForItsObjectWhoeverGaveIt() throws {
        let r = try Fixture([
            "contacts.csv": ["P1,C1,联系点,2022-01-01,", "P2,E1,法律顾问,2022-01-01,"],
            "activities.csv": [
                "A1,2022-07-01,O2,P2,法制课,C1,,,,,",   // not C1's own contact point, another office
                "A2,2022-10-01,O1,P1,法制课,C2,,,,,",   // C2 is no subject; does not help C1
                "A3,2023-01-05,O1,P1,法制课,E1,,,,,",
                "A4,2022-09-01,O1,P1,法律咨询,E1,,,,,", // not a lecture
            ],
        ]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.keyed("lecture-quarterly") == ["C1@2022-09-01", "C1@2022-12-01", "E1@2022-06-01", "E1@2022-09-01"])
        // Offices: C1's assigned practitioner's office; E1's own office.
        #expect(r.findings("lecture-quarterly").map(\.offices) == [["O1"], ["O1"], ["O1"], ["O1"]])
    }

    // MARK: advice-monthly-*

    @Test func adviceMonthlyForStreetsAndCommunities() throws {
        let r = try Fixture([
            "practitioners.csv": ["P1,张一,O1,,", "P3,王三,O1,2022-07-15,"],
            "activities.csv": [
                "A1,2022-06-10,O1,P1,法律建议,S1,,,,,",
                "A2,2022-06-11,O2,P1,法律建议,C2,,,,,",   // logged under another office: still counts for P1
                "A3,2022-07-01,O1,P1,法律建议,E1,,,,,",   // an enterprise: counts for neither
                "A4,2022-07-20,O1,P3,法律建议,S1,,,,,",   // P3 is no subject in July
                "A5,2022-08-01,O1,P3,法律建议,S2,,,,,",
                "A6,2022-08-31,O1,P1,法律建议,C1,,,,,",
                "A7,2022-08-15,O1,P1,法律咨询,S1,,,,,",   // not advice
            ],
        ]).audit(Self.pack, asOf: "2022-08-31")
        #expect(r.keyed("advice-monthly-street") == ["P1@2022-07-01", "P1@2022-08-01"])
        #expect(r.keyed("advice-monthly-community") == ["P1@2022-07-01", "P3@2022-08-01"])
    }

    @Test func practitionerLeavingMidMonthIsNoSubjectThatMonth() throws {
        let r = try Fixture(["practitioners.csv": ["P1,张一,O1,,2022-07-30", "P2,李二,O2,2022-06-01,2022-07-31"]])
            .audit(Self.pack, asOf: "2022-08-31")
        #expect(r.keyed("advice-monthly-street") == ["P1@2022-06-01", "P2@2022-06-01", "P2@2022-07-01"])
    }

    // MARK: practitioner-contacts

    static let contactPoints = [
        "P1,C1,联系点,2022-01-01,",
        "P1,C2,联系点,2022-01-01,",
        "P2,C1,联系点,2022-01-01,",
        "P2,C1,联系点,2022-03-01,",          // the same community twice counts once
        "P2,C2,法律顾问,2022-01-01,",        // an adviser is no contact point
        "P2,C2,联系点,2022-01-01,2022-10-14", // ended the day before d
    ]

    @Test(arguments: [
        ([:], [String]()),
        (["min_contact_points": "2"], ["P2"]),
        (["min_contact_points": "3"], ["P1", "P2"]),
    ])
    func practitionerContactsCountsDistinctCommunities(parameters: [String: String], expected: [String]) throws {
        let r = try Fixture(["contacts.csv": Self.contactPoints]).audit(Self.pack, asOf: "2022-10-15", parameters)
        #expect(r.subjects("practitioner-contacts") == expected)
        if let p2 = r.findings("practitioner-contacts").first(where: { $0.subject.id == "P2" }) {
            #expect(p2.actual == .count(1))
            #expect(p2.expected == .count(Int(parameters["min_contact_points"]!)!))
            #expect(p2.period == range("2022-10-15", "2022-10-15"))
            #expect(p2.severity == .warning)
        }
    }

    // MARK: contact-coverage, street-adviser, contact-card

    @Test func contactCoverageAndStreetAdviserOnTheCheckDate() throws {
        let r = try Fixture([
            "communities.csv": ["C1,东村,村,S1", "C2,西居,居,S2", "C3,南村,村,S1"],
            "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,,2022-10-01"],
            "contacts.csv": [
                "P1,C1,联系点,2022-01-01,",
                "P1,C2,联系点,2022-01-01,2022-10-01", // ended before d
                "P2,C3,联系点,2022-01-01,",           // practitioner no longer active on d
                "P2,C1,法律顾问,2022-01-01,",
                "P1,S1,法律顾问,2022-01-01,2022-10-15", // last day is d: still active
                "P1,S2,联系点,2022-01-01,",           // a contact point at a street is invalid; no adviser either
            ],
        ]).audit(Self.pack, asOf: "2022-10-15")
        #expect(r.subjects("contact-coverage") == ["C2", "C3"])
        #expect(r.subjects("street-adviser") == ["S2"])
        // No assignment active on d: the offices of the community's street, not the ended assignments'.
        #expect(r.findings("contact-coverage").map(\.offices) == [["O2"], ["O1"]])
        #expect(r.findings("street-adviser").map(\.offices) == [["O2"]])   // offices in the street itself
        #expect(r.due.filter { ["contact-coverage", "street-adviser"].contains($0.rule) }.isEmpty)
    }

    @Test func contactCardNeedsAContactPointAndACardInImplementation() throws {
        let r = try Fixture([
            "communities.csv": ["C1,东村,村,S1", "C2,西居,居,S2", "C3,南村,村,S1"],
            "contacts.csv": [
                "P1,C1,联系点,2022-01-01,",
                "P2,C2,联系点,2022-01-01,",
                "P1,C3,法律顾问,2022-01-01,",     // an adviser alone makes no contact-card subject
                "P3,C3,联系点,2022-01-01,",       // its practitioner left before 组织实施
            ],
            "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,,", "P3,王三,O1,,2022-05-15"],
            "activities.csv": [
                "A1,2022-05-20,O2,P2,联系卡发放,C2,,,,,", // in 动员学习: does not count
                "A2,2022-09-01,O1,P2,联系卡发放,C1,,,,,", // whoever issued it
            ],
        ]).audit(Self.pack, asOf: "2023-03-15")
        #expect(r.subjects("contact-card") == ["C2"])
        #expect(r.findings("contact-card")[0].period == range("2022-06-01", "2023-02-28"))
        #expect(r.findings("contact-card")[0].offices == ["O2"])
    }
}
