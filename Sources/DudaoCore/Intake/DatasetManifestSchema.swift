/// The keys `dataset.yaml` may have, declared as the pack's are (`PackSchema`), so that the
/// same reader reports unknown keys and wrong types with a did-you-mean.
public enum DatasetManifestSchema {
    public static let file = ObjectShape("dataset.yaml", [
        FieldShape("tables", .map(.object(table)), required: true, "各表的本地名称，按规则包中的表名"),
    ])

    public static let table = ObjectShape("dataset.yaml 中的表", [
        FieldShape("files", .oneOrMany(.string), "该表的文件（相对数据目录的路径或通配符，按顺序）"),
        FieldShape("sheet", .string, "要读取的工作表名"),
        FieldShape("columns", .map(.string), "本地列名 → 规则包中的列名"),
        FieldShape("values", .map(.map(.string)), "规则包中的列名 → {本地取值: 规则包中的取值}"),
    ])
}
