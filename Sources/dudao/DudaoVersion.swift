/// The release of dudao this binary is, as `dudao --version` prints it.
enum DudaoVersion {
    static let number = "0.1.0"
}
