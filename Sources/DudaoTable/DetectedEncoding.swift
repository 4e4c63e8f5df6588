/// The encoding a table file was found to be in (PACK-SPEC §7: strict UTF-8 first, otherwise
/// GB18030). Whatever it was, `TableFile` hands out UTF-8.
public enum DetectedEncoding: Sendable, Equatable {
    /// UTF-8 without a byte order mark.
    case utf8
    /// UTF-8 with a leading byte order mark, which was dropped.
    case utf8BOM
    /// GB18030 (or its GBK subset, as Excel on a Chinese Windows saves), re-encoded to UTF-8.
    case gb18030
}
