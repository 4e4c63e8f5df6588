import Foundation
import DudaoCore

/// A SARIF 2.1.0 log of one dudao run: the one writer behind `audit --format sarif` and
/// `lint --format sarif`. Members are written in a fixed order, so the same log is the same bytes.
struct SARIFLog {
    /// An entry of the driver's rule list.
    struct Rule {
        var id: String
        var shortDescription: String
        var fullDescription: String?
        var level: String?
    }

    /// A file as a relative URI reference and a 1-based line (and column, when known).
    struct Location {
        var file: String
        var line: Int
        var column: Int?
        /// The sheet of a workbook row: a logical location inside the file.
        var sheet: String?

        init(file: String, line: Int, column: Int? = nil, sheet: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.sheet = sheet
        }
    }

    /// One problem found.
    struct Result {
        var ruleID: String
        var ruleIndex: Int?
        var level: String
        var message: String
        /// The first is the result's location; the others are related locations.
        var locations: [Location]
        var fingerprint: String?
        /// Why the result is suppressed (an exemption), if it is.
        var suppression: String?
    }

    var rules: [Rule]
    var results: [Result]
    /// The dudao release, as the driver's `version`.
    var version: String?
    /// The run's property bag (an audit's run record).
    var properties: [(String, JSONValue)] = []

    /// SARIF's name for a severity.
    static func level(_ severity: String) -> String {
        severity == "info" ? "note" : severity
    }

    func serialized() -> String {
        let rules: [JSONValue] = rules.map { rule in
            var members: [(String, JSONValue)] = [
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.shortDescription))])),
            ]
            if let full = rule.fullDescription { members.append(("fullDescription", .object([("text", .string(full))]))) }
            if let level = rule.level { members.append(("defaultConfiguration", .object([("level", .string(level))]))) }
            return .object(members)
        }
        let results: [JSONValue] = results.map { r in
            var members: [(String, JSONValue)] = [("ruleId", .string(r.ruleID))]
            if let index = r.ruleIndex { members.append(("ruleIndex", .int(index))) }
            members.append(("level", .string(r.level)))
            members.append(("message", .object([("text", .string(r.message))])))
            if let first = r.locations.first { members.append(("locations", .array([Self.location(first)]))) }
            if r.locations.count > 1 { members.append(("relatedLocations", .array(r.locations.dropFirst().map(Self.location)))) }
            if let fingerprint = r.fingerprint { members.append(("partialFingerprints", .object([("dudao/v1", .string(fingerprint))]))) }
            if let reason = r.suppression {
                members.append(("suppressions", .array([.object([
                    ("kind", .string("external")),
                    ("justification", .string(reason)),
                ])])))
            }
            return .object(members)
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([("name", .string("dudao"))]
                    + (version.map { [("version", JSONValue.string($0))] } ?? []) + [("rules", .array(rules))]))])),
                ("results", .array(results)),
            ] + (properties.isEmpty ? [] : [("properties", .object(properties))]))])),
        ]).serialized()
    }

    /// Spaces and non-ASCII percent-encoded, as a URI reference needs.
    private static func location(_ place: Location) -> JSONValue {
        let uri = place.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? place.file
        var region: [(String, JSONValue)] = [("startLine", .int(max(place.line, 1)))]
        if let column = place.column { region.append(("startColumn", .int(max(column, 1)))) }
        var members: [(String, JSONValue)] = [("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri))])),
            ("region", .object(region)),
        ]))]
        if let sheet = place.sheet {
            members.append(("logicalLocations", .array([.object([
                ("name", .string(sheet)),
                ("fullyQualifiedName", .string(RecordPlace.file(place.file, sheet: sheet))),
                ("kind", .string("sheet")),
            ])])))
        }
        return .object(members)
    }
}
