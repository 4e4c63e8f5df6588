/// The texts of a workbook's in-memory sheets, each stored once in `xl/sharedStrings.xml` and
/// referred to by its index, as Excel itself writes them.
final class SharedStringTable {
    private var index: [String: Int] = [:]
    private var texts: [String] = []
    /// References made, repeats included (the part's `count`).
    private var references = 0

    var isEmpty: Bool { texts.isEmpty }

    /// The index of `text`, added on first use.
    func reference(_ text: String) -> Int {
        references += 1
        if let i = index[text] { return i }
        texts.append(text)
        index[text] = texts.count - 1
        return texts.count - 1
    }

    var xml: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(texts.count)">"#
        for t in texts { out += #"<si><t xml:space="preserve">\#(t.excelEscaped.xmlEscaped)</t></si>"# }
        return out + "</sst>"
    }
}
