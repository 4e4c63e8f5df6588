extension DeadlineRequirement: RequirementKind {
    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name {
            uses.conditions.append(filter)
            uses.columns.formUnion([subjectBinding, periodBinding].compactMap { $0?.column })
        }
        if subjects.tables.contains(name) { uses.columns.formUnion(RequirementUses.subjectColumns(in: filter)) }
        uses.add(subjects, table: name)
        return uses
    }
}
