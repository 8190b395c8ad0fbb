/// What `moneyloop --version` says: the version, and the git commit captured at build time.
public enum BuildInfo {
    public static let version = "0.1.0"
    /// The commit the binary was built from (12 hex digits), nil when not built from git.
    public static let commit: String? = generatedCommit

    /// `0.1.0 (commit 0123456789ab)`.
    public static var versionLine: String { version + (commit.map { " (commit \($0))" } ?? " (commit unknown)") }
}
