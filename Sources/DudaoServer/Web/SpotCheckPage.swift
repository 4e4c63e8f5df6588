import DudaoCore

/// The supervisors' spot-check page: the form to draw a list (as-of date, seed, records per
/// office), the seed that draws it again, and one table per office of the records to verify.
enum SpotCheckPage {
    static func page(_ check: SpotCheck, english en: Bool, csrf: String?, user: String) -> String {
        let e = HTMLPage.escape
        let lang = en ? "&lang=en" : ""
        let again = "asOf=\(check.asOf.iso)&seed=\(check.seed)&perOffice=\(check.perOffice)\(lang)"
        var body = """
        <form method="get" action="/district/sample">\(en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
        <label>\(en ? "As of" : "截止日期") <input type="date" name="asOf" value="\(check.asOf.iso)"></label>
        <label>\(en ? "Per office" : "每所抽取") <input type="number" name="perOffice" min="1" max="50" value="\(check.perOffice)"></label>
        <label>\(en ? "Seed (empty: a new random one)" : "随机种子（留空则随机）") <input type="number" name="seed" min="1" max="99999999"></label>
        <button>\(en ? "Draw" : "抽取")</button></form>
        <p>\(en ? "Seed" : "随机种子") <strong>\(check.seed)</strong>: \(en ? "the same seed and uploads give the same list" : "同一种子和同样的上传得到同一份清单")
        · <a href="/district/sample?\(again)">\(en ? "link to this list" : "本清单的链接")</a>
        · <a href="/district/sample.csv?\(again)">\(en ? "download for Excel (CSV)" : "下载 Excel 可打开的 CSV")</a></p>
        """
        for office in check.offices {
            let name = office.id.map { id in office.name.map { "\(id) \($0)" } ?? id } ?? (en ? "records of no office" : "无法确定所属的记录")
            body += "<h2>\(e(name))</h2><p>" + e(en ? "\(office.records.count) of \(office.population) records"
                                                      : "共 \(office.population) 条，抽 \(office.records.count) 条") + "</p>\n"
            guard !office.records.isEmpty else { continue }
            body += "<table><tr><th>\(en ? "Place" : "位置")</th><th>\(en ? "Id" : "编号")</th><th>\(en ? "Date" : "日期")</th>"
                + "<th>\(en ? "Cells" : "内容")</th></tr>\n"
            for r in office.records {
                let cells = zip(r.columns, r.values).filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }.joined(separator: en ? "; " : "；")
                body += "<tr><td>\(e(r.file)) \(en ? "line" : "第") \(r.line)\(en ? "" : " 行")</td><td class=\"nowrap\">\(e(r.id ?? ""))</td>"
                    + "<td class=\"nowrap\">\(r.date.iso)</td><td>\(e(cells))</td></tr>\n"
            }
            body += "</table>\n"
        }
        return HTMLPage.page(en ? "Spot-check list" : "不定期抽查清单", body: body, english: en, csrf: csrf, user: user)
    }
}
