import DudaoCore
import Foundation
import ZIPFoundation

/// The seed corpus (`FuzzReaders --seeds DIR`): at least one input per target, each its
/// selector byte then the file's bytes, from the demo district, the pack, the lint fixtures
/// the workbooks of `fixtures/xlsx` and `fixtures/xlsx/broken` (whole, and each sheet's XML),
/// exemptions of the demo's findings and the demo's JSON results as baselines.
enum SeedWriter {
    static func write(into folder: String) {
        FuzzFixture.make(folder)
        var count = 0
        func seed(_ target: FuzzTarget, _ name: String, _ bytes: [UInt8]) {
            FuzzFixture.put([target.selector] + bytes, at: "\(folder)/seed-\(name)")
            count += 1
        }
        let demo = FuzzFixture.demoFiles
        seed(.ledger, "ledger", demo["activities.csv"] ?? [])
        seed(.enterprises, "enterprises", demo["enterprises.csv"] ?? [])
        seed(.contacts, "contacts", demo["contacts.csv"] ?? [])
        seed(.text, "text", demo["activities.csv"] ?? [])
        for (i, file) in FuzzFixture.packSource.files.enumerated() {
            seed(.ruleFile, "rule-\(i)", [UInt8(i)] + file.bytes)
            seed(.yaml, "yaml-\(i)", file.bytes)
        }
        for name in files(in: "fixtures/lint", suffix: ".yaml") {
            seed(.yaml, "lint-\(name)", contents("fixtures/lint/" + name))
        }
        seed(.workbook, "workbook", WorkbookInputs.template.bytes)
        for part in WorkbookInputs.template.parts where part.name == WorkbookInputs.sheetPart {
            seed(.sheetXML, "sheet", [UInt8](part.data))
        }
        for folder in ["fixtures/xlsx", "fixtures/xlsx/broken"] {
            for name in files(in: folder, suffix: ".xlsx") {
                let bytes = contents(folder + "/" + name)
                let tag = (folder.hasSuffix("broken") ? "broken-" : "") + name
                seed(.workbook, "xlsx-\(tag)", bytes)
                for (i, sheet) in sheets(of: folder + "/" + name).enumerated() { seed(.sheetXML, "xlsx-\(tag)-\(i)", sheet) }
            }
        }
        seed(.parameters, "parameters", Array("2023-04-30\nreport_grace_days=10\nquarters=calendar\n".utf8))
        seed(.parameters, "parameters-edge", Array("2200-12-31\nimplementation_end=2024-06-30\nmin_contact_points=2147483647\nreport_grace_days=36525\n".utf8))
        let demoFindings = (try? Audit.run(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: demo),
                                           options: AuditOptions(asOf: FuzzFixture.asOf, threads: 1)))?.findings ?? []
        for (name, bytes) in ExemptionInputs.seeds(findings: demoFindings) { seed(.exemptions, name, bytes) }
        for (name, bytes) in BaselineInputs.seeds() { seed(.baseline, name, bytes) }
        print("\(count) seeds in \(folder)")
    }

    private static func files(in folder: String, suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    private static func contents(_ path: String) -> [UInt8] {
        FuzzFixture.contents(of: path) ?? []
    }

    /// The XML of every worksheet of a workbook that opens (none of one that does not), up to
    /// 128 KiB each: the fuzzer's longest input. Opened by path: ZIPFoundation 0.9.20 leaks an
    /// archive in memory that it cannot open (its `FILE` is never closed), which LeakSanitizer
    /// reports for the broken workbooks.
    private static func sheets(of workbook: String) -> [[UInt8]] {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: workbook), accessMode: .read) } catch { return [] }
        var sheets: [[UInt8]] = []
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") && entry.path.hasSuffix(".xml") {
            guard entry.uncompressedSize < 128 << 10 else { continue }
            var part = Data()
            // A part may be larger than its entry says (fixtures/xlsx/lying.xlsx): stop past the bound.
            guard (try? archive.extract(entry, skipCRC32: true) { chunk in
                guard part.count + chunk.count <= 128 << 10 else { throw CocoaError(.fileReadTooLarge) }
                part.append(chunk)
            }) != nil else { continue }
            sheets.append([UInt8](part))
        }
        return sheets
    }
}
