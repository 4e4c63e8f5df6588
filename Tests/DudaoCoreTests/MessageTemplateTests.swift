import Testing
@testable import DudaoCore

/// Message templates: `{name}` is filled, anything else stays as written, including stray
/// and unclosed braces; a compiled template renders the same as the text it came from.
@Suite struct MessageTemplateTests {
    @Test(arguments: [
        ("处理{record}，应{expected}", "处理R1，应5", ["record", "expected"]),
        ("{a{b}", "{aB", ["b"]),
        ("x}y", "x}y", []),
        ("a{b", "a{b", []),
        ("{unknown}", "{unknown}", ["unknown"]),
        ("{}", "{}", [""]),
        ("{record}{record}", "R1R1", ["record", "record"]),
        ("", "", []),
    ])
    func fillsAndLeavesTheRestAsWritten(template: String, rendered: String, names: [String]) {
        let values = ["record": "R1", "expected": "5", "b": "B"]
        #expect(MessageTemplate.placeholders(in: template) == names)
        #expect(MessageTemplate.Compiled(template).render { values[$0] } == rendered)
    }
}
