import Foundation
import Testing
@testable import DudaoCore

/// The repository documents itself: every key the pack schema declares is in
/// `docs/rule-packs.md`, every table and column of the reference pack is in
/// `docs/dataset.md` with its type and whether it is required, and every link between the
/// documents leads to a file (and heading) inside the repository.
@Suite struct DocsTests {
    /// The package root, found from this file's place in it.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/DudaoCoreTests/DocsTests.swift → package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.standardizedFileURL
    }()

    static func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The READMEs and every Markdown file in docs/, as repository paths.
    static let documents: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md", "rules/README.md", "bench/README.md", "fixtures/demo/README.md"]
            + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    // MARK: the pack format

    /// Every object shape a pack file can hold, each once: the mappings reachable from
    /// `PackSchema.file`, conditions and value sources included.
    static func shapes() -> [ObjectShape] {
        var out: [ObjectShape] = []
        var seen = Set<String>()
        var pending: [ValueShape] = [.object(PackSchema.file)]
        while let shape = pending.popLast() {
            switch shape {
            case .object(let o), .scalarOr(let o):
                guard seen.insert(o.name + ":" + o.fields.map(\.key).joined(separator: ",")).inserted else { continue }
                out.append(o)
                pending += o.fields.map(\.type)
            case .list(let inner), .oneOrMany(let inner), .map(let inner):
                pending.append(inner)
            case .condition:
                pending.append(.object(PackSchema.condition))
            case .value:
                pending.append(.object(PackSchema.valueSource))
            case .string, .integer, .date, .boolean, .choice:
                break
            }
        }
        return out
    }

    @Test func theWalkReachesTheNestedShapes() {
        let names = Set(Self.shapes().map(\.name))
        for shape in [PackSchema.lookup, PackSchema.planNote, PackSchema.expectedItem, PackSchema.reference,
                      PackSchema.assignmentCover, PackSchema.officeAssignments, PackSchema.condition] {
            #expect(names.contains(shape.name), "the walk misses \(shape.name)")
        }
    }

    @Test func everyPackKeyIsDocumented() {
        let doc = Self.read("docs/rule-packs.md")
        #expect(!doc.isEmpty)
        var missing: [String] = []
        for shape in Self.shapes() {
            for field in shape.fields where !doc.contains("`\(field.key)`") {
                missing.append("\(shape.name).\(field.key)")
            }
        }
        #expect(missing == [], "keys not in docs/rule-packs.md")
    }

    // MARK: the dataset

    /// The rows of the Markdown tables in a section, keyed by their first cell.
    static func tableRows(in section: Substring) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = cells.first, rows[first] == nil { rows[first] = cells }
        }
        return rows
    }

    /// The text from the `### file` heading to the next heading of that level or above.
    static func section(of file: String, in doc: String) -> Substring? {
        guard let start = doc.range(of: "\n### \(file)") else { return nil }
        let rest = doc[start.upperBound...]
        let end = [rest.range(of: "\n## ")?.lowerBound, rest.range(of: "\n### ")?.lowerBound].compactMap { $0 }.min()
        return rest[..<(end ?? rest.endIndex)]
    }

    @Test func everyTableAndColumnIsDocumented() {
        let doc = Self.read("docs/dataset.md")
        #expect(!realPack.tables.isEmpty)
        for table in realPack.tables {
            #expect(doc.contains("`\(table.name)`"), "table \(table.name) not named in docs/dataset.md")
            guard let section = Self.section(of: table.file, in: doc) else {
                Issue.record("no section ### \(table.file) in docs/dataset.md")
                continue
            }
            let rows = Self.tableRows(in: section)
            for column in table.columns {
                guard let cells = rows[column.name], cells.count >= 3 else {
                    Issue.record("\(table.file): column \(column.name) has no row")
                    continue
                }
                #expect(cells[1] == column.type.rawValue, "\(table.file) \(column.name): type")
                let required = cells[2]
                if !column.optional {
                    #expect(required == "yes", "\(table.file) \(column.name): required")
                } else if column.requiredWhen != nil {
                    #expect(required.hasPrefix("for "), "\(table.file) \(column.name): required when")
                } else {
                    #expect(required.hasPrefix("no"), "\(table.file) \(column.name): optional")
                }
                let row = cells.joined(separator: " | ")
                for value in column.values {
                    #expect(row.contains(value), "\(table.file) \(column.name): value \(value)")
                }
                for target in column.references?.tables ?? [] {
                    #expect(row.contains(target), "\(table.file) \(column.name): references \(target)")
                }
            }
        }
    }

    // MARK: links

    /// A link in a Markdown document: its target path (may be empty) and its fragment.
    struct Link: Equatable {
        var path: String
        var fragment: String?
    }

    /// The inline links `[text](target)` outside fenced code, leaving out web addresses.
    static func links(in markdown: String) -> [Link] {
        var out: [Link] = []
        for line in proseLines(of: markdown) {
            var rest = Substring(line)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let target = String(after[..<close])
                rest = after[after.index(after: close)...]
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                out.append(Link(path: String(parts[0]), fragment: parts.count > 1 ? String(parts[1]) : nil))
            }
        }
        return out
    }

    /// The lines of a document that are not inside ``` fences.
    static func proseLines(of markdown: String) -> [Substring] {
        var inFence = false
        var out: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence { out.append(line) }
        }
        return out
    }

    /// The anchors GitHub gives a document's headings: lowercased, spaces to hyphens,
    /// punctuation other than `-` and `_` dropped.
    static func anchors(of markdown: String) -> Set<String> {
        var out = Set<String>()
        for line in proseLines(of: markdown) where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for ch in title.lowercased() {
                if ch == " " { slug.append("-") } else if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { slug.append(ch) }
            }
            out.insert(slug)
        }
        return out
    }

    @Test func linksAndAnchorsAreReadAsGitHubDoes() {
        let text = """
        See [the format](docs/rule-packs.md#tools-for-pack-authors), [home](https://example.org/x)
        and [exit](#exit-codes), [up](../README.md).
        ```
        [not a link](nowhere.md)
        ```
        ## Tools for pack authors
        ### kind: count
        """
        #expect(Self.links(in: text) == [
            Link(path: "docs/rule-packs.md", fragment: "tools-for-pack-authors"),
            Link(path: "", fragment: "exit-codes"),
            Link(path: "../README.md", fragment: nil),
        ])
        #expect(Self.anchors(of: text) == ["tools-for-pack-authors", "kind-count"])
    }

    @Test(arguments: documents)
    func everyLinkLeadsToAFileInTheRepository(document: String) {
        let text = Self.read(document)
        #expect(!text.isEmpty, "\(document) is missing")
        let folder = Self.root.appendingPathComponent(document).deletingLastPathComponent()
        for link in Self.links(in: text) {
            let target = link.path.isEmpty ? Self.root.appendingPathComponent(document)
                : folder.appendingPathComponent(link.path).standardizedFileURL
            let shown = "\(document): (\(link.path)\(link.fragment.map { "#" + $0 } ?? ""))"
            #expect(target.path.hasPrefix(Self.root.path + "/"), "\(shown) leaves the repository")
            guard FileManager.default.fileExists(atPath: target.path) else {
                Issue.record("\(shown): no such file")
                continue
            }
            if let fragment = link.fragment, target.pathExtension == "md" {
                let anchors = Self.anchors(of: (try? String(contentsOf: target, encoding: .utf8)) ?? "")
                #expect(anchors.contains(fragment), "\(shown): no such heading")
            }
        }
    }

    @Test func theReadmeLinksTheDocuments() {
        let targets = Set(Self.links(in: Self.read("README.md")).map(\.path))
        for document in Self.documents where document.hasPrefix("docs/") || document == "rules/README.md" {
            #expect(targets.contains(document), "README.md does not link \(document)")
        }
    }

    @Test(arguments: documents)
    func noDocumentNamesAContractOutsideTheRepository(document: String) {
        let text = Self.read(document)
        for name in ["PACK-SPEC", "CLI.md", "STYLE.md"] {
            #expect(!text.contains(name), "\(document) names \(name)")
        }
    }
}
