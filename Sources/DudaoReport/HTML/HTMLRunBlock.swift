import DudaoCore

/// The small 运行信息 block of the HTML reports: what produced the page (program, pack, data,
/// as-of date, parameters, exemptions, baseline), one label and value per row, escaped.
struct HTMLRunBlock {
    var result: AuditResult
    var run: RunRecord
    var words: Wording

    var html: String {
        let rows = words.runItems(result, run).map { "<dt>\($0.label.markupEscaped)</dt><dd>\($0.value.markupEscaped)</dd>" }
        return "<div class=\"run\"><strong>\(words.runHeading.markupEscaped)</strong>\n<dl>\n"
            + rows.joined(separator: "\n") + "\n</dl></div>\n"
    }

    /// Its style, the same in the audit report and the self-check list.
    static let css = """
        .run { color: #5f6368; font-size: 0.85em; margin: 0 0 1em; }
        .run dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; margin: 0.2em 0 0; }
        .run dt { font-weight: 600; } .run dd { margin: 0; overflow-wrap: anywhere; }
        """
}
