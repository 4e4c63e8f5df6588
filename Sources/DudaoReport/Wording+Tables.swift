import DudaoCore

/// The words of the rows-per-table section (各表记录): what became of each table's rows, and
/// the quoted fields that ran over many lines.
extension Wording {
    var tablesHeading: String { pick("各表记录", "Rows per table") }

    /// Column headings of the rows-per-table table (Markdown, HTML).
    var accountColumns: [String] {
        [pick("文件", "File"), pick("读入", "Read"), pick("计入", "Counted"), pick("有问题搁置", "Set aside"),
         pick("晚于截止日", "After as-of")]
    }

    /// One table's figures, in `accountColumns` order after the file.
    func accountFigures(_ account: TableAccount) -> [Int] {
        [account.read, account.counted, account.setAside, account.afterAsOf]
    }

    /// `activities.csv：读入 610 = 计入 597 + 有问题搁置 11 + 晚于截止日 2`.
    func accountLine(_ account: TableAccount) -> String {
        pick("\(account.file)：读入 \(account.read) = 计入 \(account.counted) + 有问题搁置 \(account.setAside) + 晚于截止日 \(account.afterAsOf)",
             "\(account.file): read \(account.read) = counted \(account.counted) + set aside \(account.setAside) + after as-of \(account.afterAsOf)")
    }

    /// Where a long quoted field starts, how far it runs, and what that may mean.
    func longFieldNote(_ field: LongField, file: String) -> String {
        let column = field.column.map { pick("（\($0)）", " (\($0))") } ?? ""
        let rowLike = field.rowLikeLines > 0
            ? pick("，其中 \(field.rowLikeLines) 行像是记录；可能多了一个引号，这些记录被并进了一个字段",
                   "; \(field.rowLikeLines) of them look like rows: a stray quote may have merged those records into one field")
            : ""
        return pick("\(file) 第 \(field.line) 行：第 \(field.field) 列\(column)的带引号字段跨 \(field.lines) 行\(rowLike)",
                    "\(file) line \(field.line): the quoted field in column \(field.field)\(column) runs over \(field.lines) lines\(rowLike)")
    }

    /// The notes of every table: the long fields kept, and how many more there are.
    func longFieldNotes(_ tables: [TableAccount]) -> [String] {
        tables.flatMap { account -> [String] in
            let more = account.longFieldCount - account.longFields.count
            return account.longFields.map { longFieldNote($0, file: account.file) }
                + (more > 0 ? [pick("\(account.file) 另有 \(more) 处同样的长字段", "\(account.file): \(more) more such fields")] : [])
        }
    }
}
