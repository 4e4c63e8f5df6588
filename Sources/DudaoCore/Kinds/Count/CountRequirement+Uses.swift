extension CountRequirement: RequirementKind {
    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name {
            uses.conditions.append(filter)
            if let b = subjectBinding { uses.columns.insert(b.column) }
        }
        if subjects.tables.contains(name) { uses.columns.formUnion(RequirementUses.subjectColumns(in: filter)) }
        uses.add(subjects, table: name)
        return uses
    }
}
