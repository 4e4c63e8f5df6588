/// JUnit XML as CI dashboards read it: the one writer behind `audit --format junit` and
/// `test --format junit`.
struct JUnitLog {
    /// A failed case: a one-line summary, an optional type and the full text.
    struct Failure {
        var message: String
        var type: String?
        var body: String
    }

    struct Case {
        var className: String
        var name: String
        /// `file:line` of the case's definition, when it has one.
        var file: String?
        var failure: Failure?
    }

    struct Suite {
        var name: String
        var cases: [Case]
        var failures: Int { cases.filter { $0.failure != nil }.count }
    }

    var name: String
    var suites: [Suite]

    func serialized() -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }, failures = suites.reduce(0) { $0 + $1.failures }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(name.markupEscaped)\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(suite.name.markupEscaped)\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\""
            guard !suite.cases.isEmpty else {
                out += "/>\n"
                continue
            }
            out += ">\n"
            for c in suite.cases {
                out += "    <testcase classname=\"\(c.className.markupEscaped)\" name=\"\(c.name.markupEscaped)\""
                if let file = c.file { out += " file=\"\(file.markupEscaped)\"" }
                guard let failure = c.failure else {
                    out += "/>\n"
                    continue
                }
                out += ">\n      <failure message=\"\(failure.message.markupEscaped)\""
                if let type = failure.type { out += " type=\"\(type.markupEscaped)\"" }
                out += ">" + failure.body.markupEscaped + "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
