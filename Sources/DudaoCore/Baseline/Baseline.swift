import Foundation

/// An earlier run's JSON result read back for `--baseline`: its pack, as-of date and findings.
public struct Baseline: Sendable {
    /// The `schemaVersion` of the JSON documents this version writes and compares with: 2,
    /// since fingerprints leave out the check date and name a record's table, not its file.
    public static let schemaVersion = 2
    /// The largest baseline read (a province's result of some hundred thousand findings is
    /// well below it).
    public static let maximumFileBytes = 1 << 30

    public var file: String
    public var packID: String
    public var asOf: Day?
    public var findings: [Finding]

    /// Reads `path` and checks that it is a dudao result of pack `packID`.
    public static func load(contentsOf path: String, packID: String) throws(RunError) -> Baseline {
        let bytes: [UInt8]
        do { bytes = try RegularFile.contents(of: path, limit: maximumFileBytes) } catch {
            throw .badBaseline(file: path, problem: .file(error))
        }
        do { return try parse(bytes, file: path, packID: packID) } catch { throw .badBaseline(file: path, problem: error) }
    }

    /// Parses a baseline's bytes.
    public static func parse(_ bytes: [UInt8], file: String, packID: String) throws(BaselineProblem) -> Baseline {
        let object: JSONAny
        do { object = try JSONDecoder().decode(JSONAny.self, from: Data(bytes)) } catch { throw .notJSON }
        guard case .object = object else { throw .notAResult(detail: "not an object") }
        guard let version = object["schemaVersion"]?.int else { throw .notAResult(detail: "no schemaVersion") }
        guard let list = object["findings"]?.array else { throw .notAResult(detail: "no findings") }
        guard let pack = object["pack"]?["id"]?.string else { throw .notAResult(detail: "no pack id") }
        if pack != packID { throw .otherPack(found: pack, expected: packID) }
        if version != schemaVersion { throw .otherVersion(found: version, expected: schemaVersion) }
        var findings: [Finding] = []
        findings.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            guard let finding = BaselineFinding.read(item) else {
                throw .notAResult(detail: "findings[\(i)]")
            }
            findings.append(finding)
        }
        return Baseline(file: file, packID: pack, asOf: object["asOf"]?.day, findings: findings)
    }
}
