import DudaoCore
import DudaoReport
import Foundation

/// Runs the engine over what the store holds: the district audit, an office's check (that
/// audit limited to the office), and the trial read of a new upload. Runs happen off the
/// server's event loops, at most `slots` at a time, and the folder each builds is removed
/// after it.
struct DistrictRunner: Sendable {
    let pack: Pack
    let files: String
    let store: DistrictStore
    /// Threads per run (the runs of concurrent requests share the cores).
    let threads: Int
    /// Runs at a time; the others wait their turn.
    let slots: AsyncLock

    /// The audit as of `asOf` over every office's latest uploads, limited to `offices` when
    /// given; with the inputs' hashes.
    func audit(asOf: Day, offices: [String] = [], english: Bool) async throws -> (AuditResult, [String: String]) {
        let rosters = try await store.rosters()
        let uploads = try await store.uploads(office: nil)
        return try await run(rosters: rosters, uploads: uploads, asOf: asOf, offices: offices, english: english)
    }

    func run(rosters: [RosterRecord], uploads: [UploadRecord], asOf: Day, offices: [String],
             english: Bool) async throws -> (AuditResult, [String: String]) {
        let pack = pack
        let options = AuditOptions(asOf: asOf, offices: offices, english: english, threads: threads)
        return try await withDistrict(rosters: rosters, uploads: uploads) { folder, inputs in
            do throws(RunError) {
                return (try Audit.run(pack: pack, dataset: .directory(folder), options: options), inputs)
            } catch {
                throw ReadProblem(error, folder: folder, english: english)
            }
        }
    }

    /// The spot-check list (`dudao sample`) over every office's latest uploads, each record
    /// named by the file it was uploaded in.
    func sample(_ request: SpotCheckSampler.Request) async throws -> SpotCheck {
        let pack = pack
        return try await withDistrict(rosters: try await store.rosters(), uploads: try await store.uploads(office: nil)) { folder, _ in
            do throws(RunError) {
                // The folder's tables are parts listed in its dataset.yaml: the sampler reads them
                // through the intake and names each record as uploaded (OFFICE/file[sheet], its row there).
                return try SpotCheckSampler.draw(pack: pack, dataset: .directory(folder), request)
            } catch {
                throw ReadProblem(error, folder: folder, english: request.english)
            }
        }
    }

    /// Builds the district folder from the store, runs `work` on it (and the inputs' hashes)
    /// in a slot off the event loops, and removes the folder.
    private func withDistrict<T: Sendable>(rosters: [RosterRecord], uploads: [UploadRecord],
                                           _ work: @escaping @Sendable (String, [String: String]) throws -> T) async throws -> T {
        let district = DistrictFolder(pack: pack, files: files)
        return try await slots.withLock {
            try await Self.offload {
                let (folder, inputs) = try district.build(rosters: rosters, uploads: uploads)
                defer { try? FileManager.default.removeItem(atPath: folder) }
                return try work(folder, inputs)
            }
        }
    }

    /// What reading an upload gives: the rows of each table it holds, and the office ids its
    /// rows carry (trimmed, blanks included).
    struct UploadReading: Sendable {
        var rows: [String: Int]
        var officeIDs: Set<String>
    }

    /// Reads the office tables found in an upload's folder the way the district run will
    /// (INTAKE: workbooks, headers, local names), without rosters or rules: a reader's error
    /// names the files as uploaded.
    func read(upload folder: String, parts: [String: [String]], english: Bool) async throws -> UploadReading {
        var only = pack
        only.tables = DistrictFolder.officeTables(pack).filter { parts[$0.name] != nil }
        let held = only, tables = only.tables
        return try await slots.withLock {
            try await Self.offload {
                let intake: IntakeTables
                do throws(RunError) {
                    intake = try IntakeTables.read(folder: folder, pack: held, english: english)
                } catch {
                    throw ReadProblem(error, folder: folder, english: english)
                }
                var reading = UploadReading(rows: [:], officeIDs: [])
                for t in tables {
                    guard case .column(let c)? = t.office, let scan = intake.scan(t, column: c) else { continue }
                    reading.rows[t.name] = scan.rows
                    reading.officeIDs.formUnion(scan.values)
                }
                return reading
            }
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
