/// What a dataset's tables are written as, by `dudao init` and `dudao generate`: one CSV file
/// per table, or workbooks.
public enum DatasetFormat: String, CaseIterable, Sendable {
    case csv, xlsx
}
