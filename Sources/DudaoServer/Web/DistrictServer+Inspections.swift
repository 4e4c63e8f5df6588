import DudaoCore
import Foundation
import Hummingbird
import HTTPTypes

/// Inspections: a saved district audit (its findings, as-of date, pack version and the hashes
/// of its inputs), and the comparison of two (REPORTS.md section 2).
extension DistrictServer {
    func addInspections(to api: RouterGroup<ServerContext>) {
        api.post("inspections") { request, context in
            try await withCaller(request, context, changes: true) { caller in
                guard caller.isSupervisor else { return APIResponse.error(.forbidden, "supervisors only") }
                let body = try await Self.jsonObject(request, context)
                let asOf: Day
                if let text = body["asOf"] as? String {
                    guard let day = Day(iso: text) else { return APIResponse.error(.badRequest, "asOf: YYYY-MM-DD") }
                    asOf = day
                } else {
                    asOf = settings.today
                }
                do {
                    let record = try await saveInspection(asOf: asOf, caller: caller, address: context.address)
                    return APIResponse.json(.created, ["inspection": record.id])
                } catch let problem as ReadProblem {
                    return APIResponse.error(.conflict, problem.message)
                }
            }
        }
        api.get("inspections") { request, context in
            try await withCaller(request, context, changes: false) { caller in
                guard caller.isSupervisor else { return APIResponse.error(.forbidden, "supervisors only") }
                let list: [[String: Any]] = try await store.inspections().map { i in
                    ["inspection": i.id, "asOf": i.asOf, "user": i.user, "time": Self.timestamp(i.time), "pack": i.packID,
                     "packVersion": i.packVersion, "inputs": i.inputs]
                }
                return APIResponse.json(.ok, ["inspections": list])
            }
        }
        api.get("inspections/{a}/compare/{b}") { request, context in
            try await withCaller(request, context, changes: false) { caller in
                guard caller.isSupervisor else { return APIResponse.error(.forbidden, "supervisors only") }
                guard let a = try await context.parameters.get("a", as: Int.self).asyncFlatMap(store.inspection),
                      let b = try await context.parameters.get("b", as: Int.self).asyncFlatMap(store.inspection) else {
                    return APIResponse.error(.notFound, "no such inspection")
                }
                do {
                    let text = try await compare(a, b, english: english(request))
                    try await log(user: caller.user, action: "view-district", detail: "compare \(a.id) \(b.id)", address: context.address)
                    return APIResponse.document(.ok, text)
                } catch let problem as ReadProblem {
                    return APIResponse.error(.conflict, problem.message)
                }
            }
        }
    }

    /// Runs the district audit as of `asOf` and keeps it with what it read.
    func saveInspection(asOf: Day, caller: Caller, address: String) async throws -> InspectionRecord {
        let rosters = try await store.rosters()
        let tables = DistrictFolder.officeTables(settings.pack)
        let latest = DistrictFolder.latest(try await store.uploads(office: nil), tables: tables)
        let used = Set(latest.values.flatMap { $0.values.map(\.id) })
        let uploads = try await store.uploads(office: nil).filter { used.contains($0.id) }
        let (result, inputs) = try await runner.run(rosters: rosters, uploads: uploads, asOf: asOf, offices: [], english: false)
        let record = InspectionRecord(id: 0, user: caller.user, time: settings.now(), asOf: asOf.iso, packID: result.packID,
                                      packVersion: result.packVersion, inputs: inputs, uploads: used.sorted(),
                                      rosters: Dictionary(uniqueKeysWithValues: rosters.map { ($0.table, $0.path) }),
                                      document: DistrictRunner.json(result, english: false))
        let stored = try await store.addInspection(record)
        try await log(user: caller.user, action: "inspection", detail: "#\(stored.id) as of \(asOf.iso)", address: address)
        return stored
    }

    /// `b`'s audit JSON, run again on the inputs it read, with `change` and `resolved` against `a`.
    func compare(_ a: InspectionRecord, _ b: InspectionRecord, english: Bool) async throws -> String {
        DistrictRunner.json(try await compared(a, b, english: english), english: english)
    }

    /// `b`'s audit, run again on the inputs it read, compared with `a`.
    func compared(_ a: InspectionRecord, _ b: InspectionRecord, english: Bool) async throws -> AuditResult {
        let baseline: Baseline
        do {
            baseline = try Baseline.parse(Array(a.document.utf8), file: "inspection-\(a.id)", packID: settings.pack.id)
        } catch {
            throw ReadProblem(message: error.message(file: "inspection-\(a.id)", english: english), missingTables: false)
        }
        let uploads = try await store.uploads(office: nil).filter { b.uploads.contains($0.id) }
        let rosters = b.rosters.keys.sorted().compactMap { table in
            b.rosters[table].map { RosterRecord(table: table, user: "", time: 0, fileName: "", sha256: b.inputs[($0 as NSString).lastPathComponent] ?? "", path: $0) }
        }
        guard let asOf = Day(iso: b.asOf) else { throw ReadProblem(message: "asOf", missingTables: false) }
        var (result, _) = try await runner.run(rosters: rosters, uploads: uploads, asOf: asOf, offices: [], english: english)
        BaselineComparison.compare(&result, with: baseline)
        return result
    }
}

extension Optional {
    /// `flatMap` with an async transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
