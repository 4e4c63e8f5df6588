/// The pack's parameters for one run: defaults, overridden by `--param name=value`.
public struct ParameterValues: Sendable {
    public private(set) var values: [String: String]

    /// Applies overrides; every override must name a declared parameter and fit its type.
    public init(pack: Pack, overrides: [String: String]) throws(RunError) {
        var values: [String: String] = [:]
        for p in pack.parameters { values[p.name] = p.defaultValue }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let p = pack.parameter(named: name) else {
                throw .unknownParameter(name: name, known: pack.parameters.map(\.name))
            }
            switch p.kind {
            case .date where Day(iso: value).map(PackLimits.allows) != true:
                throw .badParameter(name: name, value: value, expected: "YYYY-MM-DD")
            case .integer where Int(value).map(PackLimits.count.contains) != true:
                throw .badParameter(name: name, value: value, expected: "整数")
            case .choice(let allowed) where !allowed.contains(value):
                throw .badParameter(name: name, value: value, expected: allowed.joined(separator: " | "))
            default:
                values[name] = value
            }
        }
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }
}
