import Foundation

/// Writes a synthetic district as the nine CSV files of PACK-SPEC §1, deterministically from
/// `GeneratorOptions` (same options, byte-identical files), for benchmarks and scale tests.
///
/// The district is mostly compliant: every requirement of the 服务民生年 pack is planned, and
/// a small share is dropped or broken (missing records, bad dates, unknown ids, negative or
/// over-cap fees, duplicates, missing 处理结果, wrong offices, late or missing reports). Values
/// come in the shapes Excel users produce (four date shapes, padded cells, quoted 备注 with
/// commas and doubled quotes), but no quoted field spans lines, so a row's line is always its
/// row index + 2.
public enum DatasetGenerator {
    /// The file names written, in PACK-SPEC order.
    public static let fileNames = [
        "offices.csv", "practitioners.csv", "streets.csv", "communities.csv", "enterprises.csv",
        "contacts.csv", "activities.csv", "fee_schedule.csv", "reports.csv",
    ]

    public static func write(_ options: GeneratorOptions, to directory: String) throws {
        guard options.practitioners >= 1 else {
            throw GeneratorError.invalidOptions(reason: "practitioners must be at least 1")
        }
        guard options.activitiesPerPractitioner >= 0 else {
            throw GeneratorError.invalidOptions(reason: "activitiesPerPractitioner must not be negative")
        }
        guard options.anomalyScale >= 0, options.anomalyScale <= 20 else {
            throw GeneratorError.invalidOptions(reason: "anomalyScale must be within 0…20")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotCreateDirectory(path: directory)
        }
        let district = District(options)
        let ids = DistrictIds(profile: options.profile, enterprises: district.enterprises)
        let rosters = RosterWriter(district: district, ids: ids)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        try rosters.writeOffices(to: path("offices.csv"))
        try rosters.writePractitioners(to: path("practitioners.csv"))
        try rosters.writeStreets(to: path("streets.csv"))
        try rosters.writeCommunities(to: path("communities.csv"))
        try rosters.writeEnterprises(to: path("enterprises.csv"))
        try rosters.writeContacts(to: path("contacts.csv"))
        try rosters.writeFeeSchedule(to: path("fee_schedule.csv"))
        try rosters.writeReports(to: path("reports.csv"))
        try ActivityLedger(district: district, ids: ids).write(
            to: path("activities.csv"), byteOrderMark: options.byteOrderMark)
    }

    /// The workbook names `writeWorkbooks` writes: `activities.xlsx` for `activities.csv`.
    public static var workbookNames: [String] {
        fileNames.map { String($0.dropLast(".csv".count)) + ".xlsx" }
    }

    /// Writes the same district as `write`, each table as a workbook of one sheet named
    /// `sheets[file]` (default: the file's stem) whose fields in `dateColumns[file]` are date
    /// cells. The CSV files are made in a hidden folder inside `directory` and removed once
    /// converted; memory stays the same however many rows (see `WorkbookConverter`). A
    /// workbook already at a target path is replaced only when `replacing` is set.
    public static func writeWorkbooks(_ options: GeneratorOptions, to directory: String, sheets: [String: String] = [:],
                                      dateColumns: [String: Set<String>] = [:], replacing: Bool = false) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotCreateDirectory(path: directory)
        }
        var template = Array(((directory as NSString).appendingPathComponent(".dudao-generate-XXXXXX")).utf8CString)
        guard let made = mkdtemp(&template) else { throw GeneratorError.cannotCreateDirectory(path: directory) }
        let scratch = String(cString: made)
        defer {
            for name in fileNames { unlink((scratch as NSString).appendingPathComponent(name)) }
            rmdir(scratch)
        }
        try write(options, to: scratch)
        for (name, workbook) in zip(fileNames, workbookNames) {
            let source = (scratch as NSString).appendingPathComponent(name)
            let target = (directory as NSString).appendingPathComponent(workbook)
            var st = stat()
            if replacing, lstat(target, &st) == 0, st.st_mode & S_IFMT == S_IFREG { unlink(target) }
            try WorkbookConverter.convert(csv: source, to: target, sheet: sheets[name] ?? String(name.dropLast(".csv".count)),
                                          dateColumns: dateColumns[name] ?? [])
            unlink(source)
        }
    }
}
