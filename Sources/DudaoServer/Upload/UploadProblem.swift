/// Why an upload was refused; each becomes a 4xx (a 507 when the server cannot store it) and a
/// message, and nothing is stored.
enum UploadProblem: Error, Equatable {
    /// Not `multipart/form-data` with a boundary.
    case notMultipart
    /// No part named `file` with a file name.
    case noFile
    case tooLarge(limit: Int)
    /// A name with a folder, a drive, `..` or characters no file may have.
    case badName(String)
    /// Neither CSV, XLSX nor (where allowed) ZIP.
    case badKind(String)
    case malformed
    /// A zip larger unpacked, or with more entries, than the bounds.
    case zipBounds
    case badZip(String)
    /// The same file as an upload already stored.
    case duplicate(upload: Int)
    /// The form's CSRF token did not match the session's.
    case csrf
    /// The file holds none of the tables an office uploads (or for a roster, not that table).
    case noTable(String)
    /// Rows carrying the id of another office of the district.
    case otherOffices(office: String, others: [String])
    /// The server could not write the file (its disk is full, say): the upload is not at fault.
    case cannotStore

    var status: Int {
        switch self {
        case .notMultipart, .badKind: 415
        case .tooLarge, .zipBounds: 413
        case .duplicate: 409
        case .csrf: 403
        case .noFile, .malformed: 400
        case .badName, .badZip, .noTable, .otherOffices: 422
        case .cannotStore: 507
        }
    }

    func message(english: Bool) -> String {
        switch self {
        case .notMultipart:
            english ? "send the file as multipart/form-data in a field named file" : "请以 multipart/form-data 上传，字段名为 file"
        case .noFile: english ? "no file in the field named file" : "字段 file 中没有文件"
        case .tooLarge(let limit):
            english ? "the upload is larger than \(limit) bytes" : "上传超过 \(limit) 字节的上限"
        case .badName(let name):
            english ? "the file name '\(name)' is not a plain file name (no folders, drives or special characters)"
                : "文件名“\(name)”不是单纯的文件名（不能含文件夹、盘符或特殊字符）"
        case .badKind(let name):
            english ? "'\(name)' is not a CSV file, an Excel workbook (.xlsx) or a zip of them"
                : "“\(name)”不是 CSV 文件、Excel 工作簿（.xlsx）或它们的 zip 压缩包"
        case .malformed: english ? "the multipart body is malformed" : "上传内容格式不正确"
        case .zipBounds:
            english ? "the zip unpacks to more than the server accepts" : "压缩包解压后超过服务器允许的大小或文件数"
        case .badZip(let detail): english ? "the zip cannot be read: \(detail)" : "压缩包无法读取：\(detail)"
        case .duplicate(let id):
            english ? "the same file was already uploaded (upload \(id))" : "同一文件已上传过（第 \(id) 号上传）"
        case .csrf: english ? "the form has expired; reload the page and try again" : "表单已失效，请刷新页面后重试"
        case .noTable(let what):
            english ? "no table of the ledger was found in \(what)" : "在 \(what) 中没有找到台账的表"
        case .otherOffices(let office, let others):
            english ? "the upload holds rows of other offices (\(others.joined(separator: ", "))); \(office) uploads only its own rows"
                : "上传的文件含有其他法律服务所（\(others.joined(separator: "、"))）的记录；\(office) 只能上传本所的记录"
        case .cannotStore:
            english ? "the server could not store the file (its disk may be full); nothing was kept, try again later"
                : "服务器无法保存该文件（磁盘可能已满），本次上传未保留，请稍后再试"
        }
    }
}
