import DudaoCore
import DudaoReport
import Foundation

/// Runs the engine over what the store holds: the district audit, an office's check (that
/// audit limited to the office), and the trial read of a new upload. Runs happen off the
/// server's event loops, one at a time per runner slot, and the folder each builds is removed
/// after it.
struct DistrictRunner: Sendable {
    let pack: Pack
    let files: String
    let store: DistrictStore
    /// Threads per run (the runs of concurrent requests share the cores).
    let threads: Int

    /// The audit as of `asOf` over every office's latest uploads, limited to `offices` when
    /// given; with the inputs' hashes.
    func audit(asOf: Day, offices: [String] = [], english: Bool) async throws -> (AuditResult, [String: String]) {
        let rosters = try await store.rosters()
        let uploads = try await store.uploads(office: nil)
        return try await run(rosters: rosters, uploads: uploads, asOf: asOf, offices: offices, english: english)
    }

    func run(rosters: [RosterRecord], uploads: [UploadRecord], asOf: Day, offices: [String],
             english: Bool) async throws -> (AuditResult, [String: String]) {
        let district = DistrictFolder(pack: pack, files: files)
        let pack = pack
        let threads = threads
        return try await Self.offload {
            let (folder, inputs) = try district.build(rosters: rosters, uploads: uploads)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let options = AuditOptions(asOf: asOf, offices: offices, english: english, threads: threads)
            do throws(RunError) {
                return (try Audit.run(pack: pack, dataset: .directory(folder), options: options), inputs)
            } catch {
                throw ReadProblem(error, folder: folder, english: english)
            }
        }
    }

    /// The office ids the rows of `uploads` carry in the office tables (trimmed, blanks
    /// included), as the intake reads them.
    func officeIDs(rosters: [RosterRecord], uploads: [UploadRecord], english: Bool) async throws -> Set<String> {
        let district = DistrictFolder(pack: pack, files: files)
        let pack = pack
        return try await Self.offload {
            let (folder, _) = try district.build(rosters: rosters, uploads: uploads)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let tables: IntakeTables
            do throws(RunError) {
                tables = try IntakeTables.read(folder: folder, pack: pack, english: english)
            } catch {
                throw ReadProblem(error, folder: folder, english: english)
            }
            var out = Set<String>()
            for t in DistrictFolder.officeTables(pack) {
                if case .column(let c)? = t.office { out.formUnion(tables.values(of: c, in: t.name)) }
            }
            return out
        }
    }

    /// The audit's JSON document, exactly as `dudao audit --format json` writes it.
    static func json(_ result: AuditResult, english: Bool) -> String {
        Reporters.render(result, options: ReportOptions(format: .json, language: english ? .en : .zh))
    }

    /// Runs blocking work on a thread of its own, not on the server's event loops.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
