/// The sinks for the package's small parts: relationships and `workbook.xml`.
enum WorkbookParts {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var isExternal: Bool
    }

    /// Collects `<Relationship>` elements of a `.rels` part.
    struct RelationshipsSink: XMLSink {
        var relationships: [Relationship] = []

        mutating func start(_ tag: XMLTag) throws {
            guard tag.isNamed("Relationship"), let id = tag.string("Id"), let target = tag.string("Target") else { return }
            relationships.append(Relationship(id: id, type: tag.string("Type") ?? "", target: target,
                                              isExternal: tag.string("TargetMode") == "External"))
        }

        func end(_ tag: XMLTag) throws {}
        func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {}
    }

    /// A sheet entry of `workbook.xml` before its relationship is resolved.
    struct SheetEntry {
        var name: String
        var relationship: String
        var isHidden: Bool
    }

    /// Collects the date system and the `<sheet>` list of `workbook.xml`.
    struct WorkbookSink: XMLSink {
        var date1904 = false
        var sheets: [SheetEntry] = []

        mutating func start(_ tag: XMLTag) throws {
            if tag.isNamed("workbookPr") {
                let value = tag.string("date1904")
                date1904 = value == "1" || value == "true"
            } else if tag.isNamed("sheet"), let name = tag.string("name"), let id = tag.string("id") {
                let state = tag.string("state")
                sheets.append(SheetEntry(name: name, relationship: id, isHidden: state == "hidden" || state == "veryHidden"))
            }
        }

        func end(_ tag: XMLTag) throws {}
        func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {}
    }

    /// The part a relationship target names, seen from the part `source`: relative to its
    /// folder, or from the package root when it starts with `/`; `.` and `..` resolved.
    static func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring]
        if target.hasPrefix("/") {
            segments = []
        } else {
            segments = source.split(separator: "/").dropLast()
        }
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The `.rels` part that holds `part`'s relationships (`xl/_rels/workbook.xml.rels`).
    static func relationshipsPart(of part: String) -> String {
        var segments = part.split(separator: "/").map(String.init)
        let name = segments.popLast() ?? ""
        return (segments + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
