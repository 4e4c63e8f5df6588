/// The engine's data-quality findings (PACK-SPEC section 5). Which rows they concern is
/// declared by the pack's table schemas; what they are called and how serious they are is fixed.
enum DataQualityRule: String, CaseIterable {
    case invalidValue = "data.invalid-value"
    case unknownReference = "data.unknown-reference"
    case dateOutOfWindow = "data.date-out-of-window"
    case officeMismatch = "data.office-mismatch"
    case duplicateRecord = "data.duplicate-record"

    var severity: Severity {
        switch self {
        case .invalidValue, .unknownReference: .error
        case .dateOutOfWindow, .officeMismatch, .duplicateRecord: .warning
        }
    }

    func title(english: Bool) -> String {
        switch self {
        case .invalidValue: english ? "Invalid or missing value" : "数据取值无效或缺失"
        case .unknownReference: english ? "Reference to nothing in the roster" : "引用的编号在名册中不存在"
        case .dateOutOfWindow: english ? "Activity dated outside the program" : "活动日期不在活动期间内"
        case .officeMismatch: english ? "Activity does not match the practitioner's roster entry" : "活动与工作者名册信息不一致"
        case .duplicateRecord: english ? "Duplicate record" : "重复记录"
        }
    }

    /// What an office does about such a row.
    func remedy(english: Bool) -> String {
        switch self {
        case .invalidValue:
            english ? "Correct the cell named in the finding in the ledger or roster (docs/dataset.md lists each column's allowed values), then run the check again"
                : "按发现所指的列改正台账或名册中的该格（各列的取值见 docs/dataset.md），再运行一次自查"
        case .unknownReference:
            english ? "Correct the id in the row, or add the missing entry to its roster"
                : "改正该行中的编号，或把缺少的对象补登到名册中"
        case .dateOutOfWindow:
            english ? "Check the row's date: correct a typing slip; an activity outside the program does not count"
                : "核对该行日期：录错的改正；活动期间以外的活动不计入"
        case .officeMismatch:
            english ? "Make the row's office agree with the practitioner's roster entry, or correct the practitioner's dates in the roster"
                : "使该行的所编号与工作者名册一致，或改正名册中该工作者的执业起止日期"
        case .duplicateRecord:
            english ? "Delete the row entered twice, or tell the two rows apart if they are two activities"
                : "删除重复录入的一行；如确是两次活动，请补全能区分两者的内容"
        }
    }

    func info(english: Bool) -> RuleInfo {
        RuleInfo(id: rawValue, title: title(english: false), severity: severity, clause: "表结构声明", file: "", line: 1, column: 1,
                 remedy: remedy(english: english))
    }
}
