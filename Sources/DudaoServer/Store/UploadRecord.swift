import Foundation

/// One stored upload of an office's ledger: who, when, the file as named, its SHA-256, the
/// rows of each table it holds, and the folder its files were kept in.
public struct UploadRecord: Sendable, Equatable {
    public var id: Int
    public var office: String
    public var user: String
    /// Seconds since 1970 (UTC).
    public var time: Int
    public var fileName: String
    public var sha256: String
    public var bytes: Int
    /// Rows read per table the upload holds, by table name.
    public var rows: [String: Int]
    /// The files of each table in the upload's folder, by table name.
    public var parts: [String: [String]]
    /// The folder under the server's files folder that holds what was read.
    public var folder: String
}

/// A roster table (名册) as a supervisor last uploaded it.
public struct RosterRecord: Sendable, Equatable {
    public var table: String
    public var user: String
    public var time: Int
    public var fileName: String
    public var sha256: String
    /// The file under the server's files folder.
    public var path: String
}

/// A saved inspection: the audit as of a date, with the pack and the inputs it ran on.
public struct InspectionRecord: Sendable, Equatable {
    public var id: Int
    public var user: String
    public var time: Int
    public var asOf: String
    public var packID: String
    public var packVersion: Int
    /// The SHA-256 of every input, by the name it had in the district folder.
    public var inputs: [String: String]
    /// The uploads and roster files it read (rosters by table), so it can be run again.
    public var uploads: [Int]
    public var rosters: [String: String]
    /// The audit's JSON document (`dudao audit --format json`).
    public var document: String
}

/// One line of the audit log: who did what, when, from where.
public struct LogEntry: Sendable, Equatable {
    public var time: Int
    public var user: String
    public var action: String
    public var detail: String
    public var address: String

    public init(time: Int, user: String, action: String, detail: String, address: String) {
        self.time = time
        self.user = user
        self.action = action
        self.detail = detail
        self.address = address
    }
}

/// A logged-in browser: the hash of its cookie, the account, its CSRF token, and when it ends.
public struct SessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var accountID: Int
    public var csrf: String
    /// Seconds since 1970 after which the session is no longer accepted.
    public var expires: Int
}
