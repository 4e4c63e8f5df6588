import Hummingbird
import HTTPTypes
import NIOCore

/// The site's pages: plain HTML rendered on the server, no scripts, Chinese by default.
enum HTMLPage {
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A whole page around `body` (already HTML); `nav` adds the logout form for a session.
    static func page(_ title: String, body: String, english: Bool, csrf: String? = nil, user: String? = nil) -> String {
        var nav = ""
        if let csrf, let user {
            nav = """
            <nav><span>\(escape(user))</span> · <a href="/">\(english ? "Home" : "首页")</a> · <a href="/password">\(english ? "Password" : "修改密码")</a>
            <form method="post" action="/logout" style="display:inline"><input type="hidden" name="csrf" value="\(escape(csrf))">
            <button>\(english ? "Log out" : "退出")</button></form></nav>
            """
        }
        return """
        <!DOCTYPE html>
        <html lang="\(english ? "en" : "zh-CN")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
        .error{color:#a00;border:1px solid #a00;padding:.5rem;white-space:pre-wrap}.ok{color:#060}nav{margin-bottom:1rem}
        form,table{margin:.5rem 0}.nowrap{white-space:nowrap}</style>
        </head><body>\(nav)<h1>\(escape(title))</h1>
        \(body)
        </body></html>
        """
    }

    static func response(_ status: HTTPResponse.Status, _ html: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// An engine report shown on the site, with a link back to the page it was opened from
    /// (the same report downloaded as a file has none).
    static func withBackLink(_ report: String, to href: String, english: Bool) -> String {
        guard let body = report.range(of: "<body>") else { return report }
        let link = "<nav><a href=\"\(escape(href + (english ? "?lang=en" : "")))\">← " + (english ? "Back" : "返回") + "</a></nav>"
        return report.replacingCharacters(in: body, with: "<body>\n" + link)
    }

    /// What an office gets for another office's page, and anyone for a page that is not
    /// there: the same answer, so it does not tell which exists.
    static func notFound(english: Bool) -> Response {
        let body = "<p>" + (english ? "There is no such page, or it is not yours to see." : "没有这个页面，或您无权查看。")
            + " <a href=\"/\">" + (english ? "Home" : "返回首页") + "</a></p>"
        return response(.notFound, page("404", body: body, english: english))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func form(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let k = kv.first { out[decode(k)] = kv.count > 1 ? decode(kv[1]) : "" }
        }
        return out
    }
}
