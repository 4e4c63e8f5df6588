/// What conditions and the scan share: the code space and the materialized tables.
final class EvaluationContext: @unchecked Sendable {
    var ids = IdSpace()
    var tables: [MaterializedTable?] = []
}
