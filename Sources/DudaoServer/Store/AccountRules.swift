/// What user names and office ids may be: office ids name folders of the district's data, so
/// they are plain ASCII words.
public enum AccountRules {
    public static func isUserName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.unicodeScalars.allSatisfy { $0.isASCIIWord || $0 == "." || $0 == "-" }
    }

    public static func isOfficeID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 32 && !text.hasPrefix("-") && text.unicodeScalars.allSatisfy { $0.isASCIIWord || $0 == "-" }
    }
}

extension Unicode.Scalar {
    /// A-Z, a-z, 0-9 or `_`.
    var isASCIIWord: Bool {
        ("A"..."Z").contains(self) || ("a"..."z").contains(self) || ("0"..."9").contains(self) || self == "_"
    }
}
