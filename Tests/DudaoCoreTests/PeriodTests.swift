import Testing
@testable import DudaoCore

/// The program calendar: months, quarters, phases, the implementation span and the check date.
@Suite struct PeriodTests {
    func periods(_ r: AuditResult, _ rule: String, subject: String) -> [DayRange] {
        r.findings(rule).filter { $0.subject.id == subject }.compactMap(\.period)
    }

    @Test func monthsAreTheCalendarMonthsOfImplementation() throws {
        let r = try Fixture().audit(.everyRule, asOf: "2023-04-30")
        #expect(periods(r, "advice-monthly-street", subject: "P1") == [
            range("2022-06-01", "2022-06-30"), range("2022-07-01", "2022-07-31"), range("2022-08-01", "2022-08-31"),
            range("2022-09-01", "2022-09-30"), range("2022-10-01", "2022-10-31"), range("2022-11-01", "2022-11-30"),
            range("2022-12-01", "2022-12-31"), range("2023-01-01", "2023-01-31"), range("2023-02-01", "2023-02-28"),
        ])
    }

    @Test(arguments: [
        ([:], [range("2022-06-01", "2022-08-31"), range("2022-09-01", "2022-11-30"), range("2022-12-01", "2023-02-28")]),
        (["quarters": "aligned"], [range("2022-06-01", "2022-08-31"), range("2022-09-01", "2022-11-30"), range("2022-12-01", "2023-02-28")]),
        (["quarters": "calendar"], [range("2022-06-01", "2022-06-30"), range("2022-07-01", "2022-09-30"),
                                    range("2022-10-01", "2022-12-31"), range("2023-01-01", "2023-02-28")]),
    ])
    func quarters(parameters: [String: String], expected: [DayRange]) throws {
        let r = try Fixture().audit(.everyRule, asOf: "2023-04-30", parameters)
        #expect(periods(r, "market-fair-quarterly", subject: "O1") == expected)
    }

    @Test func calendarQuartersDecideWhichFairCounts() throws {
        // 2022-06-15 is in the first aligned quarter and in the first (one-month) calendar quarter;
        // 2022-09-05 is in the second aligned quarter but the second calendar quarter.
        let fixture = Fixture(["activities.csv": ["A1,2022-06-15,O1,P1,赶大集,,,,,,", "A2,2022-09-05,O1,P1,赶大集,,,,,,"]])
        let aligned = try fixture.audit(.everyRule, asOf: "2023-04-30")
        #expect(aligned.keyed("market-fair-quarterly").filter { $0.hasPrefix("O1") } == ["O1@2022-12-01"])
        let calendar = try fixture.audit(.everyRule, asOf: "2023-04-30", ["quarters": "calendar"])
        #expect(calendar.keyed("market-fair-quarterly").filter { $0.hasPrefix("O1") } == ["O1@2022-10-01", "O1@2023-01-01"])
    }

    @Test func phasesAndImplementationSpan() throws {
        let r = try Fixture().audit(.everyRule, asOf: "2023-04-30")
        #expect(periods(r, "phase-report-missing", subject: "O1") == [
            range("2022-05-01", "2022-05-31"), range("2022-06-01", "2023-02-28"), range("2023-03-01", "2023-03-31"),
        ])
        #expect(periods(r, "enterprise-checkup", subject: "E1") == [range("2022-06-01", "2023-02-28")])
    }

    @Test(arguments: [
        ("2022-10-15", "2022-10-15" as String?),
        ("2022-06-01", "2022-06-01"),
        ("2023-02-28", "2023-02-28"),
        ("2023-04-30", "2023-02-28"),   // clamped to the end of 组织实施
        ("2022-05-31", nil),            // before 组织实施: not judged at all
    ])
    func checkDateIsAsOfClampedIntoImplementation(asOf: String, checkDate: String?) throws {
        let r = try Fixture(["contacts.csv": ["P1,C1,联系点,2022-01-01,2022-12-31"]]).audit(.everyRule, asOf: asOf)
        #expect(r.checkDate == checkDate.map(day))
        for rule in ["contact-coverage", "practitioner-contacts", "street-adviser"] {
            let found = r.findings(rule)
            if let d = checkDate {
                #expect(!found.isEmpty)
                #expect(found.allSatisfy { $0.period == range(d, d) })
            } else {
                #expect(found.isEmpty)
            }
            #expect(r.due(rule).isEmpty)
        }
        // C1's contact point ends 2022-12-31: covered on d up to then, not on a clamped 2023-02-28.
        let c1 = r.subjects("contact-coverage").contains("C1")
        #expect(c1 == (checkDate.map { day($0) > day("2022-12-31") } ?? false))
    }

    @Test func anotherYearByOverridingThePhaseDates() throws {
        let nextYear = [
            "mobilisation_start": "2023-05-01", "mobilisation_end": "2023-05-31",
            "implementation_start": "2023-06-01", "implementation_end": "2024-02-29",
            "inspection_start": "2024-03-01", "inspection_end": "2024-03-31",
        ]
        let r = try Fixture([
            "activities.csv": [
                "A1,2022-07-10,O1,P1,赶大集,,,,,,",   // last year's: outside this program
                "A2,2023-07-10,O1,P1,赶大集,,,,,,",
                "A3,2024-02-29,O1,P1,赶大集,,,,,,",
            ],
            "reports.csv": ["O1,动员学习,2023-06-10"],
        ]).audit(.everyRule, asOf: "2024-04-30", nextYear)
        #expect(r.keyed("market-fair-quarterly") == [
            "O1@2023-09-01", "O2@2023-06-01", "O2@2023-09-01", "O2@2023-12-01",
        ])
        #expect(periods(r, "market-fair-quarterly", subject: "O2") == [
            range("2023-06-01", "2023-08-31"), range("2023-09-01", "2023-11-30"), range("2023-12-01", "2024-02-29"),
        ])
        #expect(r.lines("data.date-out-of-window") == ["activities.csv:2"])
        #expect(r.keyed("phase-report-missing").filter { $0.hasSuffix("2023-05-01") } == ["O2@2023-05-01"])
        #expect(r.findings("advice-monthly-street").filter { $0.subject.id == "P1" }.count == 9)
        #expect(r.checkDate == day("2024-02-29"))
    }
}
