import DudaoYAML

/// Thresholds and grace days: a whole number in its range, written as a number or taken
/// from an integer parameter (whose default and overrides are range-checked too).
extension PackValidator {
    func validateWholeNumber(_ v: ValueExpression, range: ClosedRange<Int>, context: String) {
        switch v {
        case .literal(let s, let mark):
            guard let n = Int(s) else {
                reader.report(mark, .wrongType(context: context, expected: "整数", found: "“\(s)”"))
                return
            }
            if !range.contains(n) {
                reader.report(mark, .outOfRange(context: context, value: s, lowest: "\(range.lowerBound)", highest: "\(range.upperBound)"))
            }
        case .parameter(let name, let mark):
            guard let p = pack.parameter(named: name) else {
                validateValue(v, rowTable: nil, subjectTables: nil, periodDefined: false)
                return
            }
            if p.kind != .integer {
                reader.report(mark, .wrongType(context: context, expected: "整数", found: "参数 \(name)"))
            } else if let n = Int(p.defaultValue), !range.contains(n) {
                reader.report(mark, .outOfRange(context: context, value: p.defaultValue,
                                                lowest: "\(range.lowerBound)", highest: "\(range.upperBound)"))
            }
        case .subject(_, let mark), .period(_, let mark), .lookup(_, _, _, let mark):
            reader.report(mark, .wrongType(context: context, expected: "整数", found: "取值"))
        }
    }
}
