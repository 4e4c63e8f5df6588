import DudaoCore

extension RunRecord {
    /// The `run` object of the JSON document and of SARIF's run properties: every member is
    /// always there (null or empty when not given), so a script reads it without guessing.
    func json(_ result: AuditResult) -> JSONValue {
        .object([
            ("dudao", .string(dudaoVersion)),
            ("pack", .object([("id", .string(result.packID)), ("version", .int(result.packVersion)),
                              ("rules", rules.map(JSONValue.string) ?? .null)])),
            ("data", data.map(JSONValue.string) ?? .null),
            ("asOf", .string(result.asOf.iso)),
            ("parameters", .object(parameters.map { ($0.name, .string($0.value)) })),
            ("offices", .array(result.officeFilter.map(JSONValue.string))),
            ("exemptions", exemptions.map(JSONValue.string) ?? .null),
            ("baseline", result.baseline.map { b in
                .object([("file", .string(b.file)), ("asOf", b.asOf.map { .string($0.iso) } ?? .null)])
            } ?? .null),
        ])
    }
}
