/// The small parts of a written workbook around its sheets: content types, relationships,
/// `workbook.xml` (sheet names, date system, the auto-filters' defined names) and the styles.
struct WorkbookPackage {
    let sheets: [XLSXWriter.Sheet]
    let date1904: Bool
    let hasSharedStrings: Bool
    /// Each sheet's auto-filter range, if it has one.
    let filters: [String?]

    var contentTypes: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if hasSharedStrings {
            out += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        for i in sheets.indices {
            out += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return out + "</Types>"
    }

    static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    var workbook: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>"
        out += "<sheets>"
        for (i, s) in sheets.enumerated() {
            out += #"<sheet name="\#(s.name.xmlEscaped)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        // Excel keeps each auto-filter's range as a hidden defined name and expects to find it.
        let named = filters.enumerated().compactMap { i, range in range.map { (i, $0) } }
        if !named.isEmpty {
            out += "<definedNames>"
            for (i, range) in named {
                let quoted = "'" + sheets[i].name.replacingOccurrences(of: "'", with: "''") + "'!" + Self.absolute(range)
                out += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">\#(quoted.xmlEscaped)</definedName>"#
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    var workbookRelationships: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            out += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        out += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        if hasSharedStrings {
            out += #"<Relationship Id="rId\#(sheets.count + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        return out + "</Relationships>"
    }

    /// Style 0: general; 1: a date (`yyyy-mm-dd`, custom format 164); 2: bold (headers).
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// `A1:M40` as `$A$1:$M$40`.
    private static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { ref in
            let letters = ref.prefix { $0.isLetter }
            return "$" + letters + "$" + ref.dropFirst(letters.count)
        }.joined(separator: ":")
    }
}
