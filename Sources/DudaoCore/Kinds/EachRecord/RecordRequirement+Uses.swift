extension RecordRequirement: RequirementKind {
    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name { uses.conditions += [filter, require].compactMap { $0 } }
        return uses
    }
}
