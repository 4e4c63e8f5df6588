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

    var info: RuleInfo {
        RuleInfo(id: rawValue, title: title(english: false), severity: severity, clause: "表结构声明", file: "", line: 1, column: 1)
    }
}
